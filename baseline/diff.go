package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// DiffSchema is the version tag of the JSON form of Changes.
const DiffSchema = "depbox.baseline-diff/v1"

// AppName is the name under which the function's own code appears in a diff.
const AppName = "(app)"

// Changes is what differs between an old and a new baseline.
type Changes struct {
	Schema string `json:"schema"`
	// Added are dependencies that are new, with all their behaviour as added items.
	Added []DependencyChange `json:"added"`
	// Removed are dependencies that are gone, with the behaviour they had as removed items.
	Removed []DependencyChange `json:"removed"`
	// Changed are dependencies present in both whose version or behaviour changed.
	Changed []DependencyChange `json:"changed"`
}

// DependencyChange is one dependency's difference.
type DependencyChange struct {
	Name string `json:"name"`
	Path string `json:"path"`
	// OldVersion is empty for an added dependency, NewVersion for a removed one.
	OldVersion string        `json:"old_version,omitempty"`
	NewVersion string        `json:"new_version,omitempty"`
	Phases     []PhaseChange `json:"phases,omitempty"`
}

// VersionChanged reports whether the dependency's version changed (it was
// neither added nor removed).
func (c *DependencyChange) VersionChanged() bool {
	return c.OldVersion != "" && c.NewVersion != "" && c.OldVersion != c.NewVersion
}

// PhaseChange lists new and vanished behaviours in one phase.
type PhaseChange struct {
	Phase   string `json:"phase"`
	Added   []Item `json:"added,omitempty"`
	Removed []Item `json:"removed,omitempty"`
}

// Empty reports whether nothing changed.
func (c *Changes) Empty() bool {
	return c == nil || len(c.Added)+len(c.Removed)+len(c.Changed) == 0
}

type depKey struct{ name, path string }

// Diff compares two baselines. A nil old baseline counts as empty: every
// dependency is then added.
func Diff(old, new *Baseline) *Changes {
	c := &Changes{Schema: DiffSchema, Added: []DependencyChange{}, Removed: []DependencyChange{}, Changed: []DependencyChange{}}
	index := func(b *Baseline) map[depKey]*Dependency {
		m := map[depKey]*Dependency{}
		if b == nil {
			return m
		}
		for i := range b.Dependencies {
			d := &b.Dependencies[i]
			m[depKey{d.Name, d.Path}] = d
		}
		if b.App != nil {
			m[depKey{AppName, ""}] = b.App
		}
		return m
	}
	om, nm := index(old), index(new)
	for k, nd := range nm {
		od := om[k]
		dc := DependencyChange{Name: k.name, Path: k.path, NewVersion: nd.Version, Phases: phaseChanges(od, nd)}
		switch {
		case od == nil:
			c.Added = append(c.Added, dc)
		default:
			dc.OldVersion = od.Version
			if dc.OldVersion != dc.NewVersion || len(dc.Phases) > 0 {
				c.Changed = append(c.Changed, dc)
			}
		}
	}
	for k, od := range om {
		if nm[k] == nil {
			c.Removed = append(c.Removed, DependencyChange{Name: k.name, Path: k.path, OldVersion: od.Version, Phases: phaseChanges(od, nil)})
		}
	}
	for _, l := range []*[]DependencyChange{&c.Added, &c.Removed, &c.Changed} {
		slices.SortFunc(*l, func(x, y DependencyChange) int {
			return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Name, y.Name))
		})
	}
	return c
}

func phaseChanges(old, new *Dependency) []PhaseChange {
	var oi, ni map[string][]Item
	if old != nil {
		oi = old.PhaseItems()
	}
	if new != nil {
		ni = new.PhaseItems()
	}
	phases := map[string]bool{}
	for p := range oi {
		phases[p] = true
	}
	for p := range ni {
		phases[p] = true
	}
	var out []PhaseChange
	for p := range phases {
		pc := PhaseChange{Phase: p, Added: minus(ni[p], oi[p]), Removed: minus(oi[p], ni[p])}
		if len(pc.Added)+len(pc.Removed) > 0 {
			out = append(out, pc)
		}
	}
	slices.SortFunc(out, func(x, y PhaseChange) int {
		return cmp.Or(cmp.Compare(PhaseIndex(x.Phase), PhaseIndex(y.Phase)), cmp.Compare(x.Phase, y.Phase))
	})
	return out
}

// minus returns the items of a not in b (both sorted by CompareItems).
func minus(a, b []Item) []Item {
	var out []Item
	for _, it := range a {
		if _, found := slices.BinarySearchFunc(b, it, CompareItems); !found {
			out = append(out, it)
		}
	}
	return out
}

// AddedItems returns the new behaviours of the dependency at this name and
// path in phase, or nil.
func (c *Changes) AddedItems(name, path, phase string) []Item {
	if c == nil {
		return nil
	}
	for _, l := range [][]DependencyChange{c.Added, c.Changed} {
		for _, d := range l {
			if d.Name != name || d.Path != path {
				continue
			}
			for _, p := range d.Phases {
				if p.Phase == phase {
					return p.Added
				}
			}
		}
	}
	return nil
}

// WriteJSON writes the changes as indented JSON (schema DiffSchema).
func (c *Changes) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("encoding baseline diff: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Label names a dependency for people: "name@version (path)", or just
// "name@version" when the path is node_modules/<name>.
func Label(name, version, path string) string {
	s := name
	if version != "" {
		s += "@" + version
	}
	if path != "" && path != "node_modules/"+name {
		s += " (" + path + ")"
	}
	return s
}

// WriteText writes the changes for people: one block per dependency, "+"
// for new behaviour and "-" for vanished behaviour, per phase.
func (c *Changes) WriteText(w io.Writer) error {
	var b strings.Builder
	if c.Empty() {
		b.WriteString("No changes: the behaviour matches the baseline.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%d new, %d removed, %d changed dependencies\n", len(c.Added), len(c.Removed), len(c.Changed))
	writePhases := func(phases []PhaseChange) {
		for _, p := range phases {
			fmt.Fprintf(&b, "    %s:\n", p.Phase)
			for _, it := range p.Added {
				fmt.Fprintf(&b, "      + %s\n", it)
			}
			for _, it := range p.Removed {
				fmt.Fprintf(&b, "      - %s\n", it)
			}
		}
	}
	for _, d := range c.Added {
		fmt.Fprintf(&b, "\n  new dependency %s\n", Label(d.Name, d.NewVersion, d.Path))
		if len(d.Phases) == 0 {
			b.WriteString("    (no behaviour)\n")
		}
		writePhases(d.Phases)
	}
	for _, d := range c.Removed {
		fmt.Fprintf(&b, "\n  removed dependency %s\n", Label(d.Name, d.OldVersion, d.Path))
	}
	for _, d := range c.Changed {
		if d.VersionChanged() {
			fmt.Fprintf(&b, "\n  %s: version %s → %s\n", Label(d.Name, "", d.Path), d.OldVersion, d.NewVersion)
		} else {
			fmt.Fprintf(&b, "\n  %s\n", Label(d.Name, d.NewVersion, d.Path))
		}
		writePhases(d.Phases)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
