package scan_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// requirePython skips (in CI: fails) when Debian's CPython is missing.
func requirePython(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("Python scans need Debian's python3 (.ci/run installs it)")
		}
		t.Skip("no /usr/bin/python3: apt-get install python3")
	}
}

func findings(p *profile.Profile) []verdict.Finding {
	return verdict.Evaluate(verdict.Input{Profile: p}, verdict.Options{}).AtOrAbove(verdict.High)
}

// TestPythonScanAttributes runs a Python bundle whose distributions imitate
// malware in the real sandbox: the stealer's bait read, DNS exfiltration of
// the secret key and shell are its own; the wrapper that imports it stays
// clean; the .pth payload is caught in the startup phase and attributed to
// the distribution that installed it; the benign one does nothing.
func TestPythonScanAttributes(t *testing.T) {
	requirePython(t)
	o := invokeOptions(t, "testdata/bundles/python")
	p := run(t, o)
	if p.Bundle.Runtime != "python" || !strings.HasPrefix(p.Bundle.RuntimeVersion, "3.") {
		t.Errorf("bundle %+v", p.Bundle)
	}
	stealer := importOf(t, p, "stealer-1.0.0.dist-info")
	if !hasFile(stealer, "/home/sbx_user/.aws/credentials", profile.AccessRead) {
		t.Errorf("stealer: no read of the bait credentials in %+v", stealer.Files)
	}
	if !hasProcess(stealer, "/bin/sh", "-c", "id") {
		t.Errorf("stealer: no shell in %+v", stealer.Processes)
	}
	if !slices.ContainsFunc(stealer.Exfiltration, func(e profile.Exfil) bool {
		return e.Canary == "AWS_SECRET_ACCESS_KEY" && e.Channel == "dns" && e.Encoding == "hex"
	}) {
		t.Errorf("stealer: no DNS exfiltration of the secret key in %+v", stealer.Exfiltration)
	}
	for _, clean := range []string{"wrapper-2.0.0.dist-info", "benign-1.0.dist-info"} {
		if b := importOf(t, p, clean); !b.Empty() {
			t.Errorf("%s should have no behaviour of its own, got %+v", clean, b)
		}
	}
	pth := p.Dependency("pthpayload-0.1.dist-info").Phases[profile.PhaseStartup]
	if pth == nil || !slices.Contains(pth.Env, "AWS_SESSION_TOKEN") ||
		!slices.ContainsFunc(pth.Network, func(e profile.Endpoint) bool { return e.Address == "192.0.2.10" && e.Port == 443 }) {
		t.Errorf(".pth payload: startup phase %+v", pth)
	}
	inv := p.Dependency("stealer-1.0.0.dist-info").Phases[profile.PhaseInvoke]
	if inv == nil || !slices.ContainsFunc(inv.Network, func(e profile.Endpoint) bool { return e.Address == "198.51.100.7" && e.Port == 8443 }) {
		t.Errorf("stealer: the handler's call into it should connect to 198.51.100.7:8443 in the invoke phase: %+v", inv)
	}
	if w := p.Dependency("wrapper-2.0.0.dist-info").Phases[profile.PhaseInvoke]; w != nil && !w.Empty() {
		t.Errorf("wrapper: nothing of its own in the invoke phase, got %+v", w)
	}
	rules := map[string]bool{}
	for _, f := range findings(p) {
		rules[f.Rule+" "+f.Path+" "+f.Phase] = true
		if f.Path == "wrapper-2.0.0.dist-info" || f.Path == "benign-1.0.dist-info" {
			t.Errorf("finding on a clean distribution: %+v", f)
		}
	}
	for _, want := range []string{
		"DBX001 stealer-1.0.0.dist-info import", "DBX005 stealer-1.0.0.dist-info import",
		"DBX007 stealer-1.0.0.dist-info import", "DBX006 pthpayload-0.1.dist-info startup",
	} {
		if !rules[want] {
			t.Errorf("no finding %s; got %v", want, rules)
		}
	}
}

// debianDists are Debian python3-* packages (real, benign distributions
// with dist-info or egg-info) and the directories they install into
// /usr/lib/python3/dist-packages.
var debianDists = map[string][]string{
	"requests": {"requests"}, "urllib3": {"urllib3"}, "idna": {"idna"}, "certifi": {"certifi"},
	"chardet": {"chardet"}, "charset_normalizer": {"charset_normalizer"}, "six": {"six.py"},
	"PyYAML": {"yaml", "_yaml"}, "PyJWT": {"jwt"}, "boto3": {"boto3"}, "botocore": {"botocore"},
	"s3transfer": {"s3transfer"}, "jmespath": {"jmespath"}, "python_dateutil": {"dateutil"},
}

// debianBundle builds a pip -t style bundle from Debian's packages and a
// handler that uses them.
func debianBundle(t *testing.T, dists map[string][]string) string {
	t.Helper()
	const site = "/usr/lib/python3/dist-packages"
	dir := t.TempDir()
	for dist, mods := range dists {
		infos, _ := filepath.Glob(filepath.Join(site, dist+"-*-info"))
		if len(infos) == 0 {
			if os.Getenv("CI") == "true" {
				t.Fatalf("Debian's package for %s is not installed (.ci/run installs it)", dist)
			}
			t.Skipf("Debian's package for %s is not installed (apt-get install python3-...)", dist)
		}
		for _, src := range append(infos, prefixed(site, mods)...) {
			if out, err := exec.Command("cp", "-r", src, dir).CombinedOutput(); err != nil {
				t.Fatalf("copying %s: %v %s", src, err, out)
			}
		}
	}
	handler := "import boto3\nimport jwt\nimport requests\nimport yaml\n\n\ndef lambda_handler(event, context):\n" +
		"    token = jwt.encode({'sub': context.function_name}, 'k', algorithm='HS256')\n" +
		"    return {'statusCode': 200, 'body': yaml.safe_dump({'token': token, 'n': len(event or {})})}\n"
	if err := os.WriteFile(filepath.Join(dir, "lambda_function.py"), []byte(handler), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func prefixed(dir string, names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join(dir, n))
	}
	return out
}

// TestPythonDebianBundle scans real, benign distributions (Debian's
// python3-requests, -boto3, -yaml, -jwt and their dependencies): every one
// imports, and nothing reaches the default threshold.
func TestPythonDebianBundle(t *testing.T) {
	requirePython(t)
	o := invokeOptions(t, debianBundle(t, debianDists))
	p := run(t, o)
	if len(p.Dependencies) != len(debianDists) {
		t.Errorf("%d distributions, want %d", len(p.Dependencies), len(debianDists))
	}
	for _, d := range p.Dependencies {
		if b := d.Phases[profile.PhaseImport]; b == nil || b.Outcome == nil || b.Outcome.Status != "ok" {
			t.Errorf("%s did not import: %+v", d.Path, b)
		}
	}
	if inv := p.App.Phases[profile.PhaseInvoke]; inv == nil || inv.Outcome == nil || inv.Outcome.Status != "ok" {
		t.Errorf("the handler did not run: %+v", inv)
	}
	if fs := findings(p); len(fs) > 0 {
		for _, f := range fs {
			t.Errorf("finding on benign code: %s %s %s %s %v", f.Rule, f.Path, f.Phase, f.Message, f.Evidence.Values)
		}
	}
}
