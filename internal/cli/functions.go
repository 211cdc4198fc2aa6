package cli

import (
	"slices"

	"github.com/depbox/depbox/profile"
)

// unionProfile is what a report shows of a template's functions, scanned
// one by one: the first function's profile, with every other function's
// dependencies that it lacks (those of their own code directories) and
// problems added, incomplete when any is. Each function's own outcome and
// findings are in the report's functions and merged findings.
func unionProfile(ps []*profile.Profile) *profile.Profile {
	if len(ps) == 1 {
		return ps[0]
	}
	u := *ps[0]
	u.Dependencies = slices.Clone(u.Dependencies)
	u.Problems = slices.Clone(u.Problems)
	for _, p := range ps[1:] {
		for _, d := range p.Dependencies {
			if u.Dependency(d.Path) == nil {
				u.Dependencies = append(u.Dependencies, d)
			}
		}
		for _, pr := range p.Problems {
			if !slices.Contains(u.Problems, pr) {
				u.AddProblem(pr)
			}
		}
		u.Incomplete = u.Incomplete || p.Incomplete
	}
	u.Canonicalize()
	return &u
}
