package eval

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/depbox/depbox/internal/verdict"
)

// Thresholds are the gate thresholds the eval reports, highest first.
var Thresholds = verdict.Severities

// DefaultThreshold is depbox gate's default.
const DefaultThreshold = verdict.High

// ruleRow counts one rule over a set of subjects.
type ruleRow struct {
	Rule, Name string
	// Subjects[t] counts subjects with a finding of the rule at or above t.
	Subjects map[verdict.Severity]int
	Findings int
}

// ruleRows counts findings per rule (subjects with a finding at or above
// each threshold, and findings of any severity), ordered by rule.
func ruleRows(subjects []Subject) []ruleRow {
	rows := map[string]*ruleRow{}
	for _, s := range subjects {
		seen := map[string]verdict.Severity{} // rule → the subject's highest severity
		for _, f := range s.Findings {
			r := rows[f.Rule]
			if r == nil {
				r = &ruleRow{Rule: f.Rule, Name: f.Name, Subjects: map[verdict.Severity]int{}}
				rows[f.Rule] = r
			}
			r.Findings++
			seen[f.Rule] = max(seen[f.Rule], f.Severity)
		}
		for rule, sev := range seen {
			for _, t := range Thresholds {
				if sev >= t {
					rows[rule].Subjects[t]++
				}
			}
		}
	}
	out := make([]ruleRow, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b ruleRow) int { return cmp.Compare(a.Rule, b.Rule) })
	return out
}

// BenignStats are the benign side's totals.
type BenignStats struct {
	Packages, Functions int
	// Failing[t] counts subjects a gate at threshold t fails (findings at or
	// above t, or no usable verdict).
	Failing  map[verdict.Severity]int
	Critical int // critical findings
	Errors   int // subjects without a usable verdict
}

// Benign totals the benign side.
func Benign(subjects []Subject) BenignStats {
	st := BenignStats{Failing: map[verdict.Severity]int{}}
	for _, s := range subjects {
		if s.Kind == KindFunction {
			st.Functions++
		} else {
			st.Packages++
		}
		if s.Errored() {
			st.Errors++
		}
		for _, t := range Thresholds {
			if s.Fails(t) {
				st.Failing[t]++
			}
		}
		st.Critical += len(s.AtOrAbove(verdict.Critical))
	}
	return st
}

// Total is the number of benign subjects.
func (st BenignStats) Total() int { return st.Packages + st.Functions }

// Percent is the share of subjects failing at t.
func (st BenignStats) Percent(t verdict.Severity) float64 {
	if st.Total() == 0 {
		return 0
	}
	return 100 * float64(st.Failing[t]) / float64(st.Total())
}

// Targets of the benign side (issue 9): no critical finding, at most 2 %
// of subjects failing at the default threshold.
const MaxFailingPercent = 2.0

// TargetsMet reports whether the benign side meets its targets.
func (st BenignStats) TargetsMet() bool {
	return st.Critical == 0 && st.Percent(DefaultThreshold) <= MaxFailingPercent
}

