package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/depbox/depbox/internal/profile"
)

// writeTable prints one row per dependency with what it did at import.
func writeTable(w io.Writer, p *profile.Profile) {
	fmt.Fprintf(w, "bundle %s (%s, handler %s)\n\n", p.Bundle.Name, p.Bundle.Runtime, orDash(p.Bundle.Handler))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DEPENDENCY\tVERSION\tSTATUS\tFILES\tENV\tNETWORK\tPROCESSES")
	quiet := 0
	for _, d := range p.Dependencies {
		b := d.Phases[profile.PhaseImport]
		status := "-"
		if b != nil && b.Outcome != nil {
			status = b.Outcome.Status
			if b.Outcome.Error != "" {
				status += " (" + b.Outcome.Error + ")"
			}
		}
		if b.Empty() && (b == nil || b.Outcome == nil || b.Outcome.Status == "ok") {
			quiet++
		}
		name := d.Name
		if want := "node_modules/" + d.Name; d.Path != want {
			name += " [" + d.Path + "]"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, d.Version, status,
			files(b), list(envOf(b)), network(b), processes(b))
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d dependencies, %d did nothing of their own at import.\n", len(p.Dependencies), quiet)
	for _, pr := range p.Problems {
		level := "warning"
		if pr.Fatal {
			level = "INCOMPLETE"
		}
		fmt.Fprintf(w, "%s: %s\n", level, pr.Message)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func list(s []string) string {
	if len(s) == 0 {
		return "-"
	}
	if len(s) > 4 {
		return strings.Join(s[:4], ", ") + fmt.Sprintf(" +%d", len(s)-4)
	}
	return strings.Join(s, ", ")
}

func envOf(b *profile.Behavior) []string {
	if b == nil {
		return nil
	}
	return b.Env
}

func files(b *profile.Behavior) string {
	if b == nil {
		return "-"
	}
	var s []string
	for _, f := range b.Files {
		x := f.Access + " " + f.Path
		if f.Failed {
			x += " (failed)"
		}
		s = append(s, x)
	}
	return list(s)
}

func network(b *profile.Behavior) string {
	if b == nil {
		return "-"
	}
	var s []string
	for _, n := range b.Network {
		x := n.Address
		if n.Port != 0 {
			x = fmt.Sprintf("%s:%d", n.Address, n.Port)
		}
		if n.Protocol != "" {
			x = n.Protocol + " " + x
		}
		if n.Op == "bind" {
			x = "bind " + x
		}
		if n.Result != "" && n.Result != "ok" {
			x += " (" + n.Result + ")"
		}
		s = append(s, x)
	}
	return list(s)
}

func processes(b *profile.Behavior) string {
	if b == nil {
		return "-"
	}
	var s []string
	for _, p := range b.Processes {
		s = append(s, strings.Join(p.Argv, " "))
	}
	return list(s)
}
