package report

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/depbox/depbox/internal/verdict"
)

// markdownRows caps each findings table, to keep a pull-request comment short.
const markdownRows = 25

// Markdown writes a short summary for a pull-request comment: the outcome,
// the failing findings first, then the others folded, suppressed findings,
// warnings and the baseline diff folded.
func Markdown(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	icon := map[string]string{StatusPass: "✅", StatusFail: "❌", StatusIncomplete: "⚠️"}[r.Status()]
	fmt.Fprintf(bw, "### %s depbox: %s\n\n", icon, mdEscape(r.Headline()))
	fmt.Fprintf(bw, "Bundle `%s` — %s.", mdCode(r.Profile.Bundle.Name), mdEscape(bundleDetails(r)))
	if r.BaselinePath != "" && r.Result.BaselineUsed {
		fmt.Fprintf(bw, " Compared with `%s`.", mdCode(r.BaselinePath))
	}
	bw.WriteString("\n\n")

	threshold := r.threshold()
	if len(r.Functions) > 0 {
		bw.WriteString("| function | handler | outcome | findings |\n|---|---|---|---|\n")
		for _, fn := range r.Functions {
			fmt.Fprintf(bw, "| `%s` | `%s` | %s | %d (%d at or above %s) |\n", mdCode(fn.Name), mdCode(fn.Handler), fn.Status, fn.Findings, fn.Failing, threshold)
		}
		bw.WriteString("\nFindings without a function are shared by all the functions.\n\n")
	}
	var failing, other []verdict.Finding
	for _, f := range r.Result.Findings {
		if f.Severity >= threshold {
			failing = append(failing, f)
		} else {
			other = append(other, f)
		}
	}
	if len(failing) > 0 {
		mdTable(bw, failing)
	}
	if len(other) > 0 {
		fmt.Fprintf(bw, "<details><summary>%d %s below %s</summary>\n\n", len(other), plural(len(other), "finding", "findings"), threshold)
		mdTable(bw, other)
		bw.WriteString("</details>\n\n")
	}
	if len(r.Result.Suppressed) > 0 {
		fmt.Fprintf(bw, "<details><summary>%d suppressed by gate.ignore</summary>\n\n| rule | dependency | reason |\n|---|---|---|\n", len(r.Result.Suppressed))
		for _, s := range r.Result.Suppressed {
			reason := s.Ignore.Reason
			if s.Ignore.Expires != "" {
				reason += " (until " + s.Ignore.Expires + ")"
			}
			fmt.Fprintf(bw, "| %s %s | `%s` | %s |\n", s.Finding.Rule, s.Finding.Name, mdCode(s.Finding.Subject()), mdCell(reason))
		}
		bw.WriteString("\n</details>\n\n")
	}
	if ws := r.Warnings(); len(ws) > 0 {
		bw.WriteString("**Warnings**\n\n")
		for _, w := range ws {
			fmt.Fprintf(bw, "- %s\n", mdEscape(w))
		}
		bw.WriteString("\n")
	}
	if c := r.Result.Changes; c != nil && !c.Empty() {
		fmt.Fprintf(bw, "<details><summary>Baseline changes: %d new, %d removed, %d changed dependencies</summary>\n\n```diff\n", len(c.Added), len(c.Removed), len(c.Changed))
		var diff strings.Builder
		if err := c.WriteText(&diff); err != nil {
			return err
		}
		for _, line := range strings.Split(strings.TrimRight(diff.String(), "\n"), "\n") {
			// Put the diff marker first so that the diff highlighting works.
			t := strings.TrimLeft(line, " ")
			if strings.HasPrefix(t, "+ ") || strings.HasPrefix(t, "- ") {
				line = t[:1] + " " + strings.Repeat(" ", len(line)-len(t)) + t[2:]
			}
			bw.WriteString(strings.ReplaceAll(line, "```", "'''") + "\n")
		}
		bw.WriteString("```\n\nAccept with `depbox baseline update` after review.\n\n</details>\n\n")
	}
	return bw.Flush()
}

func mdTable(bw *bufio.Writer, fs []verdict.Finding) {
	bw.WriteString("| severity | rule | dependency | phase | evidence |\n|---|---|---|---|---|\n")
	for i, f := range fs {
		if i == markdownRows {
			fmt.Fprintf(bw, "| | | … and %d more: see the full report | | |\n", len(fs)-markdownRows)
			break
		}
		var vals []string
		for _, v := range first(f.Evidence.Values, 3) {
			vals = append(vals, "`"+mdCode(v)+"`")
		}
		ev := strings.Join(vals, " ")
		if n := len(f.Evidence.Values); n > 3 {
			ev += fmt.Sprintf(" +%d more", n-3)
		}
		subject := "—"
		if f.Dependency != "" || f.Path != "" {
			subject = "`" + mdCode(f.Subject()) + "`"
		}
		phase := f.Phase
		if phase == "" {
			phase = "—"
		}
		if f.Function != "" {
			phase += " (`" + mdCode(f.Function) + "`)"
		}
		if f.World != "" {
			phase += " (world `" + mdCode(f.World) + "`)"
		}
		fmt.Fprintf(bw, "| **%s** | %s %s | %s | %s | %s: %s |\n", f.Severity, f.Rule, f.Name, subject, phase, f.Evidence.Event, ev)
	}
	bw.WriteString("\n")
}

// mdCell makes text safe inside a table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(mdEscape(s), "|", `\|`)
}

// mdEscape escapes the Markdown (and inline HTML) characters that would
// change how text renders.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`)
	// A zero-width space after an @ that starts a word keeps GitHub from
	// mentioning users and teams (@scope/package names).
	return mentionRE.ReplaceAllString(r.Replace(s), "$1@\u200b")
}

var mentionRE = regexp.MustCompile(`(^|\s)@`)

// mdCode makes text safe inside an inline code span.
func mdCode(s string) string {
	s = strings.ReplaceAll(s, "`", "'")
	return strings.ReplaceAll(s, "|", `\|`)
}