// WriteBenignGolden writes the deterministic benign summary
// (eval/golden/benign.txt): totals, the per-rule table and every subject's
// findings, with nothing that varies from run to run.
func WriteBenignGolden(w io.Writer, subjects []Subject) error {
	st := Benign(subjects)
	var b strings.Builder
	fmt.Fprintf(&b, "# depbox eval: benign corpus (regenerate with `make eval EVAL_FLAGS=-update`)\n")
	fmt.Fprintf(&b, "subjects: %d packages, %d functions\n", st.Packages, st.Functions)
	for _, t := range Thresholds {
		fmt.Fprintf(&b, "failing at %s: %d (%.1f%%)\n", t, st.Failing[t], st.Percent(t))
	}
	fmt.Fprintf(&b, "critical findings: %d\nno verdict (errors): %d\n\n", st.Critical, st.Errors)
	writeRuleTable(&b, ruleRows(subjects))
	b.WriteString("\nfindings (severity rule install-path phase):\n")
	for _, s := range sortedSubjects(subjects) {
		if len(s.Findings) == 0 && s.Err == "" {
			continue
		}
		fmt.Fprintf(&b, "%s %s\n", s.Kind, s.ID)
		if s.Err != "" {
			fmt.Fprintf(&b, "  error (exit %d): %s\n", s.Exit, firstLine(s.Err))
		}
		for _, f := range sortedFindings(s.Findings) {
			fmt.Fprintf(&b, "  %s %s %s %s\n", f.Severity, f.Rule, orDash(f.Path), orDash(f.Phase))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMaliciousGolden writes the deterministic malicious summary
// (eval/golden/malicious.txt): each fixture's outcome at every threshold.
func WriteMaliciousGolden(w io.Writer, fx []Fixture, subjects []Subject) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# depbox eval: malicious fixtures (regenerate with `make eval EVAL_FLAGS=-update`)\n")
	fmt.Fprintf(&b, "fixtures: %d\n", len(fx))
	for _, t := range Thresholds {
		c := fixtureCounts(fx, subjects, t)
		fmt.Fprintf(&b, "at %s: %d detected, %d mis-attributed, %d missed, %d errors\n", t, c[Detected], c[MisAttributed], c[Missed], c[Errored])
	}
	b.WriteString("\n")
	for i, f := range fx {
		s := &subjects[i]
		fmt.Fprintf(&b, "%s (%s) expects %s on %s\n", f.ID, orDash(f.Expect.Channel), strings.Join(f.Expect.Rules, ","), orDash(f.Expect.Package))
		for _, t := range Thresholds {
			sc := ScoreFixture(f.Expect, s, t)
			fmt.Fprintf(&b, "  %-8s %s", t, sc.Outcome)
			if len(sc.Absent) > 0 {
				fmt.Fprintf(&b, " (not fired: %s)", strings.Join(sc.Absent, ","))
			}
			if len(sc.Others) > 0 {
				fmt.Fprintf(&b, " (%d on other packages)", len(sc.Others))
			}
			b.WriteString("\n")
		}
		if s.Err != "" {
			fmt.Fprintf(&b, "  error (exit %d): %s\n", s.Exit, firstLine(s.Err))
		}
		for _, fd := range sortedFindings(s.Findings) {
			fmt.Fprintf(&b, "  %s %s %s %s\n", fd.Severity, fd.Rule, orDash(fd.Path), orDash(fd.Phase))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func fixtureCounts(fx []Fixture, subjects []Subject, t verdict.Severity) map[string]int {
	c := map[string]int{}
	for i, f := range fx {
		c[ScoreFixture(f.Expect, &subjects[i], t).Outcome]++
	}
	return c
}

func writeRuleTable(w io.Writer, rows []ruleRow) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rule\tname\t≥critical\t≥high\t≥medium\t≥low\tfindings\t\n")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t\n", r.Rule, r.Name,
			r.Subjects[verdict.Critical], r.Subjects[verdict.High], r.Subjects[verdict.Medium], r.Subjects[verdict.Low], r.Findings)
	}
	if len(rows) == 0 {
		fmt.Fprintf(tw, "(none)\t\t\t\t\t\t\t\n")
	}
	tw.Flush()
}

// WriteTable prints the human summary of a run: the benign side per rule
// and threshold with its targets, the malicious side per rule and
// threshold, and the errors.
func WriteTable(w io.Writer, benign []Subject, fx []Fixture, mal []Subject) {
	if len(benign) > 0 {
		st := Benign(benign)
		fmt.Fprintf(w, "BENIGN: %d packages, %d functions (no baseline)\n", st.Packages, st.Functions)
		fmt.Fprintln(w, "subjects with a finding of the rule at or above each threshold:")
		writeRuleTable(w, ruleRows(benign))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "threshold\tfailing\tshare\t\n")
		for _, t := range Thresholds {
			mark := ""
			if t == DefaultThreshold {
				mark = " (default)"
			}
			fmt.Fprintf(tw, "%s%s\t%d\t%.1f%%\t\n", t, mark, st.Failing[t], st.Percent(t))
		}
		tw.Flush()
		fmt.Fprintf(w, "critical findings: %d (target 0): %s\n", st.Critical, passFail(st.Critical == 0))
		fmt.Fprintf(w, "failing at %s: %.1f%% (target ≤ %.0f%%): %s\n", DefaultThreshold, st.Percent(DefaultThreshold), MaxFailingPercent,
			passFail(st.Percent(DefaultThreshold) <= MaxFailingPercent))
		if st.Errors > 0 {
			fmt.Fprintf(w, "no verdict (counted as failing): %d\n", st.Errors)
		}
		for _, s := range sortedSubjects(benign) {
			if !s.Fails(DefaultThreshold) {
				continue
			}
			var why []string
			for _, f := range sortedFindings(s.AtOrAbove(DefaultThreshold)) {
				why = append(why, fmt.Sprintf("%s %s %s %s", f.Severity, f.Rule, orDash(f.Path), orDash(f.Phase)))
			}
			if s.Err != "" {
				why = append(why, "no verdict: "+firstLine(s.Err))
			}
			fmt.Fprintf(w, "  fails at %s: %s %s: %s\n", DefaultThreshold, s.Kind, s.ID, strings.Join(why, "; "))
		}
		fmt.Fprintln(w)
	}
	if len(fx) > 0 {
		writeMaliciousTable(w, fx, mal)
	}
	var errs []string
	for _, s := range append(slices.Clone(benign), mal...) {
		if s.Err != "" {
			errs = append(errs, fmt.Sprintf("  %s %s: exit %d: %s", s.Kind, s.ID, s.Exit, firstLine(s.Err)))
		}
	}
	if len(errs) > 0 {
		fmt.Fprintf(w, "ERRORS (%d):\n%s\n\n", len(errs), strings.Join(errs, "\n"))
	}
}

func writeMaliciousTable(w io.Writer, fx []Fixture, mal []Subject) {
	fmt.Fprintf(w, "MALICIOUS: %d fixtures\n", len(fx))
	// Per rule: fixtures expecting it, and whether it fired on the right package.
	type row struct{ expected, fired, fp int }
	rows := map[string]*row{}
	get := func(r string) *row {
		if rows[r] == nil {
			rows[r] = &row{}
		}
		return rows[r]
	}
	for i, f := range fx {
		sc := ScoreFixture(f.Expect, &mal[i], verdict.Low)
		for _, r := range f.Expect.Rules {
			get(r).expected++
		}
		for _, r := range sc.Fired {
			get(r).fired++
		}
		for _, o := range sc.Others {
			get(o.Rule).fp++
		}
	}
	ids := make([]string, 0, len(rows))
	for r := range rows {
		ids = append(ids, r)
	}
	slices.Sort(ids)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rule\tname\texpected\ttrue positives (right package)\tmisses\tfalse positives (other packages)\t\n")
	for _, id := range ids {
		r := rows[id]
		name := ""
		if rule, ok := verdict.Lookup(id); ok {
			name = rule.Name
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t\n", id, name, r.expected, r.fired, r.expected-r.fired, r.fp)
	}
	tw.Flush()
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "threshold\tdetected (right package)\tmis-attributed\tmissed\terrors\tfindings on other packages\t\n")
	for _, t := range Thresholds {
		c := fixtureCounts(fx, mal, t)
		others := 0
		for i, f := range fx {
			others += len(ScoreFixture(f.Expect, &mal[i], t).Others)
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", t, c[Detected], c[MisAttributed], c[Missed], c[Errored], others)
	}
	tw.Flush()
	for i, f := range fx {
		sc := ScoreFixture(f.Expect, &mal[i], DefaultThreshold)
		if sc.Outcome != Detected {
			fmt.Fprintf(w, "  %s at %s: %s", f.ID, DefaultThreshold, sc.Outcome)
			if len(sc.Absent) > 0 {
				fmt.Fprintf(w, " (not fired on %s: %s)", f.Expect.Package, strings.Join(sc.Absent, ","))
			}
			fmt.Fprintln(w)
		}
	}
	fmt.Fprintln(w)
}

func sortedSubjects(s []Subject) []Subject {
	out := slices.Clone(s)
	slices.SortStableFunc(out, func(a, b Subject) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID)) })
	return out
}

func sortedFindings(fs []Finding) []Finding {
	out := slices.Clone(fs)
	slices.SortFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(b.Severity, a.Severity), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Phase, b.Phase))
	})
	return slices.CompactFunc(out, func(a, b Finding) bool {
		return a.Severity == b.Severity && a.Rule == b.Rule && a.Path == b.Path && a.Phase == b.Phase
	})
}

func passFail(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
