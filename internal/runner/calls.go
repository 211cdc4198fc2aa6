package runner

import (
	"context"
	"encoding/json"
	"slices"

	"github.com/depbox/depbox/internal/plan"
)

// runCalls runs the execute harness (plan.Step.Calls). When a call's own
// code ends the process — it exited it, or ran past its budget — the
// harness starts again in a new process from the next call, without the
// later calls of the same export (resumeArg), and the call is reported as
// skipped:
// the calls the harness makes are depbox's doing, and one that ends the
// process must not hide what the package does in the others. What the
// earlier processes did stays recorded (their events carry the same
// phase and dependency). After plan.MaxSkippedCalls the last process's
// result stands: a package whose calls keep ending the process leaves the
// phase incomplete. An exit or a hang outside a call's own code (a timer,
// a promise's continuation, the package's load) is never skipped.
func runCalls(ctx context.Context, p *plan.Plan, st plan.Step) plan.StepResult {
	var skipped []plan.SkippedCall
	var unsettled []plan.UnsettledCall
	args := st.Args
	for {
		run := st
		run.Args = args
		r, ended := runProcess(ctx, p, run)
		unsettled = append(unsettled, r.UnsettledCalls...)
		if ended == nil || len(skipped) >= plan.MaxSkippedCalls || ctx.Err() != nil {
			r.SkippedCalls, r.UnsettledCalls = skipped, unsettled
			return r
		}
		skipped = append(skipped, *ended)
		args = append(slices.Clip(st.Args), resumeArg(ended.N+1, skipped))
	}
}

// resumeArg is the harness's argument to go on from call `from` without
// the later calls of the exports whose calls were skipped.
func resumeArg(from int, skipped []plan.SkippedCall) string {
	r := struct {
		From int      `json:"from"`
		Skip []string `json:"skip"`
	}{From: from, Skip: []string{}}
	for _, c := range skipped {
		if c.Label != "" && !slices.Contains(r.Skip, c.Label) {
			r.Skip = append(r.Skip, c.Label)
		}
	}
	b, _ := json.Marshal(r)
	return string(b)
}
