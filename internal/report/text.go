package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
)

// ANSI styles used on terminals.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiPurple = "\x1b[35m"
	ansiCyan   = "\x1b[36m"
)

type painter bool

func (p painter) paint(style, s string) string {
	if !p || style == "" {
		return s
	}
	return style + s + ansiReset
}

func severityStyle(s verdict.Severity) string {
	switch s {
	case verdict.Critical:
		return ansiBold + ansiPurple
	case verdict.High:
		return ansiBold + ansiRed
	case verdict.Medium:
		return ansiYellow
	}
	return ansiCyan
}

// maxValues is how many evidence values the short formats show per finding.
const maxValues = 5

// Text writes the report for a job log or a terminal: the outcome, then
// every finding with its evidence (most severe first), suppressed findings,
// warnings and the baseline diff. With color, ANSI colours are used.
func Text(w io.Writer, r *Report, color bool) error {
	bw := bufio.NewWriter(w)
	p := painter(color)
	b := r.Profile.Bundle
	fmt.Fprintf(bw, "depbox gate: %s", b.Name)
	if details := bundleDetails(r); details != "" {
		fmt.Fprintf(bw, " (%s)", details)
	}
	bw.WriteString("\n")
	status := r.Status()
	style := ansiBold + ansiGreen
	if status != StatusPass {
		style = ansiBold + ansiRed
	}
	fmt.Fprintf(bw, "%s\n", p.paint(style, r.Headline()))
	threshold := r.threshold()
	if len(r.Functions) > 0 {
		fmt.Fprintf(bw, "\n%s\n", p.paint(ansiBold, fmt.Sprintf("Functions (%d, scanned one by one; findings without a function are shared by all):", len(r.Functions))))
		for _, fn := range r.Functions {
			fmt.Fprintf(bw, "  %-24s %-28s %s (%d %s, %d at or above %s)\n", fn.Name, fn.Handler, strings.ToUpper(fn.Status), fn.Findings, plural(fn.Findings, "finding", "findings"), fn.Failing, threshold)
		}
	}

	for _, f := range r.Result.Findings {
		bw.WriteString("\n")
		sev := strings.ToUpper(f.Severity.String())
		mark := " "
		if f.Severity >= threshold {
			mark = "!"
		}
		fmt.Fprintf(bw, "%s %s %s %s", mark, p.paint(severityStyle(f.Severity), fmt.Sprintf("%-8s", sev)), p.paint(ansiBold, f.Rule), f.Name)
		if f.Dependency != "" || f.Path != "" {
			fmt.Fprintf(bw, "  %s", f.Subject())
		}
		if f.Phase != "" {
			fmt.Fprintf(bw, "  [%s]", f.Phase)
		}
		if fn := functionLabel(f); fn != "" {
			fmt.Fprintf(bw, "  (%s)", fn)
		}
		if w := worldLabel(f); w != "" {
			fmt.Fprintf(bw, "  (%s)", w)
		}
		bw.WriteString("\n")
		fmt.Fprintf(bw, "    %s\n", f.Message)
		label := "evidence (" + f.Evidence.Event
		if f.Evidence.Unattributed {
			label += ", unattributed"
		}
		label += "):"
		vals := f.Evidence.Values
		if len(vals) == 1 {
			fmt.Fprintf(bw, "    %s %s\n", p.paint(ansiDim, label), vals[0])
			continue
		}
		fmt.Fprintf(bw, "    %s\n", p.paint(ansiDim, label))
		for i, v := range vals {
			if i == maxValues && len(vals) > maxValues+1 {
				fmt.Fprintf(bw, "      %s\n", p.paint(ansiDim, fmt.Sprintf("… and %d more (see the JSON or HTML report)", len(vals)-maxValues)))
				break
			}
			fmt.Fprintf(bw, "      %s\n", v)
		}
	}
	if len(r.Result.Suppressed) > 0 {
		fmt.Fprintf(bw, "\n%s\n", p.paint(ansiBold, fmt.Sprintf("Suppressed by gate.ignore (%d):", len(r.Result.Suppressed))))
		for _, s := range r.Result.Suppressed {
			subject := s.Finding.Subject()
			if fn := functionLabel(s.Finding); fn != "" {
				subject += " (" + fn + ")"
			}
			fmt.Fprintf(bw, "  %s %s %s: %s\n", s.Finding.Rule, s.Finding.Name, subject, s.Ignore.Reason)
		}
	}
	if ls := lookedAt(r.Profile); len(ls) > 0 {
		fmt.Fprintf(bw, "\n%s\n", p.paint(ansiBold, "Environment signals looked at (re-run in other worlds, docs/world.md):"))
		for i, l := range ls {
			if i == maxLooked && len(ls) > maxLooked+1 {
				fmt.Fprintf(bw, "  %s\n", p.paint(ansiDim, fmt.Sprintf("… and %d more (see the JSON report)", len(ls)-maxLooked)))
				break
			}
			fmt.Fprintf(bw, "  %s\n", l)
		}
	}
	if ws := r.Warnings(); len(ws) > 0 {
		fmt.Fprintf(bw, "\n%s\n", p.paint(ansiBold+ansiYellow, "Warnings:"))
		for _, w := range ws {
			fmt.Fprintf(bw, "  %s\n", w)
		}
	}
	if c := r.Result.Changes; c != nil {
		fmt.Fprintf(bw, "\n%s ", p.paint(ansiBold, "Baseline "+r.BaselinePath+":"))
		var diff strings.Builder
		if err := c.WriteText(&diff); err != nil {
			return err
		}
		for _, line := range strings.SplitAfter(diff.String(), "\n") {
			switch t := strings.TrimSpace(line); {
			case strings.HasPrefix(t, "+ "):
				line = p.paint(ansiGreen, strings.TrimSuffix(line, "\n")) + "\n"
			case strings.HasPrefix(t, "- "):
				line = p.paint(ansiRed, strings.TrimSuffix(line, "\n")) + "\n"
			}
			bw.WriteString(line)
		}
		if !c.Empty() {
			fmt.Fprintf(bw, "  %s\n", p.paint(ansiDim, "Accept these changes with `depbox baseline update` after review."))
		}
	}
	return bw.Flush()
}

func bundleDetails(r *Report) string {
	b := r.Profile.Bundle
	var parts []string
	if b.Runtime != "" {
		rt := b.Runtime
		if b.RuntimeVersion != "" {
			rt += " " + b.RuntimeVersion
		}
		parts = append(parts, rt)
	}
	if len(r.Functions) > 0 {
		parts = append(parts, fmt.Sprintf("%d functions", len(r.Functions)))
	} else if b.Handler != "" {
		parts = append(parts, "handler "+b.Handler)
	}
	parts = append(parts, fmt.Sprintf("%d %s", len(r.Profile.Dependencies), plural(len(r.Profile.Dependencies), "dependency", "dependencies")))
	return strings.Join(parts, ", ")
}

// depLabel names a dependency for people.
func depLabel(name, version, path string) string { return baseline.Label(name, version, path) }
