package verdict

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	docPath    = "../../docs/rules.md"
	beginRules = "<!-- BEGIN RULES: generated from internal/verdict/rules.go by `go test ./internal/verdict -update`; edit the rules there -->"
	endRules   = "<!-- END RULES -->"
)

// rulesReference renders the rule reference section of docs/rules.md.
func rulesReference() string {
	var b strings.Builder
	b.WriteString("| ID | name | severity | needs a baseline | a baseline accepts | summary |\n|---|---|---|---|---|---|\n")
	for _, r := range Rules() {
		base, accepts := "", ""
		if r.NeedsBaseline {
			base = "yes"
		}
		if r.BaselineAccepts {
			accepts = "yes"
		}
		sev := r.Severity.String()
		if r.ID == RuleVulnerable {
			sev = "the advisory's"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID+"-"+r.Name), r.Name, sev, base, accepts, r.Summary)
	}
	for _, r := range Rules() {
		fmt.Fprintf(&b, "\n### %s %s\n\n", r.ID, r.Name)
		sev := "**" + r.Severity.String() + "**"
		if r.ID == RuleVulnerable {
			sev = "the advisory's (unknown counts as **medium**)"
		}
		fmt.Fprintf(&b, "Severity: %s.", sev)
		if r.NeedsBaseline {
			b.WriteString(" Needs a baseline: skipped, with a warning, when there is none.")
		}
		if r.BaselineAccepts {
			b.WriteString(" Behaviour that the baseline records for the dependency in that phase is accepted and not reported.")
		}
		fmt.Fprintf(&b, "\n\n%s\n\n**What it means.** %s\n\n**Why it matters.** %s\n\n**How to fix.** %s\n", r.Summary+".", r.Description, r.Rationale, r.Remediation)
	}
	return b.String()
}

// TestRulesDoc keeps docs/rules.md's rule reference in step with the
// catalogue; -update rewrites the section between the markers.
func TestRulesDoc(t *testing.T) {
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	begin := bytes.Index(doc, []byte(beginRules))
	end := bytes.Index(doc, []byte(endRules))
	if begin < 0 || end < begin {
		t.Fatalf("%s lacks the markers %q and %q", docPath, beginRules, endRules)
	}
	want := beginRules + "\n\n" + rulesReference() + "\n" + endRules
	got := string(doc[begin : end+len(endRules)])
	if got == want {
		return
	}
	if *update {
		out := append([]byte{}, doc[:begin]...)
		out = append(out, want...)
		out = append(out, doc[end+len(endRules):]...)
		if err := os.WriteFile(filepath.Clean(docPath), out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with rules.go: run go test ./internal/verdict -update", docPath)
}
