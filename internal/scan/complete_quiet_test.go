package scan

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
)

// TestInvokeOutcomeQuiet: invocations sent together as one quiet record
// count as ended, as their end records would.
func TestInvokeOutcomeQuiet(t *testing.T) {
	inv := func(op string, d map[string]any) hook.Record { return hook.Record{Kind: "invoke", Op: op, Detail: d} }
	recs := []hook.Record{
		inv("init", nil), inv("ready", nil),
		inv("quiet", map[string]any{"from": 0.0, "to": 2.0, "count": 3.0}),
		inv("start", map[string]any{"n": 3.0}), inv("end", map[string]any{"n": 3.0, "status": "ok"}),
		inv("linger", nil), inv("exit", map[string]any{"code": 0.0}),
	}
	// An invocation accounted for twice still counts once.
	twice := append(slices.Clone(recs[:5]), inv("quiet", map[string]any{"from": 3.0, "to": 3.0, "count": 1.0}), recs[5], recs[6])
	for _, tc := range []struct {
		name   string
		recs   []hook.Record
		events int
		want   string
	}{
		{"all accounted for", recs, 4, profile.StatusOK},
		{"one missing", recs, 5, profile.StatusExited},
		{"one ended twice, one missing", twice, 5, profile.StatusExited},
		{"a range beyond the events", []hook.Record{inv("quiet", map[string]any{"from": 3.0, "to": 9.0, "count": 7.0}), inv("exit", map[string]any{"code": 0.0})}, 4, profile.StatusExited},
	} {
		if got := invokeOutcome(tc.recs, tc.events, plan.StepResult{}); got.Status != tc.want {
			t.Errorf("%s: outcome %+v, want %s", tc.name, got, tc.want)
		}
	}
}
