package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/advisory"
	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/profile"
)

// depbox runs the real static binary, as a user would.
func depbox(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	self, runsc := sandboxtest.Binaries(t)
	cmd := exec.Command(self, append([]string{"--runsc", runsc, "--cache-dir", sandboxtest.CacheDir(t)}, args...)...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func fixture(t *testing.T) string {
	return filepath.Join(sandboxtest.ModuleRoot(t), "internal", "scan", "testdata", "bundles", "basic")
}

func TestScanCommand(t *testing.T) {
	sandboxtest.Require(t)
	out, errOut, code := depbox(t, "scan", fixture(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"DEPENDENCY", "evil", "192.0.2.10:443", "sh -c id", "benign [node_modules/@acme/util/node_modules/benign]"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	out, errOut, code = depbox(t, "scan", "--format", "json", fixture(t))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	p, err := profile.Read(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if p.Dependency("node_modules/evil") == nil || p.Incomplete {
		t.Errorf("unexpected profile: %+v", p)
	}
}

func TestScanExitCodes(t *testing.T) {
	sandboxtest.Require(t)
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "package.json"), []byte(`{"name":`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"missing path", []string{"scan", filepath.Join(bad, "nope")}, 2, "no such file"},
		{"malformed package.json", []string{"scan", bad}, 2, "package.json"},
		{"bad format", []string{"scan", "--format", "xml", fixture(t)}, 2, "--format"},
		{"no args", []string{"scan"}, 2, "accepts 1 arg"},
		{"unknown flag", []string{"scan", "--nope", fixture(t)}, 2, "unknown flag"},
		{"broken runsc", []string{"--runsc", "/bin/false", "scan", fixture(t)}, 3, "sandbox"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := depbox(t, tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, errOut, tc.code, tc.msg)
			}
		})
	}
}

// TestScanInterrupt: Ctrl-C during a scan ends it with exit 3 and leaves no
// sandbox process, runsc state or work directory behind.
func TestScanInterrupt(t *testing.T) {
	sandboxtest.Require(t)
	dir := t.TempDir()
	files := map[string]string{
		"package.json":                   `{"name":"slow","version":"1.0.0"}`,
		"index.js":                       `exports.handler = async () => 1;`,
		"node_modules/slow/package.json": `{"name":"slow","version":"1.0.0"}`,
		"node_modules/slow/index.js":     `for (;;) {}`,
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir()
	self, runsc := sandboxtest.Binaries(t)
	cmd := exec.Command(self, "--runsc", runsc, "--cache-dir", sandboxtest.CacheDir(t), "scan", "--work-dir", tmp, dir)
	var e bytes.Buffer
	cmd.Stderr = &e
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the sandbox runs the spinning import, then interrupt.
	deadline := time.Now().Add(30 * time.Second)
	for !sandboxRunning(tmp) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("the sandbox never started: %s", e.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 3 {
			t.Errorf("interrupted scan: %v, want exit 3; stderr %s", err, e.String())
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the scan did not stop within 30s of SIGINT")
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "depbox-*")); len(left) > 0 {
		t.Errorf("work directories left behind: %v", left)
	}
	if sandboxRunning(tmp) {
		t.Error("sandbox processes still running after the interrupted scan")
	}
}

// sandboxRunning reports whether a runsc process works under dir.
func sandboxRunning(dir string) bool {
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), "runsc") && strings.Contains(string(b), dir) {
			return true
		}
	}
	return false
}

func TestDoctor(t *testing.T) {
	sandboxtest.Require(t)
	out, errOut, code := depbox(t, "doctor")
	if code != 0 || !strings.Contains(out, "depbox is ready.") {
		t.Fatalf("doctor exit %d:\n%s\n%s", code, out, errOut)
	}
	out, _, code = depbox(t, "--runsc", "/nonexistent/runsc", "doctor")
	if code != 3 || !strings.Contains(out, "FAIL runsc") || !strings.Contains(out, "fix:") {
		t.Errorf("doctor with a missing runsc: exit %d\n%s", code, out)
	}
}

// TestScanAdvisories: a dependency named in a MAL- record is a malicious
// verdict in the profile, and a name listed as an indicator in any record is
// an IOC match naming the dependency that contacted it.
func TestScanAdvisories(t *testing.T) {
	sandboxtest.Require(t)
	// The fixture may only contact a reserved name (c2.ioc-test.invalid),
	// which depbox never matches otherwise.
	t.Setenv(advisory.TestReservedEnv, "1")
	root := sandboxtest.ModuleRoot(t)
	db := filepath.Join(root, "internal", "cli", "testdata", "osv-scan")
	out, errOut, code := depbox(t, "scan", "--events", "none", "--format", "json", "--osv-db", db,
		filepath.Join(root, "internal", "cli", "testdata", "bundles", "advisories"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	p, err := profile.Read(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	fs := p.Dependency("node_modules/flatmap-stream")
	if fs == nil || len(fs.Advisories) != 1 || fs.Advisories[0].ID != "MAL-2025-20690" || fs.Advisories[0].Kind != "malicious" || fs.Advisories[0].Severity != "critical" {
		t.Errorf("flatmap-stream advisories: %+v", fs)
	}
	if len(p.IOCMatches) != 1 || p.IOCMatches[0].Dependency != "node_modules/beacon" || p.IOCMatches[0].Indicator != "ioc-test.invalid" || p.IOCMatches[0].Observed != "c2.ioc-test.invalid" {
		t.Errorf("IOC matches: %+v", p.IOCMatches)
	}
	// A configured database that is missing is an input error, never "no findings".
	_, errOut, code = depbox(t, "scan", "--events", "none", "--osv-db", filepath.Join(t.TempDir(), "nope"), filepath.Join(root, "internal", "cli", "testdata", "bundles", "advisories"))
	if code != 2 || !strings.Contains(errOut, "osv") {
		t.Errorf("missing --osv-db: exit %d, %s", code, errOut)
	}
}
