package eval

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/depbox/depbox/internal/verdict"
)

// Subject kinds.
const (
	KindPackage  = "package"
	KindFunction = "function"
	KindFixture  = "fixture"
)

// Finding is one finding of a gate report (depbox.report/v1).
type Finding struct {
	Rule       string           `json:"rule"`
	Name       string           `json:"name"`
	Severity   verdict.Severity `json:"severity"`
	Message    string           `json:"message"`
	Dependency string           `json:"dependency"`
	Path       string           `json:"path"`
	Phase      string           `json:"phase"`
}

// Subject is one audited package, gated function or gated fixture.
type Subject struct {
	Kind     string
	ID       string
	Category string
	Findings []Finding
	// Exit is depbox gate's exit code: 0 pass, 1 findings, 2 input error,
	// 3 analysis failed; -1 when it did not run to the end.
	Exit int
	// Err says why there is no verdict (audit failed, integrity mismatch,
	// unreadable report).
	Err      string
	Duration time.Duration
}

// gate takes a depbox gate result: its JSON report and exit code.
func (s *Subject) gate(res result, err error) {
	out, code := res.Stdout, res.Code
	s.Exit = code
	if err != nil {
		s.Exit, s.Err = -1, err.Error()
		return
	}
	var rep struct {
		Schema   string    `json:"schema"`
		Findings []Finding `json:"findings"`
		Problems []struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Fatal   bool   `json:"fatal"`
		} `json:"problems"`
	}
	if e := json.Unmarshal(out, &rep); e != nil || rep.Schema == "" {
		if code == 0 || code == 1 {
			s.Exit, s.Err = -1, fmt.Sprintf("unreadable gate report (exit %d): %s", code, tail(string(out), 200))
		} else {
			s.Err = fmt.Sprintf("depbox gate exited %d: %s", code, res.Stderr)
		}
		return
	}
	s.Findings = rep.Findings
	if code == 3 {
		var why []string
		for _, p := range rep.Problems {
			if p.Fatal {
				why = append(why, p.Code+": "+p.Message)
			}
		}
		s.Err = "analysis incomplete: " + strings.Join(why, "; ")
	}
}

// Errored reports whether the subject has no usable verdict (the gate did
// not judge it, or failed closed).
func (s *Subject) Errored() bool { return s.Exit != 0 && s.Exit != 1 }

// AtOrAbove returns the findings of severity t or higher.
func (s *Subject) AtOrAbove(t verdict.Severity) []Finding {
	var out []Finding
	for _, f := range s.Findings {
		if f.Severity >= t {
			out = append(out, f)
		}
	}
	return out
}

// Fails reports whether a gate at threshold t fails the subject: a finding
// at or above it, or no usable verdict (the gate fails closed).
func (s *Subject) Fails(t verdict.Severity) bool {
	return s.Errored() || len(s.AtOrAbove(t)) > 0
}

// Outcomes of a malicious fixture at one threshold.
const (
	Detected      = "detected"
	MisAttributed = "mis-attributed"
	Missed        = "missed"
	Errored       = "error"
)

// Score is a malicious fixture's outcome at one threshold.
type Score struct {
	Outcome string
	// Fired are the expected rules that fired on the expected package; Absent
	// the expected rules that did not.
	Fired, Absent []string
	// Others are findings at or above the threshold naming another package
	// (or none): false positives within the fixture.
	Others []Finding
}

// ScoreFixture judges a gated fixture against its expectation at
// threshold t (eval-format: exit 1 with a finding at or above t on the
// expected install path, every expected rule firing on it).
func ScoreFixture(ex Expect, s *Subject, t verdict.Severity) Score {
	var sc Score
	for _, f := range s.AtOrAbove(t) {
		if f.Path != ex.Package || ex.Package == "" {
			sc.Others = append(sc.Others, f)
		}
	}
	for _, r := range ex.Rules {
		if slices.ContainsFunc(s.Findings, func(f Finding) bool { return f.Rule == r && f.Path == ex.Package }) {
			sc.Fired = append(sc.Fired, r)
		} else {
			sc.Absent = append(sc.Absent, r)
		}
	}
	want := ex.ExpectExit
	if want == 0 {
		want = 1
	}
	named := slices.ContainsFunc(s.AtOrAbove(t), func(f Finding) bool { return f.Path == ex.Package })
	switch {
	case want == 3 && s.Exit == 3:
		sc.Outcome = Detected
	case s.Errored():
		sc.Outcome = Errored
	case named && len(sc.Absent) == 0:
		sc.Outcome = Detected
	case len(s.AtOrAbove(t)) > 0:
		sc.Outcome = MisAttributed
	default:
		sc.Outcome = Missed
	}
	return sc
}
