package cli

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/profile"
)

// writeTable prints one row per dependency with what it did at import,
// then what the other phases saw.
func writeTable(w io.Writer, p *profile.Profile) {
	writeImportTable(w, p)
	writeOtherPhases(w, p)
	writeProblems(w, p)
}

// writeImportTable prints one row per dependency with what it did at import.
func writeImportTable(w io.Writer, p *profile.Profile) {
	fmt.Fprintf(w, "bundle %s (%s, handler %s)\n\n", p.Bundle.Name, p.Bundle.Runtime, orDash(p.Bundle.Handler))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DEPENDENCY\tVERSION\tSTATUS\tFILES\tENV\tNETWORK\tPROCESSES\tNOTES")
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, d.Version, status,
			files(b), list(envOf(b)), network(b), processes(b), notes(&d, b))
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%d dependencies, %d did nothing of their own at import.\n", len(p.Dependencies), quiet)
}

// writeProblems says why a profile is incomplete, and its warnings.
func writeProblems(w io.Writer, p *profile.Profile) {
	for _, pr := range p.Problems {
		level := "warning"
		if pr.Fatal {
			level = "INCOMPLETE"
		}
		fmt.Fprintf(w, "%s: %s\n", level, pr.Message)
	}
}

// writeOtherPhases lists, for the phases other than import, what each
// package did (as baseline items), the function's own behaviour, and what
// no hook record explained.
func writeOtherPhases(w io.Writer, p *profile.Profile) {
	titles := map[string]string{
		profile.PhaseInstall: "install phase (lifecycle scripts)",
		profile.PhaseInvoke:  "invoke phase (the handler called with synthetic events)",
		profile.PhaseLinger:  "linger phase",
		profile.PhaseExecute: "execute phase (exported functions called)",
	}
	titles[profile.PhaseImport] = "import phase (beside the table)"
	for _, phase := range []string{profile.PhaseInstall, profile.PhaseImport, profile.PhaseInvoke, profile.PhaseLinger, profile.PhaseExecute} {
		var out strings.Builder
		item := func(label string, b *profile.Behavior, prefix string) {
			items := baseline.BehaviorItems(b)
			if len(items) == 0 {
				return
			}
			fmt.Fprintf(&out, "  %s%s\n", prefix, label)
			for _, it := range items {
				fmt.Fprintf(&out, "      %s\n", it)
			}
		}
		ran := false
		for i := 0; i < len(p.Dependencies) && phase != profile.PhaseImport; i++ {
			d := &p.Dependencies[i]
			b := d.Phases[phase]
			if b == nil {
				continue
			}
			ran = true
			label := baseline.Label(d.Name, d.Version, d.Path)
			if phase == profile.PhaseInstall && len(d.InstallScripts) > 0 {
				label += " (" + strings.Join(d.InstallScripts, ", ") + ")"
			}
			item(label, b, "")
		}
		if p.App != nil {
			if b := p.App.Phases[phase]; b != nil {
				ran = true
				own := *b
				own.Unattributed = nil
				item("the function's own code", &own, "")
				item("explained by no hook record (in the function's process)", b.Unattributed, "unattributed: ")
			}
		}
		if !ran || (phase == profile.PhaseImport && out.Len() == 0) {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", titles[phase])
		if out.Len() == 0 {
			fmt.Fprintln(w, "  nothing of note")
		}
		fmt.Fprint(w, out.String())
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
		if n.Host != "" {
			x = n.Host
		}
		if n.Port != 0 {
			x = fmt.Sprintf("%s:%d", x, n.Port)
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

// notes are what deserves a look: exfiltration first, then advisories,
// capabilities, long timers and names resolved.
func notes(d *profile.Dependency, b *profile.Behavior) string {
	var s []string
	if b != nil {
		for _, e := range b.Exfiltration {
			s = append(s, fmt.Sprintf("EXFILTRATES %s via %s", e.Canary, e.Channel))
		}
	}
	for _, a := range d.Advisories {
		s = append(s, fmt.Sprintf("%s %s", strings.ToUpper(a.Kind), a.ID))
	}
	if d.BundledBy != "" {
		s = append(s, "bundled by "+d.BundledBy)
	}
	if b != nil {
		s = append(s, b.Capabilities...)
		for _, t := range b.Timers {
			s = append(s, fmt.Sprintf("timer %ds", t.DelayMS/1000))
		}
		for _, sg := range b.Signals {
			s = append(s, sg.Signal+" to "+sg.Target)
		}
		for _, q := range b.DNS {
			s = append(s, "dns "+q.Name)
		}
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
