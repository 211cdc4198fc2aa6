package profile

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestSettle checks the completeness rule on each way a phase can end, and
// that the problem names the package to look at.
func TestSettle(t *testing.T) {
	dep := func(phase string, b Behavior) Dependency {
		return Dependency{Name: "evil", Version: "1.0.0", Path: "node_modules/evil", Phases: map[string]*Behavior{phase: &b}}
	}
	app := func(b Behavior) *Dependency {
		return &Dependency{Path: ".", Phases: map[string]*Behavior{PhaseInvoke: &b}}
	}
	tests := []struct {
		name string
		p    Profile
		want []string // problem codes
		dep  string   // the dependency the first problem names
		says string   // in the first problem's message
	}{
		{"finished", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusOK}})}}, nil, "", ""},
		{"a load error is an outcome", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusError, Error: "E_BOOM"}})}}, nil, "", ""},
		{"no entry", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusNoEntry}})}}, nil, "", ""},
		{"timeout", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusTimeout}})}},
			[]string{StatusTimeout}, "node_modules/evil", "ran out of time"},
		{"killed", Profile{Dependencies: []Dependency{dep(PhaseInstall, Behavior{Outcome: &Outcome{Status: StatusKilled, Error: "SIGKILL"}})}},
			[]string{StatusKilled}, "node_modules/evil", "killed by a signal (SIGKILL)"},
		{"exited", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Outcome: &Outcome{Status: StatusExited}})}},
			[]string{StatusExited}, "node_modules/evil", "ended before finishing"},
		{"the function's process ended by a package", Profile{App: app(Behavior{Outcome: &Outcome{Status: StatusExited, EndedBy: "node_modules/evil"}})},
			[]string{StatusExited}, "node_modules/evil", "node_modules/evil ended it"},
		{"the function's process ended by its own code", Profile{App: app(Behavior{Outcome: &Outcome{Status: StatusKilled, Error: "SIGABRT", EndedBy: "."}})},
			[]string{StatusKilled}, ".", "the function's own code ended it"},
		{"handler failed", Profile{App: app(Behavior{Outcome: &Outcome{Status: StatusInitError, Error: "Error: boom"}})},
			[]string{StatusInitError}, ".", "could not load the handler"},
		{"timer never fired", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Timers: []Timer{{DelayMS: 600000, BroughtForward: true, Unfired: 1}}})}},
			[]string{"timer-unfired"}, "node_modules/evil", "10m0s"},
		{"timer fired", Profile{Dependencies: []Dependency{dep(PhaseImport, Behavior{Timers: []Timer{{DelayMS: 600000, BroughtForward: true}}})}}, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.Settle()
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
				t.Errorf("problem %+v: want dependency %q, a phase, and a message saying %q", pr, tt.dep, tt.says)
			}
			p.Settle() // idempotent: profile.Read settles again
			if len(p.Problems) != len(tt.want) {
				t.Errorf("a second Settle added problems: %+v", p.Problems)
			}
		})
	}
}

// TestReadSettles: a profile whose writer did not mark it incomplete (an
// old depbox, or one edited by hand) is held to the rule when it is read.
func TestReadSettles(t *testing.T) {
	in := `{"schema": "depbox.profile/v1", "dependencies": [{"name": "evil", "version": "1.0.0", "path": "node_modules/evil",
		"phases": {"import": {"outcome": {"status": "killed", "exit_code": -1, "error": "SIGKILL"}}}}], "incomplete": false}`
	p, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Incomplete || len(p.Problems) != 1 || p.Problems[0].Code != StatusKilled {
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
