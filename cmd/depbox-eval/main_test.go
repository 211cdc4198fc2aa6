package main

import (
	"slices"
	"strings"
	"testing"
)

// TestGoldensCovered: -update writes the golden file of each part a run
// covered in full, and leaves the others alone.
func TestGoldensCovered(t *testing.T) {
	for _, tc := range []struct {
		only    string
		matched bool
		want    []string
	}{
		{"packages,functions,malicious", false, []string{"benign.txt", "malicious.txt"}},
		{"malicious", false, []string{"malicious.txt"}},
		{"packages,functions", false, []string{"benign.txt"}},
		{"packages", false, nil},
		{"functions,malicious", false, []string{"malicious.txt"}},
		{"malicious", true, nil},
		{"packages,functions,malicious", true, nil},
	} {
		parts := strings.Split(tc.only, ",")
		got := goldensCovered(func(p string) bool { return slices.Contains(parts, p) }, tc.matched)
		if !slices.Equal(got, tc.want) {
			t.Errorf("-only %s (match %v): %v, want %v", tc.only, tc.matched, got, tc.want)
		}
	}
}
