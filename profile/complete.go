package profile

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Problem codes CheckComplete derives from a profile's own content.
const (
	ProblemTimeout       = "timeout"
	ProblemKilled        = "killed"
	ProblemOutOfMemory   = "out-of-memory"
	ProblemExited        = "exited"
	ProblemHandlerFailed = "handler-failed"
	ProblemTimerNotRun   = "timer-not-run"
)

// OutOfMemory is the Outcome.Error of a process that ran out of memory.
const OutOfMemory = "out of memory"

// CheckComplete applies depbox's rule for what behaviour it did not see
// (docs/rules.md, "Incomplete analyses"). It adds a fatal problem for
//
//   - every phase whose process ended other than by finishing its plan:
//     killed at a time limit ("timeout"), ended by a signal ("killed",
//     "out-of-memory": SIGKILL, process.abort(), a heap exhausted) or
//     exited before it finished ("exited": process.exit);
//   - an invoke phase that could not load the handler ("handler-failed"):
//     no invocation ran;
//   - a timer brought forward whose callback neither ran nor was cancelled
//     before its phase ended ("timer-not-run").
//
// With the fatal problems the scanner records itself (lost events, a
// failed sandbox, hook records the syscall stream contradicts, …) these
// make the profile Incomplete, and an incomplete profile is never a pass
// nor a baseline. CheckComplete is idempotent: the scanner calls it last,
// and Read calls it on every profile it reads, so that a profile judged
// later is held to the same rule.
func (p *Profile) CheckComplete() {
	for i := range p.Dependencies {
		p.checkDependency(&p.Dependencies[i], p.Dependencies[i].Path)
	}
	if p.App != nil {
		p.checkDependency(p.App, "")
	}
	for _, pr := range p.Problems {
		if pr.Fatal {
			p.Incomplete = true
		}
	}
	p.Canonicalize()
}

// checkDependency adds the problems of one dependency's phases; dep is
// the install path problems name ("" for the function's own code).
func (p *Profile) checkDependency(d *Dependency, dep string) {
	phases := make([]string, 0, len(d.Phases))
	for ph := range d.Phases {
		phases = append(phases, ph)
	}
	slices.Sort(phases)
	who := "the function"
	if dep != "" {
		who = dep
	}
	for _, phase := range phases {
		b := d.Phases[phase]
		if b == nil {
			continue
		}
		if pr, ok := outcomeProblem(who, phase, b.Outcome); ok {
			pr.Dependency, pr.Phase = dep, phase
			if e := b.Outcome.EndedBy; e != "" && e != "." {
				pr.Dependency = e // the package that ended it is the one to look at
			}
			p.addOnce(pr)
		}
		for x := b; x != nil; x = x.Unattributed {
			for _, t := range x.Timers {
				if t.BroughtForward && !t.Ran && !t.Cleared {
					p.addOnce(Problem{Code: ProblemTimerNotRun, Dependency: dep, Phase: phase, Fatal: true, Message: fmt.Sprintf(
						"a %s timer set in the %s phase of %s was brought forward, but its callback never ran before the phase ended: what it does was not seen",
						time.Duration(t.DelayMS)*time.Millisecond, phase, who)})
				}
			}
		}
	}
}

// outcomeProblem is the problem a phase's outcome means, if any.
func outcomeProblem(who, phase string, o *Outcome) (Problem, bool) {
	if o == nil {
		return Problem{}, false
	}
	during := ""
	if o.Stage != "" {
		during = " during " + o.Stage
	}
	by := ""
	switch o.EndedBy {
	case "":
	case ".":
		by = "; the function's own code ended it"
	default:
		by = "; " + o.EndedBy + " ended it"
	}
	pr := Problem{Fatal: true}
	switch o.Status {
	case StatusTimeout:
		limit := "--step-timeout"
		switch {
		case phase == PhaseInvoke && o.Stage == "start-up":
			limit = "--init-timeout"
		case phase == PhaseInvoke && strings.HasPrefix(o.Stage, "invocation "):
			limit = "--invoke-timeout"
		case phase == PhaseInvoke:
			limit = "--step-timeout or --timer-budget"
		}
		pr.Code = ProblemTimeout
		pr.Message = fmt.Sprintf("the %s phase of %s was killed at its time limit%s: what it would have done next was not seen (if it is just slow, raise %s)", phase, who, during, limit)
	case StatusKilled:
		if strings.HasPrefix(o.Error, OutOfMemory) {
			pr.Code = ProblemOutOfMemory
			pr.Message = fmt.Sprintf("the %s phase of %s ran out of memory%s and was ended: what it would have done next was not seen (if it needs more, raise --memory)", phase, who, during)
			break
		}
		pr.Code = ProblemKilled
		pr.Message = fmt.Sprintf("the %s phase of %s was ended by a signal (%s)%s before it finished%s: what it would have done next was not seen", phase, who, o.Error, during, by)
	case StatusExited:
		pr.Code = ProblemExited
		if by == "" {
			by = "; code in it called process.exit or the like"
		}
		pr.Message = fmt.Sprintf("the %s phase of %s ended before it finished (exit code %d%s)%s: what would have run next was not seen", phase, who, o.ExitCode, strings.Replace(during, " during", ", during", 1), by)
	case StatusError:
		if phase != PhaseInvoke {
			return Problem{}, false // a package that fails to load is an outcome, not a gap
		}
		pr.Code = ProblemHandlerFailed
		pr.Message = fmt.Sprintf("the handler could not be loaded (%s), so no invocation ran and the dependencies were not seen at work: fix the bundle, pass --handler, or --events none to skip the invoke phase", o.Error)
	default:
		return Problem{}, false
	}
	return pr, true
}

// addOnce adds a problem unless the same one is already there.
func (p *Profile) addOnce(pr Problem) {
	if slices.Contains(p.Problems, pr) {
		return
	}
	p.AddProblem(pr)
}
