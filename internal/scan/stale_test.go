package scan

import (
	"reflect"
	"testing"
)

// TestInBoth: what doctor reports as left behind is what two looks, apart,
// both saw; a sandbox whose teardown finished in between is not listed.
func TestInBoth(t *testing.T) {
	killed := Leftover{Owner: "7-70", Dirs: []string{"/w/depbox-7-70-a"}, Sandboxes: map[string][]string{"depbox-7-70-a-run0": {"/cg/cpu/x", "/cg/memory/x"}}}
	ending := Leftover{Owner: "8-80", Sandboxes: map[string][]string{"depbox-8-80-b-run0": {"/cg/cpu/y", "/cg/memory/y"}}}
	tests := []struct {
		name        string
		first, then []Leftover
		want        []Leftover
	}{
		{"nothing", nil, nil, nil},
		{"a killed depbox's, in both", []Leftover{killed}, []Leftover{killed}, []Leftover{killed}},
		{"a teardown that finished", []Leftover{killed, ending}, []Leftover{killed}, []Leftover{killed}},
		{"a teardown half done", []Leftover{ending}, []Leftover{{Owner: "8-80", Sandboxes: map[string][]string{"depbox-8-80-b-run0": {"/cg/memory/y"}}}},
			[]Leftover{{Owner: "8-80", Sandboxes: map[string][]string{"depbox-8-80-b-run0": {"/cg/memory/y"}}}}},
		{"new in the second look only", nil, []Leftover{killed}, nil},
		{"the directory went, the sandbox stayed", []Leftover{killed}, []Leftover{{Owner: "7-70", Sandboxes: killed.Sandboxes}},
			[]Leftover{{Owner: "7-70", Sandboxes: killed.Sandboxes}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inBoth(tt.first, tt.then); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
