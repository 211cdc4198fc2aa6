package report

import (
	"slices"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// column is one behaviour column of the dependency × behaviour matrix.
type column struct {
	Key   string
	Title string
	// kinds are the baseline item kinds counted in the column.
	kinds []string
	// events are the finding evidence events that colour the column.
	events []string
}

var columns = []column{
	{"exfiltration", "Exfiltration", []string{baseline.KindExfiltration}, []string{baseline.KindExfiltration}},
	{"process", "Processes", []string{baseline.KindProcess}, []string{baseline.KindProcess}},
	{"network", "Network", []string{baseline.KindNetwork}, []string{baseline.KindNetwork, "ioc"}},
	{"dns", "DNS", []string{baseline.KindDNS}, []string{baseline.KindDNS}},
	{"env", "Env vars", []string{baseline.KindEnv}, []string{baseline.KindEnv}},
	{"file-read", "Files read", []string{baseline.KindFileRead, baseline.KindFileExec}, []string{baseline.KindFileRead, baseline.KindFileExec}},
	{"file-write", "Files written", []string{baseline.KindFileWrite, baseline.KindFileReadWrite}, []string{baseline.KindFileWrite, baseline.KindFileReadWrite}},
	{"capability", "Capabilities", []string{baseline.KindCapability, baseline.KindInstallScript}, []string{baseline.KindCapability, baseline.KindInstallScript}},
	{"persistence", "Persistence", []string{baseline.KindPersistence}, []string{baseline.KindPersistence}},
	{"advisory", "Advisories", nil, []string{"advisory"}},
	{"run", "Run", []string{baseline.KindOutcome}, []string{baseline.KindOutcome, "problem"}},
}

// cell is one dependency's behaviour in one column.
type cell struct {
	Column column
	// Count is the number of distinct behaviours, all phases together.
	Count int
	// Items are "phase: behaviour" lines, for a tooltip.
	Items []string
	// Max is the highest severity of the findings in this column, 0 if none.
	Max verdict.Severity
}

// row is one dependency in the matrix.
type row struct {
	Name, Version, Path string
	Cells               []cell
	Max                 verdict.Severity
	Findings            int
}

// Label names the row's dependency.
func (r row) Label() string { return depLabel(r.Name, r.Version, r.Path) }

// matrixRows builds the matrix: every dependency in install-path order, the
// function's own code last.
func matrixRows(r *Report) []row {
	var rows []row
	deps := make([]*profile.Dependency, 0, len(r.Profile.Dependencies)+1)
	for i := range r.Profile.Dependencies {
		deps = append(deps, &r.Profile.Dependencies[i])
	}
	if r.Profile.App != nil {
		app := *r.Profile.App
		app.Name, app.Path = baseline.AppName, ""
		deps = append(deps, &app)
	}
	for _, d := range deps {
		rw := row{Name: d.Name, Version: d.Version, Path: d.Path}
		nd := baseline.FromDependency(d)
		phaseItems := nd.PhaseItems()
		var findings []verdict.Finding
		for _, f := range r.Result.Findings {
			if d.Path != "" && f.Path == d.Path {
				findings = append(findings, f)
			}
		}
		rw.Findings = len(findings)
		for _, col := range columns {
			c := cell{Column: col}
			seen := map[string]bool{}
			for _, phase := range baseline.Phases {
				for _, it := range phaseItems[phase] {
					if !slices.Contains(col.kinds, it.Kind) {
						continue
					}
					c.Items = append(c.Items, phase+": "+itemText(it, len(col.kinds) > 1))
					if !seen[it.Value] {
						seen[it.Value] = true
						c.Count++
					}
				}
			}
			if col.Key == "advisory" {
				for _, a := range d.Advisories {
					c.Items = append(c.Items, a.ID+" ("+a.Kind+", "+a.Severity+")")
					c.Count++
				}
			}
			for _, f := range findings {
				for _, ev := range f.Evidence.Events() {
					if slices.Contains(col.events, ev) && f.Severity > c.Max {
						c.Max = f.Severity
					}
				}
			}
			rw.Max = max(rw.Max, c.Max)
			rw.Cells = append(rw.Cells, c)
		}
		rows = append(rows, rw)
	}
	return rows
}

// itemText renders an item inside a cell: its value, with the kind when the
// column mixes kinds, and "(unattributed)" when it is.
func itemText(it baseline.Item, withKind bool) string {
	s := it.Value
	if withKind {
		s = strings.TrimPrefix(it.Kind, "file-") + " " + s
	}
	if it.Unattributed {
		s += " (unattributed)"
	}
	return s
}
