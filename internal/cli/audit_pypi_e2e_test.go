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
// phases), the exit codes of a distribution the index does not have (2)
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
	for _, absent := range []string{"  install:\n", "  execute:\n"} {
		if strings.Contains(stdout, absent) {
			t.Errorf("a Python audit has no %s phase, but the text lists one:\n%s", strings.TrimSpace(absent), stdout)
		}
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
