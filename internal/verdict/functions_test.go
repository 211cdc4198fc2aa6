package verdict

import (
	"slices"
	"testing"
)

// TestMerge combines two functions' results: a finding both have is listed
// once without a function, one only a function has names it, and the
// merged result is incomplete when either is.
func TestMerge(t *testing.T) {
	shared := Finding{Rule: "DBX005", Path: "node_modules/a", Phase: "import", Message: "a read x", Severity: Medium, Evidence: Evidence{Event: "file-read", Values: []string{"x"}}}
	own := Finding{Rule: "DBX005", Path: "node_modules/b", Phase: "invoke", Message: "b read y", Severity: High, Evidence: Evidence{Event: "file-read", Values: []string{"y"}}}
	// The same finding's values differ between the functions: not shared.
	differs := func(v string) Finding {
		return Finding{Rule: "DBX003", Path: "node_modules/c", Phase: "invoke", Message: "c", Severity: Low, Evidence: Evidence{Event: "env", Values: []string{v}}}
	}
	tests := []struct {
		name       string
		fns        []FunctionResult
		want       []string // rule path phase function
		incomplete bool
	}{
		{
			name: "shared and own",
			fns: []FunctionResult{
				{Function: "A", Result: &Result{Findings: []Finding{shared, differs("1")}, Warnings: []string{"w"}}},
				{Function: "B", Result: &Result{Findings: []Finding{own, shared, differs("2")}, Warnings: []string{"w"}, Incomplete: true}},
			},
			want:       []string{"DBX005 node_modules/b invoke B", "DBX005 node_modules/a import ", "DBX003 node_modules/c invoke A", "DBX003 node_modules/c invoke B"},
			incomplete: true,
		},
		{
			name: "one function",
			fns:  []FunctionResult{{Function: "A", Result: &Result{Findings: []Finding{own}}}},
			want: []string{"DBX005 node_modules/b invoke "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Merge(tt.fns)
			var got []string
			for _, f := range r.Findings {
				got = append(got, f.Rule+" "+f.Path+" "+f.Phase+" "+f.Function)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
			}
			if r.Incomplete != tt.incomplete {
				t.Errorf("incomplete %v, want %v", r.Incomplete, tt.incomplete)
			}
			if len(tt.fns) > 1 && len(r.Warnings) != 1 {
				t.Errorf("warnings %q, want the shared one once", r.Warnings)
			}
		})
	}
}
