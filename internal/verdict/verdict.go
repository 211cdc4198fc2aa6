// Package verdict turns a scan's profile, its advisories and its difference
// from the baseline into findings: named rules with stable IDs (DBX001…),
// a severity and the evidence that triggered them (dependency, install path,
// phase, event kind and the values seen).
//
// Rules that compare with a baseline are skipped, with a warning, when there
// is none. An ignore list (each entry with a reason and an optional expiry)
// suppresses findings; suppressed findings and expired entries stay visible
// in the result. Every rule is documented in docs/rules.md.
package verdict

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// Finding is one rule's verdict on one dependency (and phase).
type Finding struct {
	Rule     string   `json:"rule"`
	Name     string   `json:"name"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	// Dependency is the package name, empty for findings about the whole run.
	Dependency string `json:"dependency,omitempty"`
	Version    string `json:"version,omitempty"`
	// Path is the dependency's install path, e.g. "node_modules/a/node_modules/b".
	Path  string `json:"path,omitempty"`
	Phase string `json:"phase,omitempty"`
	// Function is the template function the finding was seen in, when a
	// template's several functions were judged and not all of them have
	// it (see Merge).
	Function string `json:"function,omitempty"`
	// World is the world variant the behaviour was seen in, when it was
	// seen only there (a package run again with another time zone, CI
	// variables, a later date or another country: docs/world.md).
	World    string   `json:"world,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// Evidence is what was seen.
type Evidence struct {
	// Event is the kind of behaviour: a baseline item kind (network, dns,
	// env, process, file-read, file-write, file-read-write, file-exec,
	// capability, exfiltration, persistence, install-script), "advisory",
	// "ioc" or "problem". Kinds are joined with "+" when a rule combines
	// several (env+network).
	Event string `json:"event"`
	// Values are the observed values, as recorded (not normalised).
	Values []string `json:"values"`
	// Advisories are the OSV record ids concerned, for advisory rules.
	Advisories []string `json:"advisories,omitempty"`
	// Unattributed is true when the behaviour was not explained by a hook record.
	Unattributed bool `json:"unattributed,omitempty"`
}

// Events returns the event kinds of the evidence.
func (e Evidence) Events() []string { return strings.Split(e.Event, "+") }

// Fingerprint identifies the finding across runs: rule, dependency name,
// install path, phase and, when set, function and world (not the values,
// which may vary).
func (f Finding) Fingerprint() string {
	key := []string{f.Rule, f.Dependency, f.Path, f.Phase, f.Evidence.Event}
	if f.Function != "" {
		key = append(key, f.Function)
	}
	if f.World != "" {
		key = append(key, "world:"+f.World)
	}
	h := sha256.Sum256([]byte(strings.Join(key, "\x00")))
	return hex.EncodeToString(h[:8])
}

// Subject names what the finding is about, for people.
func (f Finding) Subject() string {
	if f.Dependency == "" && f.Path == "" {
		return "the analysis"
	}
	return baseline.Label(f.Dependency, f.Version, f.Path)
}

// Input is what the rules judge.
type Input struct {
	Profile *profile.Profile
	// Baseline is the accepted behaviour; nil skips the baseline rules.
	Baseline *baseline.Baseline
}

// Options tune an evaluation.
type Options struct {
	// Ignore suppresses matching findings (see Ignore).
	Ignore []Ignore
	// Now decides which ignore entries have expired; zero means time.Now().
	Now time.Time
}

// Suppressed is a finding an ignore entry suppressed.
type Suppressed struct {
	Finding Finding `json:"finding"`
	Ignore  Ignore  `json:"ignore"`
}

// Result is an evaluation's outcome.
type Result struct {
	// Findings are the findings not suppressed, most severe first.
	Findings []Finding `json:"findings"`
	// Suppressed findings, with the entry that suppressed each.
	Suppressed []Suppressed `json:"suppressed,omitempty"`
	// ExpiredIgnores are ignore entries past their expiry: they no longer apply.
	ExpiredIgnores []Ignore `json:"expired_ignores,omitempty"`
	// BaselineUsed is false when no baseline was given; SkippedRules then
	// lists the baseline rules that did not run.
	BaselineUsed bool     `json:"baseline_used"`
	SkippedRules []string `json:"skipped_rules,omitempty"`
	// Changes is the difference between the baseline and this scan (nil
	// without a baseline).
	Changes *baseline.Changes `json:"changes,omitempty"`
	// Incomplete is true when the analysis did not complete (the profile is
	// incomplete or a phase timed out): a gate must fail closed.
	Incomplete bool `json:"incomplete"`
	// Warnings are for people: skipped rules, expired ignore entries.
	Warnings []string `json:"warnings,omitempty"`
}

// AtOrAbove returns the findings of severity t or higher.
func (r *Result) AtOrAbove(t Severity) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Severity >= t {
			out = append(out, f)
		}
	}
	return out
}

// Counts returns the number of findings per severity.
func (r *Result) Counts() map[Severity]int {
	m := map[Severity]int{}
	for _, f := range r.Findings {
		m[f.Severity]++
	}
	return m
}

// Evaluate runs every rule over the input.
func Evaluate(in Input, opts Options) *Result {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	// The completeness invariant holds for any profile judged, however it
	// was made (profile.Settle is idempotent).
	in.Profile.Settle()
	res := &Result{BaselineUsed: in.Baseline != nil}
	c := &checker{p: in.Profile, base: in.Baseline}
	if in.Baseline != nil {
		c.changes = baseline.Diff(in.Baseline, baseline.FromProfile(in.Profile))
		res.Changes = c.changes
	} else {
		for _, r := range catalogue {
			if r.NeedsBaseline {
				res.SkippedRules = append(res.SkippedRules, r.ID)
			}
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("no baseline: rules %s skipped (record one with `depbox baseline update`)",
			strings.Join(res.SkippedRules, ", ")))
	}
	findings := c.run()
	findings = append(findings, c.worldFindings(findings)...)
	slices.SortFunc(findings, compareFindings)
	var active []Ignore
	for _, ig := range opts.Ignore {
		if ig.Expired(now) {
			res.ExpiredIgnores = append(res.ExpiredIgnores, ig)
			res.Warnings = append(res.Warnings, fmt.Sprintf("ignore entry %s expired on %s and no longer applies (reason was: %s)",
				ig.describe(), ig.Expires, ig.Reason))
			continue
		}
		active = append(active, ig)
	}
	for _, f := range findings {
		if f.Rule == RuleIncomplete {
			res.Incomplete = true
		}
		if i := slices.IndexFunc(active, func(ig Ignore) bool { return ig.Matches(f) }); i >= 0 {
			res.Suppressed = append(res.Suppressed, Suppressed{Finding: f, Ignore: active[i]})
			continue
		}
		res.Findings = append(res.Findings, f)
	}
	if in.Profile.Incomplete {
		res.Incomplete = true
	}
	if res.Findings == nil {
		res.Findings = []Finding{}
	}
	return res
}

// compareFindings orders findings most severe first, then by rule, install
// path, phase and message.
func compareFindings(a, b Finding) int {
	return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Path, b.Path),
		cmp.Compare(baseline.PhaseIndex(a.Phase), baseline.PhaseIndex(b.Phase)), cmp.Compare(a.Phase, b.Phase),
		cmp.Compare(a.Message, b.Message))
}
