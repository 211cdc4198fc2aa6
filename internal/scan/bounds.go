package scan

import (
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/profile"
)

// ProblemCanarySearch is the problem code of data the canary search did
// not cover: compressed data past depbox's decompression bounds (a
// decompression bomb, or a secret hidden behind one).
const ProblemCanarySearch = "canary-search-bounded"

// boundProblems turns the bounds the canary search reached in this run's
// data into fatal problems: what lies past them was not searched, so the
// profile cannot say no canary left (fail closed).
func boundProblems(p *profile.Profile, c *canary.Set) {
	seen := map[string]bool{}
	for _, b := range c.Bounds() {
		msg := "data sent out or written held compressed data the canary search stopped in: " + b.String() +
			"; a dependency does not normally send a decompression bomb — look at the network and file writes in the profile for who sent it"
		if !seen[msg] {
			seen[msg] = true
			p.AddProblem(profile.Problem{Code: ProblemCanarySearch, Fatal: true, Message: msg})
		}
	}
}
