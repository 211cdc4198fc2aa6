package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/depbox/depbox/internal/verdict"
)

func init() {
	register(func(e *env) *cobra.Command {
		cmd := &cobra.Command{
			Use:   "rules [ID|NAME...]",
			Short: "List the verdict rules: ID, severity, what each means and how to fix it",
			Long: `rules prints every verdict rule depbox gate applies (or the named ones): its
stable ID and name, severity, whether it needs a baseline, what it detects,
why it matters and how to fix a finding. --format json gives the same for
tools. docs/rules.md has the same text.`,
			Example: `  depbox rules
  depbox rules DBX005 new-network-host
  depbox rules --format json`,
			RunE: func(cmd *cobra.Command, args []string) error {
				format := e.v.GetString("format")
				if format != "text" && format != "json" {
					return usageErr(fmt.Errorf("--format %q: want text or json", format))
				}
				rules := verdict.Rules()
				if len(args) > 0 {
					rules = rules[:0:0]
					for _, a := range args {
						r, ok := verdict.Lookup(a)
						if !ok {
							return usageErr(fmt.Errorf("unknown rule %q (depbox rules lists them)", a))
						}
						rules = append(rules, r)
					}
				}
				if format == "json" {
					enc := json.NewEncoder(e.stdout)
					enc.SetIndent("", "  ")
					enc.SetEscapeHTML(false)
					return enc.Encode(rules)
				}
				return writeRules(e.stdout, rules)
			},
		}
		cmd.Flags().String("format", "text", "output format: text or json")
		return cmd
	})
}

func writeRules(w io.Writer, rules []verdict.Rule) error {
	bw := bufio.NewWriter(w)
	for i, r := range rules {
		if i > 0 {
			bw.WriteString("\n")
		}
		sev := r.Severity.String()
		if r.ID == verdict.RuleVulnerable {
			sev = "the advisory's severity"
		}
		fmt.Fprintf(bw, "%s %s (%s", r.ID, r.Name, sev)
		if r.NeedsBaseline {
			bw.WriteString(", needs a baseline")
		}
		fmt.Fprintf(bw, ")\n  %s.\n", r.Summary)
		for _, part := range []struct{ title, text string }{
			{"What it means", r.Description}, {"Why it matters", r.Rationale}, {"How to fix", r.Remediation},
		} {
			fmt.Fprintf(bw, "  %s:\n", part.title)
			for _, line := range wrap(part.text, 76) {
				fmt.Fprintf(bw, "    %s\n", line)
			}
		}
	}
	return bw.Flush()
}

// wrap breaks text into lines of at most width columns (longer words stay whole).
func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, word := range strings.Fields(text) {
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(word) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
