package profiler

import (
	"encoding/base64"
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/profile"
)

// TestFoldTreeDataPerProcess: every process numbers its records from 1, so
// two processes' writes with the same number each keep their own bytes
// (and a continuation record joins its own process's first part).
func TestFoldTreeDataPerProcess(t *testing.T) {
	write := func(pkg string, seq int64, host, data string) hook.Record {
		return hook.Record{Kind: "net", Op: "write", Pkg: pkg, Seq: seq,
			Detail: map[string]any{"host": host, "port": float64(4444), "data_b64": base64.StdEncoding.EncodeToString([]byte(data))}}
	}
	more := func(pkg string, seq, of int64, off int, data string) hook.Record {
		return hook.Record{Kind: "net", Op: "data", Pkg: pkg, Seq: seq,
			Detail: map[string]any{"of": float64(of), "off": float64(off), "data_b64": base64.StdEncoding.EncodeToString([]byte(data))}}
	}
	tests := []struct {
		name  string
		procs [][]hook.Record
		want  []string // Outgoing data, pkg@destination=bytes
	}{
		{"same numbers in two processes",
			[][]hook.Record{{write("a", 5, "192.0.2.1", "first")}, {write("b", 5, "192.0.2.2", "second")}},
			[]string{"a@192.0.2.1:4444=first", "b@192.0.2.2:4444=second"}},
		{"a continuation joins its own process's part",
			[][]hook.Record{{write("a", 3, "192.0.2.1", "ab"), more("a", 4, 3, 2, "cd")}, {write("b", 3, "192.0.2.2", "xy"), more("b", 4, 3, 2, "zw")}},
			[]string{"a@192.0.2.1:4444=abcd", "b@192.0.2.2:4444=xyzw"}},
		{"one process",
			[][]hook.Record{{write("a", 2, "192.0.2.1", "one"), write("a", 3, "192.0.2.1", "two")}},
			[]string{"a@192.0.2.1:4444=one", "a@192.0.2.1:4444=two"}},
	}
	for _, tt := range tests {
		var got []string
		for _, o := range FoldTree(tt.procs, profile.PhaseInvoke, "/var/task").Outgoing {
			if o.Channel == "network" {
				got = append(got, o.Pkg+"@"+o.Destination+"="+string(o.Data))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: outgoing %q, want %q", tt.name, got, tt.want)
		}
	}
}
