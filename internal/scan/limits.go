package scan

import (
	"strconv"
	"time"

	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// referenceStartMS is how long the reference process's work (node's start
// with the hook, loading nothing) takes in the sandbox on an unloaded
// machine: about 165 ms was measured on the 2-core development machine at
// load 4, so 250 ms leaves headroom. When a run's reference process takes
// longer, the runner stretches the later steps' time limits by the ratio,
// up to plan.MaxStretch (docs/rules.md, "Time limits under load"): the limits are meant for an
// unloaded machine, and a saturated one runs everything slower.
const referenceStartMS = 250

// executeStep is the execute phase of the package installed at ip. Each
// part of it has a watchdog deadline of its own: loading the package (the
// step timeout), each call's synchronous code (o.CallBudget: a call that
// runs past it is stopped and skipped, as is one that exits the process,
// and the phase goes on after it in a new process — see
// internal/runner/calls.go), each promise a call returned (the call
// timeout), the linger. The step's own limit is
// the backstop, sized for every call's promise to run its full timeout.
func executeStep(ip, dir, name, linger string, o Options) plan.Step {
	backstop := 2*o.StepTimeout + maxCalls*(o.CallTimeout+time.Second)
	return plan.Step{
		Phase: profile.PhaseExecute, Dependency: ip, Dir: dir, Calls: true, Watchdog: true,
		TimeoutMS: int(backstop.Milliseconds()),
		Args: []string{"-e", executeJS, profiler.Marker, profile.PhaseExecute, ip, linger, name,
			strconv.Itoa(int(o.CallTimeout.Milliseconds())), callArgs.json(),
			strconv.Itoa(int(o.CallBudget.Milliseconds())), strconv.Itoa(int(o.StepTimeout.Milliseconds()))},
	}
}

// maxCalls is how many calls the execute harness makes at most.
const maxCalls = plan.MaxCalls
