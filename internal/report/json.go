package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// JSONSchema is the version tag of the JSON report.
const JSONSchema = "depbox.report/v1"

// jsonReport is the JSON report (docs/reports.md).
type jsonReport struct {
	Schema     string              `json:"schema"`
	Tool       profile.Tool        `json:"tool"`
	Bundle     profile.Bundle      `json:"bundle"`
	Status     string              `json:"status"`
	Threshold  verdict.Severity    `json:"threshold"`
	Incomplete bool                `json:"incomplete"`
	Summary    jsonSummary         `json:"summary"`
	Functions  []Function          `json:"functions,omitempty"`
	Findings   []jsonFinding       `json:"findings"`
	Suppressed []jsonSuppressed    `json:"suppressed"`
	Warnings   []string            `json:"warnings"`
	Problems   []profile.Problem   `json:"problems"`
	Baseline   jsonBaseline        `json:"baseline"`
	Deps       []jsonDependency    `json:"dependencies"`
	Expired    []verdict.Ignore    `json:"expired_ignores"`
	Changes    *baseline.Changes   `json:"changes"`
	Rules      map[string]jsonRule `json:"rules"`
	// Looked are the packages that looked at environment signals (a note).
	Looked []Looked `json:"looked_at_environment,omitempty"`
	// Worlds are the world variants run, with what each changed.
	Worlds []jsonWorld `json:"worlds,omitempty"`
}

type jsonWorld struct {
	Name    string   `json:"name"`
	Changes []string `json:"changes"`
	// Packages are the install paths run again in it ("." the function).
	Packages []string `json:"packages"`
}

type jsonSummary struct {
	Critical   int `json:"critical"`
	High       int `json:"high"`
	Medium     int `json:"medium"`
	Low        int `json:"low"`
	Failing    int `json:"failing"`
	Suppressed int `json:"suppressed"`
}

type jsonFinding struct {
	verdict.Finding
	Fingerprint string `json:"fingerprint"`
	// Failing is true when the finding is at or above the threshold.
	Failing bool `json:"failing"`
}

type jsonSuppressed struct {
	jsonFinding
	Ignore verdict.Ignore `json:"ignore"`
}

type jsonBaseline struct {
	Path         string   `json:"path,omitempty"`
	Used         bool     `json:"used"`
	SkippedRules []string `json:"skipped_rules"`
}

type jsonDependency struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Path    string `json:"path"`
	// Behaviour counts distinct (normalised) behaviours per item kind, all phases together.
	Behaviour map[string]int `json:"behaviour"`
	// MaxSeverity is the highest severity among its findings, "" when none.
	MaxSeverity string `json:"max_severity,omitempty"`
	Findings    int    `json:"findings"`
}

type jsonRule struct {
	Name     string           `json:"name"`
	Severity verdict.Severity `json:"severity"`
	Summary  string           `json:"summary"`
}

// JSON writes the report as indented JSON with schema JSONSchema.
func JSON(w io.Writer, r *Report) error {
	threshold := r.threshold()
	out := jsonReport{
		Schema:     JSONSchema,
		Tool:       profile.Tool{Name: "depbox", Version: r.ToolVersion},
		Bundle:     r.Profile.Bundle,
		Status:     r.Status(),
		Threshold:  threshold,
		Incomplete: r.Result.Incomplete,
		Findings:   []jsonFinding{},
		Suppressed: []jsonSuppressed{},
		Warnings:   append([]string{}, r.Warnings()...),
		Problems:   append([]profile.Problem{}, r.Profile.Problems...),
		Baseline:   jsonBaseline{Path: r.BaselinePath, Used: r.Result.BaselineUsed, SkippedRules: append([]string{}, r.Result.SkippedRules...)},
		Deps:       []jsonDependency{},
		Expired:    append([]verdict.Ignore{}, r.Result.ExpiredIgnores...),
		Changes:    r.Result.Changes,
		Rules:      map[string]jsonRule{},
		Functions:  r.Functions,
	}
	rule := func(f verdict.Finding) {
		if rl, ok := verdict.Lookup(f.Rule); ok {
			out.Rules[rl.ID] = jsonRule{Name: rl.Name, Severity: rl.Severity, Summary: rl.Summary}
		}
	}
	for _, f := range r.Result.Findings {
		out.Findings = append(out.Findings, jsonFinding{Finding: f, Fingerprint: f.Fingerprint(), Failing: f.Severity >= threshold})
		switch f.Severity {
		case verdict.Critical:
			out.Summary.Critical++
		case verdict.High:
			out.Summary.High++
		case verdict.Medium:
			out.Summary.Medium++
		case verdict.Low:
			out.Summary.Low++
		}
		if f.Severity >= threshold {
			out.Summary.Failing++
		}
		rule(f)
	}
	for _, s := range r.Result.Suppressed {
		out.Suppressed = append(out.Suppressed, jsonSuppressed{jsonFinding: jsonFinding{Finding: s.Finding, Fingerprint: s.Finding.Fingerprint()}, Ignore: s.Ignore})
		rule(s.Finding)
	}
	out.Summary.Suppressed = len(out.Suppressed)
	for _, row := range matrixRows(r) {
		jd := jsonDependency{Name: row.Name, Version: row.Version, Path: row.Path, Behaviour: map[string]int{}, Findings: row.Findings}
		for _, c := range row.Cells {
			if c.Count > 0 {
				jd.Behaviour[c.Column.Key] = c.Count
			}
		}
		if row.Max > 0 {
			jd.MaxSeverity = row.Max.String()
		}
		out.Deps = append(out.Deps, jd)
	}
	out.Looked = lookedAt(r.Profile)
	for _, w := range r.Profile.Worlds {
		jw := jsonWorld{Name: w.Name, Changes: w.Changes, Packages: []string{}}
		for _, d := range w.Dependencies {
			jw.Packages = append(jw.Packages, d.Path)
		}
		if w.App != nil {
			jw.Packages = append(jw.Packages, ".")
		}
		out.Worlds = append(out.Worlds, jw)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("encoding JSON report: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
