package scan

import (
	"slices"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// ProblemRecordInFlight is the non-fatal problem of a hook record the
// syscall stream contradicts that was in flight when depbox killed its
// process: the hook records a call (a child process, a *Sync read) before
// making it, so a kill between the two leaves a record of something that
// never happened.
const ProblemRecordInFlight = "hook-record-in-flight"

// depboxKill says how depbox killed the processes of run k, from the
// phase's outcome: "the phase ran out of time" (a deadline or the step's
// limit: the phase is incomplete, a fatal problem of its own) or "a call
// ran past its budget" (the execute harness's call skipped); "" when
// depbox killed nothing there. Only a kill depbox sent excuses a
// contradicted record (profiler.Proc.InFlight): one the package sent
// itself (a SIGKILL to its own process, the outcome "killed") does not,
// and a batch process's records are judged as before.
//
// Why this cannot hide a forgery: a record in flight is never used — it
// explains no syscall event and names no package — so what the syscall
// stream shows is judged exactly as if it had not been written; a forger
// gains nothing it would not gain by not writing it. A forged record
// followed by a stall until the kill is either a timeout (the phase is
// incomplete: critical DBX004, as before) or a call's own code past its
// budget (skipped, and the record shown as this problem).
func depboxKill(p *profile.Profile, k profiler.RunKey) string {
	var o *profile.Outcome
	switch k.Dependency {
	case Function:
		if p.App != nil && p.App.Phases[k.Phase] != nil {
			o = p.App.Phases[k.Phase].Outcome
		}
	default:
		if d := p.Dependency(k.Dependency); d != nil && d.Phases[k.Phase] != nil {
			o = d.Phases[k.Phase].Outcome
		}
	}
	if o == nil {
		return ""
	}
	if o.Status == profile.StatusTimeout {
		return "the phase ran out of time"
	}
	for _, c := range o.SkippedCalls {
		if c.Ended == "budget" {
			return "a call ran past its budget"
		}
	}
	return ""
}

// markSwept records on run which of its processes the runner's orphan
// sweep killed (pids of one sandbox run, where pids are not reused).
func markSwept(run *profiler.Run, pids []int) {
	for _, pr := range run.Procs {
		if slices.Contains(pids, int(pr.Key.Tgid)) {
			run.Swept = append(run.Swept, pr.Key)
		}
	}
}
