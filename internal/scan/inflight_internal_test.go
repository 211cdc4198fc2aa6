package scan

import (
	"testing"

	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/profiler"
)

// TestDepboxKill: only a kill depbox sent — a phase out of time, a call
// past its budget — excuses a contradicted record in flight.
func TestDepboxKill(t *testing.T) {
	const dep = "node_modules/a"
	for _, tc := range []struct {
		name string
		key  profiler.RunKey
		o    *profile.Outcome
		want string
	}{
		{"timeout", profiler.RunKey{Phase: profile.PhaseExecute, Dependency: dep}, &profile.Outcome{Status: profile.StatusTimeout}, "the phase ran out of time"},
		{"a call past its budget", profiler.RunKey{Phase: profile.PhaseExecute, Dependency: dep},
			&profile.Outcome{Status: profile.StatusOK, SkippedCalls: []profile.SkippedCall{{Call: "call 3", Ended: "exit"}, {Call: "call 9", Ended: "budget"}}}, "a call ran past its budget"},
		{"a call that exited", profiler.RunKey{Phase: profile.PhaseExecute, Dependency: dep},
			&profile.Outcome{Status: profile.StatusOK, SkippedCalls: []profile.SkippedCall{{Call: "call 3", Ended: "exit"}}}, ""},
		{"killed by a signal depbox did not send", profiler.RunKey{Phase: profile.PhaseExecute, Dependency: dep}, &profile.Outcome{Status: profile.StatusKilled}, ""},
		{"ok", profiler.RunKey{Phase: profile.PhaseImport, Dependency: dep}, &profile.Outcome{Status: profile.StatusOK}, ""},
		{"another phase's timeout", profiler.RunKey{Phase: profile.PhaseImport, Dependency: dep}, nil, ""},
		{"the function's invoke phase out of time", profiler.RunKey{Phase: profile.PhaseInvoke, Dependency: Function}, &profile.Outcome{Status: profile.StatusTimeout}, "the phase ran out of time"},
		{"a batch process", profiler.RunKey{Phase: profile.PhaseImport, Dependency: profiler.BatchTag + "1"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{
				Dependencies: []profile.Dependency{{Path: dep, Phases: map[string]*profile.Behavior{
					profile.PhaseExecute: {Outcome: &profile.Outcome{Status: profile.StatusTimeout}},
				}}},
				App: &profile.Dependency{Path: ".", Phases: map[string]*profile.Behavior{}},
			}
			if tc.o != nil {
				if tc.key.Dependency == Function {
					p.App.Phases[tc.key.Phase] = &profile.Behavior{Outcome: tc.o}
				} else {
					p.Dependencies[0].Phases[tc.key.Phase] = &profile.Behavior{Outcome: tc.o}
				}
			}
			if got := depboxKill(p, tc.key); got != tc.want {
				t.Errorf("depboxKill = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestSweptRecordInFlight: a record in flight in a detached process the
// runner's orphan sweep killed (still running after its steps ended) is
// not a forgery; the same record in a process nobody depbox killed is.
func TestSweptRecordInFlight(t *testing.T) {
	const dep = "node_modules/a"
	proc := profiler.ProcKey{Tgid: 28, Start: 7}
	for _, tc := range []struct {
		name  string
		swept []profiler.ProcKey
		want  string
		fatal bool
	}{
		{"swept", []profiler.ProcKey{proc}, ProblemRecordInFlight, false},
		{"another process swept", []profiler.ProcKey{{Tgid: 28, Start: 9}}, ProblemHookRecords, true},
		{"not swept", nil, ProblemHookRecords, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{Dependencies: []profile.Dependency{{Path: dep, Phases: map[string]*profile.Behavior{
				profile.PhaseInstall: {Outcome: &profile.Outcome{Status: profile.StatusOK}},
			}}}}
			k := profiler.RunKey{Phase: profile.PhaseInstall, Dependency: dep}
			run := &profiler.Run{Key: k, Swept: tc.swept, InFlight: []profiler.Forgery{{Proc: proc, Reason: profiler.ForgedContradicted,
				Fault: "hook record 18 of process 28 (node) (child spawn) is contradicted by the syscall stream: no process was started"}}}
			applyForgeries(p, map[profiler.RunKey]*profiler.Run{k: run})
			if len(p.Problems) != 1 || p.Problems[0].Code != tc.want || p.Problems[0].Fatal != tc.fatal || p.Problems[0].Dependency != dep {
				t.Errorf("problems %+v, want one %s (fatal %v) on %s", p.Problems, tc.want, tc.fatal, dep)
			}
		})
	}
}
