package scan

import (
	"crypto/rand"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

// TestFakeNetCanaryOwner: a canary in the data the fake internet received
// belongs to whoever connected there — a package or the function's own
// code — and is unattributed only when nobody did.
func TestFakeNetCanaryOwner(t *testing.T) {
	c, err := canary.New(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	var secret string
	for _, kv := range c.Env() {
		if v, ok := strings.CutPrefix(kv, "AWS_SECRET_ACCESS_KEY="); ok {
			secret = v
		}
	}
	if secret == "" {
		t.Fatal("no AWS_SECRET_ACCESS_KEY canary")
	}
	conn := func(host string) []profile.Endpoint {
		return []profile.Endpoint{{Protocol: "tcp", Host: host, Port: 80}}
	}
	for _, tc := range []struct {
		name           string
		app, pkg       string // hosts the function's code and the package connected to
		wantApp, wantP bool   // exfiltration on the function's own behaviour, on the package's
		wantUn         bool   // unattributed, on the function's process
	}{
		{name: "the function's own code", app: "collect.invalid", wantApp: true},
		{name: "a package", pkg: "collect.invalid", wantP: true},
		{name: "nobody", app: "other.invalid", pkg: "other.invalid", wantUn: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{
				Dependencies: []profile.Dependency{{Name: "p", Path: "node_modules/p", Phases: map[string]*profile.Behavior{
					profile.PhaseInvoke: {Network: conn(tc.pkg)},
				}}},
				App: &profile.Dependency{Name: "fn", Path: ".", Phases: map[string]*profile.Behavior{
					profile.PhaseInvoke: {Network: conn(tc.app)},
				}},
			}
			fake := []fakenet.Record{{Kind: "tcp", Name: "collect.invalid", Port: 80, Phase: profile.PhaseInvoke,
				Data: []byte("POST /upload HTTP/1.1\r\n\r\nAWS_SECRET_ACCESS_KEY=" + secret)}}
			applyFakeNet(p, fake, c, map[string]bool{})
			app := p.App.Phases[profile.PhaseInvoke]
			if got := len(app.Exfiltration) > 0; got != tc.wantApp {
				t.Errorf("exfiltration on the function's code: %v, want %v", got, tc.wantApp)
			}
			if got := len(p.Dependencies[0].Phases[profile.PhaseInvoke].Exfiltration) > 0; got != tc.wantP {
				t.Errorf("exfiltration on the package: %v, want %v", got, tc.wantP)
			}
			if got := app.Unattributed != nil && len(app.Unattributed.Exfiltration) > 0; got != tc.wantUn {
				t.Errorf("unattributed exfiltration: %v, want %v", got, tc.wantUn)
			}
		})
	}
}
