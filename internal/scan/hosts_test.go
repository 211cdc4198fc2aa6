package scan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestOwnHostNameResolvesLocally runs, in the real sandbox and in the ci
// world (whose host name, fv-az1234-567, is a name rather than Lambda's
// address), a package that looks up its machine's fully qualified name as
// systeminformation does — `hostname -f` through a shell — and resolves a
// name of its own choosing. The sandbox's /etc/hosts names
// the host, as a container's does, so the host name never becomes a DNS
// query (which the fake resolver could not tie to the package: it landed
// on the function's root); the other name still does, on the package.
func TestOwnHostNameResolvesLocally(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                   `{"name":"fn","version":"1.0.0","dependencies":{"fqdn":"1.0.0"}}`,
		"index.js":                       "require('fqdn');\nexports.handler = async () => ({ statusCode: 200 });\n",
		"node_modules/fqdn/package.json": `{"name":"fqdn","version":"1.0.0"}`,
		"node_modules/fqdn/index.js": `const os = require('os'), cp = require('child_process'), dns = require('dns');
let fqdn = os.hostname();
try { fqdn = cp.execSync('hostname -f 2>/dev/null').toString().trim(); } catch {}
dns.lookup('probe.fqdn.invalid', () => {});
module.exports = fqdn;`,
	})
	o := invokeOptions(t, dir)
	o.Worlds = []string{"ci"}
	p := run(t, o)

	if len(p.Worlds) != 1 || p.Worlds[0].Name != "ci" {
		t.Fatalf("worlds run: %+v, want the ci world (the package read the host name)", p.Worlds)
	}
	w := p.Worlds[0]
	const host = "fv-az1234-567"
	var names []string
	probe := false
	deps := slices.Clone(w.Dependencies)
	if w.App != nil {
		deps = append(deps, *w.App)
	}
	for _, d := range deps {
		for phase, b := range d.Phases {
			for _, part := range []*profile.Behavior{b, b.Unattributed} {
				if part == nil {
					continue
				}
				for _, q := range part.DNS {
					names = append(names, d.Path+" "+phase+" "+q.Name)
					if strings.HasPrefix(strings.ToLower(q.Name), host) {
						t.Errorf("%s [%s]: DNS query for the sandbox's own host name %q", d.Path, phase, q.Name)
					}
					probe = probe || (q.Name == "probe.fqdn.invalid" && d.Path == "node_modules/fqdn" && part == b)
				}
			}
		}
	}
	if !probe {
		t.Errorf("the package's query for probe.fqdn.invalid is not on it in the ci world; DNS seen: %v", names)
	}
	t.Logf("DNS in the ci world: %v", names)
}
