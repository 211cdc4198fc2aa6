package scan

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

// TestSearchDomainQueries: the resolver's search-list form of a name a hook
// record explains is the same lookup (pg connecting to "base" also asked
// for "base.254.238.219"), not unattributed behaviour; any other name is.
func TestSearchDomainQueries(t *testing.T) {
	if got := searchDomain("169.254.238.219"); got != "254.238.219" {
		t.Fatalf("searchDomain = %q", got)
	}
	if got := searchDomain("sandbox"); got != "" {
		t.Fatalf("searchDomain of a name with no dot = %q", got)
	}
	c, err := canary.New(rand.NewChaCha8([32]byte{9}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		search string
		asked  []string
		want   []string // unattributed names on the function's process
	}{
		{"search form of an explained name", "254.238.219", []string{"base.254.238.219", "base"}, nil},
		{"search form of an unexplained name", "254.238.219", []string{"beacon.254.238.219"}, []string{"beacon.254.238.219"}},
		{"another domain", "254.238.219", []string{"base.254.1.1"}, []string{"base.254.1.1"}},
		{"no search domain", "", []string{"base.254.238.219"}, []string{"base.254.238.219"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &profile.Profile{Bundle: profile.Bundle{Name: "fn"}}
			var fake []fakenet.Record
			for _, n := range tt.asked {
				fake = append(fake, fakenet.Record{Kind: "dns", Name: n, Type: "A", Phase: profile.PhaseImport})
			}
			applyFakeNet(p, fake, c, explainedBySearch(map[string]bool{"base": true}, tt.search))
			var got []string
			if p.App != nil && p.App.Phases[profile.PhaseImport] != nil && p.App.Phases[profile.PhaseImport].Unattributed != nil {
				for _, q := range p.App.Phases[profile.PhaseImport].Unattributed.DNS {
					got = append(got, q.Name)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unattributed DNS = %q, want %q", got, tt.want)
			}
		})
	}
}
