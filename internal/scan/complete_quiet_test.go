package scan

import (
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
	for _, tc := range []struct {
		events int
		want   string
	}{
		{4, profile.StatusOK},
		{5, profile.StatusExited},
	} {
		if got := invokeOutcome(recs, tc.events, plan.StepResult{}); got.Status != tc.want {
			t.Errorf("%d events: outcome %+v, want %s", tc.events, got, tc.want)
		}
	}
}
