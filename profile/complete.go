package profile

import (
	"fmt"
	"slices"
	"time"
)

// Outcome statuses. A phase's process either finished its plan (OK; Error
// when the package threw at load or a lifecycle script failed, which the
// loader or the shell reported; NoEntry when there was nothing to load) or
// it did not, and then part of its behaviour was never seen.
const (
	StatusOK        = "ok"
	StatusError     = "error"
	StatusNoEntry   = "no-entry"
	StatusTimeout   = "timeout"    // killed at its time limit (or a watchdog deadline)
	StatusKilled    = "killed"     // ended by a signal: SIGKILL (out of memory, or killed), SIGABRT (process.abort)…
	StatusExited    = "exited"     // ended before its plan finished (process.exit in package code, a crash)
	StatusInitError = "init-error" // the handler could not be loaded: no invocation ran
)

// Settle enforces depbox's completeness invariant, in one place, on a
// profile fresh from a scan or read from a file: a phase whose process
// ended other than by finishing its plan (a timeout, a kill, an abort, out
// of memory, an exit in package code, a handler that throws at load, an
// invoke phase that did not run every event) and a brought-forward timer
// whose callback never ran each add a fatal problem, so the profile is
// incomplete; Incomplete is true whenever any problem is fatal. scan, gate
// and baseline update refuse an incomplete profile (docs/rules.md). Settle
// is idempotent: a problem it already added is not added again.
func (p *Profile) Settle() {
	add := func(pr Problem) {
		if !slices.Contains(p.Problems, pr) {
			p.AddProblem(pr)
		}
	}
	check := func(d *Dependency, label string) {
		for _, phase := range sortedPhases(d.Phases) {
			b := d.Phases[phase]
			if b == nil {
				continue
			}
			if msg := endedEarly(phase, b.Outcome); msg != "" {
				code := b.Outcome.Status // timeout, killed, exited, init-error
				if code == StatusError {
					code = "invoke-error"
				}
				// The package the hook saw end the process is the one to
				// look at; the problem, and its DBX004 finding, name it.
				dep := d.Path
				switch e := b.Outcome.EndedBy; {
				case e == ".":
					msg += "; the function's own code ended it"
				case e != "" && e != d.Path:
					dep = e
					msg += "; " + e + " ended it"
				}
				add(Problem{Code: code, Dependency: dep, Phase: phase, Fatal: true,
					Message: fmt.Sprintf("the %s phase of %s %s: what it would have done next was not seen", phase, label, msg)})
			}
			if b.Outcome != nil {
				for _, c := range b.Outcome.SkippedCalls {
					add(Problem{Code: "call-skipped", Dependency: d.Path, Phase: phase, Message: skippedText(label, c)})
				}
			}
			for _, t := range b.Timers {
				if t.Unfired > 0 {
					add(Problem{Code: "timer-unfired", Dependency: d.Path, Phase: phase, Fatal: true,
						Message: fmt.Sprintf("%s set a timer of %s that depbox brought forward, but its callback never ran before the %s phase's process ended (%d pending)",
							label, FormatDelay(t.DelayMS), phase, t.Unfired)})
				}
			}
		}
	}
	for i := range p.Dependencies {
		check(&p.Dependencies[i], p.Dependencies[i].Path)
	}
	if p.App != nil {
		check(p.App, "the function")
	}
	for _, pr := range p.Problems {
		if pr.Fatal {
			p.Incomplete = true
		}
	}
}

// endedEarly says how a phase ended before finishing its plan, or "" when
// it finished.
func endedEarly(phase string, o *Outcome) string {
	if o == nil {
		return ""
	}
	detail := ""
	if o.Error != "" {
		detail = " (" + o.Error + ")"
	}
	switch o.Status {
	case StatusOK, StatusNoEntry, "":
		return ""
	case StatusError:
		if phase != PhaseInvoke {
			return "" // a throw at load, a failing script: reported, and the plan went on
		}
		return fmt.Sprintf("ended with exit code %d%s", o.ExitCode, detail)
	case StatusTimeout:
		return "ran out of time and was killed" + detail
	case StatusKilled:
		return "was killed by a signal" + detail
	case StatusExited:
		return "ended before finishing" + detail
	case StatusInitError:
		return "could not load the handler" + detail + " and ran no invocation"
	default:
		return "ended as " + o.Status + detail
	}
}

// FormatDelay writes a timer delay the way baselines show it (10m0s).
func FormatDelay(ms int64) string { return (time.Duration(ms) * time.Millisecond).String() }

func sortedPhases(m map[string]*Behavior) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// skippedText says what a skipped call of the execute phase did and what
// that means for the profile.
func skippedText(label string, c SkippedCall) string {
	how := fmt.Sprintf("exited the process (code %d)", c.Code)
	if c.Ended != "exit" {
		how = "ran past its time budget and was stopped"
	}
	return fmt.Sprintf("depbox's %s of %s %s; the execute phase went on after it in a new process, and what the call would have done next was not seen", c.Call, label, how)
}
