package report

import (
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// Looked is a package (or the function's own code, path ".") that looked
// at environment signals, the ones payloads are gated on: a note, not a
// finding (docs/world.md).
type Looked struct {
	Path    string   `json:"path"`
	Signals []string `json:"signals"`
	Phases  []string `json:"phases"`
	// Worlds are the world variants it was run again in.
	Worlds []string `json:"worlds,omitempty"`
}

// maxLooked is how many packages that looked the text report lists.
const maxLooked = 15

// lookedAt lists who looked at which environment signals in p.
func lookedAt(p *profile.Profile) []Looked {
	var out []Looked
	add := func(d *profile.Dependency) {
		l := Looked{Path: d.Path}
		for phase, b := range d.Phases {
			if b != nil && len(b.WorldSignals) > 0 {
				l.Signals = append(l.Signals, b.WorldSignals...)
				l.Phases = append(l.Phases, phase)
			}
		}
		if len(l.Signals) == 0 {
			return
		}
		slices.Sort(l.Signals)
		l.Signals = slices.Compact(l.Signals)
		slices.Sort(l.Phases)
		for _, w := range p.Worlds {
			if d.Path == "." && w.App != nil || w.Dependency(d.Path) != nil {
				l.Worlds = append(l.Worlds, w.Name)
			}
		}
		out = append(out, l)
	}
	for i := range p.Dependencies {
		add(&p.Dependencies[i])
	}
	if p.App != nil {
		add(p.App)
	}
	return out
}

// String is the note's line: "node_modules/x looked at tz, date (import); run again in tz-moscow, later-date".
func (l Looked) String() string {
	s := l.Path + " looked at " + strings.Join(l.Signals, ", ") + " (" + strings.Join(l.Phases, ", ") + ")"
	if len(l.Worlds) > 0 {
		s += "; run again in " + strings.Join(l.Worlds, ", ")
	}
	return s
}

// worldLabel is how a finding names the world it was seen only in ("" for
// the scan's own).
func worldLabel(f verdict.Finding) string {
	if f.World == "" {
		return ""
	}
	return "only in the " + f.World + " world"
}
