package verdict

import (
	"strings"

	"github.com/depbox/depbox/baseline"
)

// worldFindings judges the profile's world variants (profile.World): the
// behaviour of the packages run again in each alternative world, by the
// same rules at the same severities. A finding the scan's own world has
// too (same rule, install path, phase and event kind: base) is not
// repeated; the others carry the world's name. Problems of the world runs
// are already the profile's own (the world's profile has none of its own;
// checkRun judges its indicator matches).
func (c *checker) worldFindings(base []Finding) []Finding {
	seen := map[string]bool{}
	for _, f := range base {
		seen[worldKey(f)] = true
	}
	var out []Finding
	for i := range c.p.Worlds {
		w := &c.p.Worlds[i]
		wc := &checker{p: w.Profile(c.p), base: c.base, world: w.Name}
		if c.base != nil {
			wc.changes = baseline.Diff(c.base, baseline.FromProfile(wc.p))
		}
		for _, f := range wc.run() {
			if k := worldKey(f); !seen[k] {
				seen[k] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// worldKey is what makes a world's finding new: not its values, which
// differ between runs.
func worldKey(f Finding) string {
	return strings.Join([]string{f.Rule, f.Path, f.Phase, f.Evidence.Event}, "\x00")
}
