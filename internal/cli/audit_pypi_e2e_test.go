package cli

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/audit/audittest"
	"github.com/depbox/depbox/internal/scan"
)

// TestAuditPyPIEndToEnd runs the depbox binary on pypi: specs against a
// PEP 503 index the test serves on loopback (wheels it writes itself), in
// the real sandbox: the text report of a stealer (startup and import
// phases), local sdists (the build's install phase; a failed build exits
// 3), the exit codes of a distribution the index does not have (2)
// and of a wheel whose bytes do not match the hash the index lists (3).
func TestAuditPyPIEndToEnd(t *testing.T) {
	if out, err := exec.Command(scan.DefaultPython, "-m", "pip", "--version").CombinedOutput(); err != nil {
		t.Skipf("no pip for %s (apt-get install python3-pip): %v %s", scan.DefaultPython, err, out)
	}
	depbox := e2eDepbox(t)
	ix := audittest.NewIndex(t, audittest.PyHelper, audittest.PyStealer)
	// pip reads only the index given, not this machine's configuration.
	t.Setenv("PIP_CONFIG_FILE", "/dev/null")
	t.Setenv("PIP_NO_CACHE_DIR", "1")

	code, stdout, stderr := depbox("audit", "--no-cache", "--index-url", ix.URL, "pypi:py-stealer@1.0")
	if code != ExitOK {
		t.Fatalf("audit: exit %d\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"audit of pypi:Py.Stealer@1.0 (pypi:py-stealer@1.0)", "integrity sha512-", "checked against the index",
		"  startup:\n", "192.0.2.44:443", "  import:\n", "198.51.100.23:443", "file-read /home/sbx_user/.aws/credentials", "← audited",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "  install:\n") {
		t.Errorf("a wheel's audit has no install phase, but the text lists one:\n%s", stdout)
	}

	// A local sdist: built in the sandbox, its setup.py's behaviour in the
	// install phase; one whose build exits is an incomplete audit (3).
	dir := t.TempDir()
	code, stdout, stderr = depbox("audit", "--no-cache", "--index-url", ix.URL, audittest.WriteSdist(t, dir, audittest.SdistStealer))
	if code != ExitOK || !strings.Contains(stdout, "  install:\n") || !strings.Contains(stdout, "drop.setup-stealer.invalid") {
		t.Errorf("sdist: exit %d, want %d, with the build's lookup in the install phase\n%s\n%s", code, ExitOK, stdout, stderr)
	}
	exits := audittest.Sdist{Name: "build-exits", Version: "0.1", Files: map[string]string{"setup.py": "import sys\nsys.exit('refusing to build')\n"}}
	if code, stdout, stderr := depbox("audit", "--no-cache", "--index-url", ix.URL, audittest.WriteSdist(t, dir, exits)); code != ExitAnalysis {
		t.Errorf("an sdist whose build exits: exit %d, want %d\n%s\n%s", code, ExitAnalysis, stdout, stderr)
	}

	if code, _, stderr := depbox("audit", "--index-url", ix.URL, "pypi:nothing-here@1.0"); code != ExitUsage || !strings.Contains(stderr, "no wheel") {
		t.Errorf("a distribution the index does not have: exit %d, want %d\n%s", code, ExitUsage, stderr)
	}
	bad := audittest.PyHelper
	bad.Files = map[string]string{"py_helper/__init__.py": "# TEST FIXTURE: tampered; never run.\nraise SystemExit(1)\n"}
	ix.Tamper(audittest.PyHelper, bad.Bytes(t))
	if code, _, stderr := depbox("audit", "--no-cache", "--index-url", ix.URL, "pypi:py-stealer@1.0"); code != ExitAnalysis || !strings.Contains(stderr, "integrity check failed") {
		t.Errorf("a tampered wheel: exit %d, want %d\n%s", code, ExitAnalysis, stderr)
	}
}
