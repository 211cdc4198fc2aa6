package runner

import "github.com/depbox/depbox/internal/plan"

// stretchFor is the factor the limits are stretched by when the reference
// step's work took refMS on a machine where it takes p.ReferenceMS
// unloaded: the ratio, at least 1 and at most plan.MaxStretch.
func stretchFor(p *plan.Plan, refMS int64) float64 {
	if p.ReferenceMS <= 0 || refMS <= int64(p.ReferenceMS) {
		return 1
	}
	return min(float64(refMS)/float64(p.ReferenceMS), plan.MaxStretch)
}

// stretchLimits multiplies by f the time limits of the steps in the levels
// from level `from` on (the plan's step timeout, each step's own timeout,
// the timeouts of batch packages loaded alone), and records f in the plan
// for the deadlines steps set through their status lines (the watchdog).
func stretchLimits(p *plan.Plan, from int, f float64) {
	if f <= 1 {
		return
	}
	scale := func(ms int) int { return int(float64(ms) * f) }
	p.Stretch = f
	p.StepTimeoutMS = scale(p.StepTimeoutMS)
	for _, level := range p.Levels[from:] {
		for i := range level {
			st := &level[i]
			st.TimeoutMS = scale(st.TimeoutMS)
			for j := range st.Batch {
				st.Batch[j].Alone.TimeoutMS = scale(st.Batch[j].Alone.TimeoutMS)
			}
		}
	}
}

// referenceWork is how long the reference step of a finished level
// worked (its duration less the linger), found among the run's results;
// -1 when the level has none or it did not end normally (no measurement:
// the limits stay as they are).
func referenceWork(p *plan.Plan, level []plan.Step, results []plan.StepResult) int64 {
	for _, st := range level {
		if !st.Reference {
			continue
		}
		for _, r := range results {
			if r.Phase != st.Phase || r.Dependency != st.Dependency {
				continue
			}
			if r.TimedOut || r.Signal != "" || r.Status == "" {
				return -1
			}
			return max(r.DurationMS-int64(p.LingerMS), 0)
		}
	}
	return -1
}
