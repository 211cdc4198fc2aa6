package profile

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestCheckComplete(t *testing.T) {
	dep := func(phase string, b Behavior) Dependency {
		return Dependency{Name: "evil", Version: "1.0.0", Path: "node_modules/evil", Phases: map[string]*Behavior{phase: &b}}
	}
	out := func(status string) *Outcome { return &Outcome{Status: status} }
	tests := []struct {
		name string
		p    Profile
		want []string // problem codes
		dep  string   // the dependency the first problem names
		says string   // in the first problem's message
	}{
		{"finished", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: out(StatusOK)})}}, nil, "", ""},
		{"load error is an outcome", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusError, Error: "E_BOOM"}})}}, nil, "", ""},
		{"no entry", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: out(StatusNoEntry)})}}, nil, "", ""},
		{"timeout", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: out(StatusTimeout)})}}, []string{ProblemTimeout}, "node_modules/evil", "--step-timeout"},
		{"killed", Profile{Dependencies: []Dependency{dep(PhaseInstall, Behavior{Outcome: &Outcome{Status: StatusKilled, Error: "killed"}})}}, []string{ProblemKilled}, "node_modules/evil", "signal (killed)"},
		{"out of memory", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusKilled, Error: OutOfMemory + " (aborted)"}})}}, []string{ProblemOutOfMemory}, "node_modules/evil", "ran out of memory"},
		{"exited", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusExited}})}}, []string{ProblemExited}, "node_modules/evil", "process.exit"},
		{"function exited, a package ended it", Profile{App: &Dependency{Path: ".", Phases: map[string]*Behavior{PhaseInvoke: {
			Outcome: &Outcome{Status: StatusExited, Stage: "invocation 2 of 3 (s3)", EndedBy: "node_modules/evil"}}}}},
			[]string{ProblemExited}, "node_modules/evil", "during invocation 2 of 3 (s3)); node_modules/evil ended it"},
		{"start-up timed out", Profile{App: &Dependency{Path: ".", Phases: map[string]*Behavior{PhaseInvoke: {
			Outcome: &Outcome{Status: StatusTimeout, Stage: "start-up"}}}}}, []string{ProblemTimeout}, "", "--init-timeout"},
		{"handler failed", Profile{App: &Dependency{Path: ".", Phases: map[string]*Behavior{PhaseInvoke: {
			Outcome: &Outcome{Status: StatusError, Error: "Error: E_BOOM"}}}}}, []string{ProblemHandlerFailed}, "", "no invocation ran"},
		{"timer never ran", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Timers: []Timer{{DelayMS: 600000, BroughtForward: true}}})}},
			[]string{ProblemTimerNotRun}, "node_modules/evil", "10m0s timer"},
		{"unattributed timer never ran", Profile{App: &Dependency{Path: ".", Phases: map[string]*Behavior{PhaseInvoke: {
			Unattributed: &Behavior{Timers: []Timer{{DelayMS: 5000, BroughtForward: true}}}}}}}, []string{ProblemTimerNotRun}, "", "5s timer"},
		{"timer ran", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Timers: []Timer{{DelayMS: 600000, BroughtForward: true, Ran: true}}})}}, nil, "", ""},
		{"timer cleared", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Timers: []Timer{{DelayMS: 600000, BroughtForward: true, Cleared: true}}})}}, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.CheckComplete()
			var codes []string
			for _, pr := range p.Problems {
				if !pr.Fatal {
					t.Errorf("problem %+v is not fatal", pr)
				}
				codes = append(codes, pr.Code)
			}
			if !slices.Equal(codes, tt.want) {
				t.Fatalf("problems %v, want %v: %+v", codes, tt.want, p.Problems)
			}
			if p.Incomplete != (len(tt.want) > 0) {
				t.Errorf("Incomplete = %v with problems %v", p.Incomplete, codes)
			}
			if len(tt.want) == 0 {
				return
			}
			pr := p.Problems[0]
			if pr.Dependency != tt.dep || !strings.Contains(pr.Message, tt.says) || pr.Phase == "" {
				t.Errorf("problem %+v: want dependency %q, phase, and a message saying %q", pr, tt.dep, tt.says)
			}
			// Idempotent: a second check (profile.Read does one) adds nothing.
			p.CheckComplete()
			if len(p.Problems) != len(tt.want) {
				t.Errorf("a second CheckComplete added problems: %+v", p.Problems)
			}
		})
	}
}

// TestReadChecksCompleteness: a profile whose writer did not mark it
// incomplete (an old depbox, or one edited by hand) is held to the rule
// when it is read.
func TestReadChecksCompleteness(t *testing.T) {
	in := `{"schema": "depbox.profile/v1", "dependencies": [{"name": "evil", "version": "1.0.0", "path": "node_modules/evil",
		"phases": {"import": {"outcome": {"status": "killed", "exit_code": -1, "error": "killed"}}}}], "incomplete": false}`
	p, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Incomplete || len(p.Problems) != 1 || p.Problems[0].Code != ProblemKilled {
		t.Fatalf("read profile: incomplete %v, problems %+v", p.Incomplete, p.Problems)
	}
	var buf bytes.Buffer
	if err := p.Write(&buf); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf)
	if err != nil || len(again.Problems) != 1 {
		t.Fatalf("reading it again: %v, problems %+v", err, again.Problems)
	}
}
