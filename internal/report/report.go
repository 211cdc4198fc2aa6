// Package report renders a gate's outcome — the profile, the verdict's
// findings and the baseline diff — for people and tools: plain text for the
// job log (coloured only on a terminal, never with NO_COLOR), versioned JSON
// (depbox.report/v1), SARIF 2.1.0 for code scanning (results located at the
// dependency's line in package-lock.json or package.json), Markdown for a
// pull-request comment, and one self-contained HTML page with the dependency
// × behaviour matrix. docs/reports.md describes every format.
package report

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// Report is what every format renders.
type Report struct {
	Profile *profile.Profile
	Result  *verdict.Result
	// Threshold is the gate's threshold: findings at or above it fail the gate.
	Threshold verdict.Severity
	// BaselinePath is the baseline file compared with, as the user named it
	// ("" when there was none).
	BaselinePath string
	// ToolVersion is depbox's version.
	ToolVersion string
	// Root is the bundle's file tree, used to find the lockfile and
	// package.json lines that SARIF results point at; nil leaves results
	// located at the file level.
	Root fs.FS
	// SourcePrefix is the bundle's directory relative to the repository
	// root (e.g. "functions/orders"), prefixed to SARIF artifact URIs.
	SourcePrefix string
	// Functions are the functions of a template judged one by one, each
	// with its own outcome (empty for a single function); Result is then
	// their merged result (verdict.Merge) and Profile the first one's with
	// the others' dependencies added.
	Functions []Function
}

// Function is the outcome of one function of a template with several.
type Function struct {
	Name    string `json:"name"`
	Handler string `json:"handler"`
	Status  string `json:"status"`
	// Findings counts its findings, those its functions share included;
	// Failing those at or above the threshold.
	Findings int `json:"findings"`
	Failing  int `json:"failing"`
}

// NewFunction summarises one function's own evaluation against the
// gate's threshold (0: high).
func NewFunction(p *profile.Profile, res *verdict.Result, threshold verdict.Severity) Function {
	r := &Report{Profile: p, Result: res, Threshold: threshold}
	return Function{Name: p.Bundle.Function, Handler: p.Bundle.Handler, Status: r.Status(), Findings: len(res.Findings), Failing: len(r.Failing())}
}

// functionLabel is how a finding names its function ("" when all of the
// template's functions have it, or there is one).
func functionLabel(f verdict.Finding) string {
	if f.Function == "" {
		return ""
	}
	return "function " + f.Function
}

// Status values.
const (
	StatusPass       = "pass"
	StatusFail       = "fail"
	StatusIncomplete = "incomplete"
)

// Status is "incomplete" when the analysis did not complete (the gate exits
// 3), "fail" when findings reach the threshold (exit 1), else "pass".
func (r *Report) Status() string {
	switch {
	case r.Result.Incomplete:
		return StatusIncomplete
	case len(r.Failing()) > 0:
		return StatusFail
	}
	return StatusPass
}

// Failing returns the findings at or above the threshold.
func (r *Report) Failing() []verdict.Finding { return r.Result.AtOrAbove(r.threshold()) }

func (r *Report) threshold() verdict.Severity {
	if r.Threshold == 0 {
		return verdict.High
	}
	return r.Threshold
}

// Headline is the one-line outcome, e.g. "FAIL: 3 findings at or above high
// (5 in all)".
func (r *Report) Headline() string {
	n, all := len(r.Failing()), len(r.Result.Findings)
	rest := ""
	if all > n {
		rest = fmt.Sprintf(" (%d in all)", all)
	}
	switch r.Status() {
	case StatusIncomplete:
		return fmt.Sprintf("INCOMPLETE: the analysis did not complete and the gate fails closed (%d %s)", all, plural(all, "finding", "findings"))
	case StatusFail:
		return fmt.Sprintf("FAIL: %d %s at or above %s%s", n, plural(n, "finding", "findings"), r.threshold(), rest)
	}
	if all == 0 {
		return "PASS: no findings"
	}
	return fmt.Sprintf("PASS: no findings at or above %s%s", r.threshold(), rest)
}

// Warnings are the result's warnings followed by the profile's non-fatal problems.
func (r *Report) Warnings() []string {
	out := slices.Clone(r.Result.Warnings)
	for _, p := range r.Profile.Problems {
		if !p.Fatal {
			s := p.Code + ": " + p.Message
			if p.Dependency != "" {
				s += " (" + p.Dependency + ")"
			}
			out = append(out, s)
		}
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Format names an output format.
type Format string

// Formats.
const (
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatSARIF    Format = "sarif"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
)

// Formats lists every format.
var Formats = []Format{FormatText, FormatJSON, FormatSARIF, FormatMarkdown, FormatHTML}

// ParseFormat checks a format name.
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(s))
	if f == "md" {
		f = FormatMarkdown
	}
	if !slices.Contains(Formats, f) {
		names := make([]string, len(Formats))
		for i, f := range Formats {
			names[i] = string(f)
		}
		return "", fmt.Errorf("unknown format %q: want %s", s, strings.Join(names, ", "))
	}
	return f, nil
}

// Write renders r in format f. Text is coloured when ColorFor(w) says so.
func Write(w io.Writer, f Format, r *Report) error {
	switch f {
	case FormatText:
		return Text(w, r, ColorFor(w))
	case FormatJSON:
		return JSON(w, r)
	case FormatSARIF:
		return SARIF(w, r)
	case FormatMarkdown:
		return Markdown(w, r)
	case FormatHTML:
		return HTML(w, r)
	}
	return fmt.Errorf("unknown format %q", f)
}

// ColorFor reports whether text written to w should be coloured: w is a
// terminal (an *os.File, or a writer with its Fd, for which
// term.IsTerminal holds) and the NO_COLOR environment variable is unset or
// empty (https://no-color.org).
func ColorFor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}
