package profile

import (
	"bytes"
	"strings"
	"testing"
)

// TestReadAll reads a stream of profiles, one per function of a template:
// each checked like Read checks one; an empty stream or a bad profile in it
// is an error naming which.
func TestReadAll(t *testing.T) {
	var one, two bytes.Buffer
	for i, fn := range []string{"OrdersFn", "ReportsFn"} {
		p := &Profile{Bundle: Bundle{Name: "multi", Function: fn, Functions: []string{"OrdersFn", "ReportsFn"}}}
		if err := p.Write(&two); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			one.Write(two.Bytes())
		}
	}
	tests := []struct {
		name, in string
		want     []string // functions
		err      string
	}{
		{name: "two", in: two.String(), want: []string{"OrdersFn", "ReportsFn"}},
		{name: "one", in: one.String(), want: []string{"OrdersFn"}},
		{name: "empty", in: "", err: "profile 1: decoding profile: EOF"},
		{name: "bad second", in: two.String() + `{"schema":"depbox.profile/v0"}`, err: "profile 3: profile schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := ReadAll(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Bundle.Function)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("functions %v, want %v", got, tt.want)
			}
		})
	}
}
