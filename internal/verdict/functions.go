package verdict

import (
	"cmp"
	"slices"
	"strings"
)

// FunctionResult is the evaluation of one function of a template with
// several.
type FunctionResult struct {
	Function string
	Result   *Result
}

// Merge combines the results of a template's functions into one. A finding
// every function has alike (what their shared packages do at install and
// import, say) is listed once, without a function; any other finding is
// listed for each function that has it, with Function set. The merged
// result is incomplete when any function's is; warnings and expired ignore
// entries are listed once.
func Merge(fns []FunctionResult) *Result {
	if len(fns) == 1 {
		return fns[0].Result
	}
	out := &Result{BaselineUsed: true, Findings: []Finding{}}
	count := map[string]int{}
	for _, fr := range fns {
		seen := map[string]bool{}
		for _, f := range fr.Result.Findings {
			if k := findingKey(f); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	listed := map[string]bool{}
	warned := map[string]bool{}
	expired := map[string]bool{}
	for _, fr := range fns {
		r := fr.Result
		out.Incomplete = out.Incomplete || r.Incomplete
		out.BaselineUsed = out.BaselineUsed && r.BaselineUsed
		if out.SkippedRules == nil {
			out.SkippedRules = r.SkippedRules
		}
		for _, f := range r.Findings {
			k := findingKey(f)
			if count[k] < len(fns) {
				f.Function = fr.Function
			} else if listed[k] {
				continue
			}
			listed[k] = true
			out.Findings = append(out.Findings, f)
		}
		for _, s := range r.Suppressed {
			s.Finding.Function = fr.Function
			out.Suppressed = append(out.Suppressed, s)
		}
		for _, ig := range r.ExpiredIgnores {
			if d := ig.describe(); !expired[d] {
				expired[d] = true
				out.ExpiredIgnores = append(out.ExpiredIgnores, ig)
			}
		}
		for _, w := range r.Warnings {
			if !warned[w] {
				warned[w] = true
				out.Warnings = append(out.Warnings, w)
			}
		}
	}
	slices.SortStableFunc(out.Findings, func(a, b Finding) int {
		return cmp.Or(compareFindings(a, b), cmp.Compare(a.Function, b.Function))
	})
	return out
}

// findingKey is what makes two functions' findings the same finding.
func findingKey(f Finding) string {
	return strings.Join(append([]string{f.Rule, f.Path, f.Phase, f.Message, f.Evidence.Event}, f.Evidence.Values...), "\x00")
}
