package scan

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// sandboxKilled reports whether the sandbox as a whole ended before its
// runner did: runsc failed while the event stream never saw the runner
// (the sandbox's init, pid 1) exit. Only something outside the sandbox
// does that: the host's out-of-memory killer taking the sentry, an
// operator or a supervisor killing it, or gVisor crashing. The runner then
// wrote no results, and saying so would blame the runner.
func sandboxKilled(res *sandbox.Result, procs []*profiler.Proc) bool {
	if res == nil || res.ExitCode == 0 || res.TimedOut {
		return false
	}
	for _, p := range procs {
		if p.Key.Tgid == 1 && p.Exited {
			return false
		}
	}
	return true
}

// killedProblem says that the sandbox was killed, by whom as far as the
// host tells (its memory cgroup's OOM kill count), and which phases were
// running then (their processes had started and not ended); when one was,
// the problem names it.
func killedProblem(res *sandbox.Result, runs map[profiler.RunKey]*profiler.Run, memoryBytes int64) profile.Problem {
	var running []profiler.RunKey
	for k, r := range runs {
		if r.Root != nil && !r.Exited {
			running = append(running, openWindow(k, r))
		}
	}
	slices.SortFunc(running, func(a, b profiler.RunKey) int {
		return strings.Compare(a.Phase+"\x00"+a.Dependency, b.Phase+"\x00"+b.Dependency)
	})
	pr := profile.Problem{Code: "sandbox-killed", Fatal: true}
	var when string
	switch {
	case len(running) == 0 && len(runs) == 0:
		when = "before any phase started"
	case len(running) == 0:
		when = "between phases"
	case len(running) == 1:
		pr.Phase, pr.Dependency = running[0].Phase, displayDep(running[0].Dependency)
		when = fmt.Sprintf("while the %s phase of %s was running", running[0].Phase, displayDep(running[0].Dependency))
	default:
		var names []string
		for _, k := range running {
			names = append(names, k.Phase+" "+displayDep(k.Dependency))
		}
		when = fmt.Sprintf("while %d phases were running (%s)", len(running), strings.Join(names, ", "))
	}
	how := fmt.Sprintf("runsc exited with code %d", res.ExitCode)
	if res.ExitCode > 128 {
		how += ", " + unix.SignalName(unix.Signal(res.ExitCode-128))
	}
	if res.OOMKills > 0 {
		pr.Message = fmt.Sprintf("the host's out-of-memory killer ended the whole sandbox (%s) %s: it reached its memory limit of %d MiB. What would have happened next was not seen; memory filling that fast is suspect in itself (raise --memory if the function needs more)",
			how, when, memoryBytes>>20)
		return pr
	}
	pr.Message = fmt.Sprintf("the whole sandbox was killed from outside (%s) %s: what would have happened next was not seen. Something on the host ended it: an operator, a supervisor, or gVisor failing (re-run with --keep-workdir to keep its logs)",
		how, when)
	return pr
}

// openWindow names what a run was doing when the sandbox died: for a batch
// process (several packages loaded one after another), the package whose
// window had started and not ended; otherwise the run itself.
func openWindow(k profiler.RunKey, r *profiler.Run) profiler.RunKey {
	if !strings.HasPrefix(k.Dependency, profiler.BatchTag) {
		return k
	}
	for i := len(r.Root.Windows) - 1; i >= 0; i-- {
		if w := r.Root.Windows[i]; w.End == nil && w.Dependency != "" {
			return profiler.RunKey{Phase: k.Phase, Dependency: w.Dependency}
		}
	}
	return k
}

// oomProblem says that the host's out-of-memory killer ended processes of
// a sandbox that survived: with gVisor's systrap platform each
// application's address space is a host process, and when the host kills
// one, gVisor ends that application with SIGKILL. The phase it ended is
// already incomplete (outcome "killed"); this says who killed it.
func oomProblem(res *sandbox.Result, memoryBytes int64) profile.Problem {
	return profile.Problem{Code: "host-oom", Message: fmt.Sprintf(
		"the host's out-of-memory killer ended %d of the sandbox's processes at its memory limit of %d MiB: a phase killed by SIGKILL ran out of memory (raise --memory if the function needs more)",
		res.OOMKills, memoryBytes>>20)}
}
