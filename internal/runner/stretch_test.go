package runner

import (
	"testing"

	"github.com/depbox/depbox/internal/plan"
)

func TestStretchFor(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reference int
		measured  int64
		want      float64
	}{
		{"no reference set", 0, 5000, 1},
		{"faster than the reference", 250, 100, 1},
		{"as fast", 250, 250, 1},
		{"four times slower", 250, 1000, 4},
		{"capped", 250, 250 * 100, plan.MaxStretch},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stretchFor(&plan.Plan{ReferenceMS: tc.reference}, tc.measured); got != tc.want {
				t.Errorf("stretchFor(%d ms against %d ms) = %v, want %v", tc.measured, tc.reference, got, tc.want)
			}
		})
	}
}

// TestStretchLimits: the levels after the reference get their limits
// stretched (the step timeout, each step's own, a batch's packages loaded
// alone); the reference's level is not; the watchdog stretches deadlines.
func TestStretchLimits(t *testing.T) {
	p := &plan.Plan{StepTimeoutMS: 1000, LingerMS: 200, ReferenceMS: 250, Levels: [][]plan.Step{
		{{Phase: "import", Dependency: "-", Reference: true, TimeoutMS: 10}},
		{{Phase: "import", Dependency: "(batch)", Batch: []plan.BatchItem{{Alone: plan.Step{TimeoutMS: 300}}}}},
		{{Phase: "invoke", Dependency: "(function)", TimeoutMS: 5000}, {Phase: "execute", Dependency: "x"}},
	}}
	results := []plan.StepResult{{Phase: "import", Dependency: "-", Status: "ok", DurationMS: 200 + 750}}
	ms := referenceWork(p, p.Levels[0], results)
	if ms != 750 {
		t.Fatalf("referenceWork = %d, want 750 (its duration less the linger)", ms)
	}
	stretchLimits(p, 1, stretchFor(p, ms))
	if p.Stretch != 3 || p.StepTimeoutMS != 3000 || p.Levels[0][0].TimeoutMS != 10 ||
		p.Levels[1][0].Batch[0].Alone.TimeoutMS != 900 || p.Levels[2][0].TimeoutMS != 15000 || p.Levels[2][1].TimeoutMS != 0 {
		t.Errorf("stretched plan: %+v", p)
	}
	if w := newWatchdog(p.Stretch); w.stretch != 3 {
		t.Errorf("watchdog stretch %v", w.stretch)
	}
	for _, r := range []plan.StepResult{
		{Phase: "import", Dependency: "-", TimedOut: true, DurationMS: 9000},
		{Phase: "import", Dependency: "-", DurationMS: 9000}, // no report: no measurement
	} {
		if ms := referenceWork(p, p.Levels[0], []plan.StepResult{r}); ms != -1 {
			t.Errorf("referenceWork of %+v = %d, want -1 (the limits stay)", r, ms)
		}
	}
}

func TestResumeArg(t *testing.T) {
	skipped := []plan.SkippedCall{{N: 0, Label: "help"}, {N: 3, Label: "Command#_exit"}, {N: 5, Label: "help"}}
	if got, want := resumeArg(6, skipped), `{"from":6,"skip":["help","Command#_exit"]}`; got != want {
		t.Errorf("resumeArg = %s, want %s", got, want)
	}
	if got, want := resumeArg(1, nil), `{"from":1,"skip":[]}`; got != want {
		t.Errorf("resumeArg = %s, want %s", got, want)
	}
}
