package audit_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/audit/audittest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// requirePip skips (in CI: fails) when the sandbox's Python has no pip.
func requirePip(t *testing.T) {
	t.Helper()
	if out, err := exec.Command(scan.DefaultPython, "-m", "pip", "--version").CombinedOutput(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pypi: audits need pip for %s (apt-get install python3-pip): %v %s", scan.DefaultPython, err, out)
		}
		t.Skipf("no pip for %s (apt-get install python3-pip): %v", scan.DefaultPython, err)
	}
}

// pypiSource downloads from ix only, ignoring this machine's pip
// configuration and cache.
func pypiSource(ix *audittest.Index) *audit.PyPI {
	return &audit.PyPI{IndexURL: ix.URL, Env: []string{"PIP_CONFIG_FILE=/dev/null", "PIP_NO_CACHE_DIR=1"}}
}

// TestAuditPyPI audits a Python distribution from a PEP 503 index the test
// serves on loopback, in the real sandbox: pip resolves and downloads the
// wheel and its dependency's (hashes checked), and the profile shows the
// stealer's bait read and connection in its import phase and its .pth
// payload in the startup phase, its dependency clean. The same bytes as a
// local wheel share the cached result.
func TestAuditPyPI(t *testing.T) {
	requirePip(t)
	a, scans := auditor(t)
	ix := audittest.NewIndex(t, audittest.PyHelper, audittest.PyStealer)
	a.PyPI = pypiSource(ix)
	spec, err := audit.ParseSpec("pypi:py-stealer@1.0")
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Audit(context.Background(), spec)
	if err != nil {
		t.Fatal(err)
	}
	if r.Profile.Incomplete {
		t.Fatalf("incomplete: %+v", r.Profile.Problems)
	}
	if r.Name != "Py.Stealer" || r.Version != "1.0" || r.Path != audittest.PyStealer.DistInfo() || !strings.HasPrefix(r.Integrity, "sha512-") {
		t.Errorf("result %s %s at %s, integrity %s", r.Name, r.Version, r.Path, r.Integrity)
	}
	if r.Profile.Bundle.Name != "Py.Stealer@1.0" || r.Label() != "pypi:Py.Stealer@1.0" {
		t.Errorf("bundle %q, label %q", r.Profile.Bundle.Name, r.Label())
	}
	imp := phase(t, r, profile.PhaseImport)
	if !hasFile(imp, "/home/sbx_user/.aws/credentials") || !hasPeer(imp, "198.51.100.23", 443) {
		t.Errorf("import phase: no bait read or connection: files %+v network %+v", imp.Files, imp.Network)
	}
	if st := phase(t, r, profile.PhaseStartup); !hasPeer(st, "192.0.2.44", 443) || !slices.Contains(st.Env, "AWS_SECRET_ACCESS_KEY") {
		t.Errorf("startup phase: the .pth payload's read and connection are missing: %+v", st)
	}
	helper := r.Profile.Dependency(audittest.PyHelper.DistInfo())
	if helper == nil {
		t.Fatalf("the dependency %s is not in the profile: %+v", audittest.PyHelper.DistInfo(), r.Profile.Dependencies)
	}
	if b := helper.Phases[profile.PhaseImport]; b == nil || !b.Empty() {
		t.Errorf("py-helper should do nothing of its own: %+v", b)
	}
	served := ix.Served()
	for _, want := range []string{"/simple/py-stealer/", "/simple/py-helper/", "/files/" + audittest.PyStealer.FileName(), "/files/" + audittest.PyHelper.FileName()} {
		if !slices.Contains(served, want) {
			t.Errorf("the index never served %s: %v", want, served)
		}
	}
	if n := scans.Load(); n != 1 {
		t.Fatalf("%d sandbox runs, want 1", n)
	}
	// A local wheel of the same bytes: the same result, from the cache.
	file := audittest.WriteWheel(t, t.TempDir(), audittest.PyStealer)
	ws, err := audit.ParseSpec(file)
	if err != nil {
		t.Fatal(err)
	}
	lr, err := a.Audit(context.Background(), ws)
	if err != nil {
		t.Fatal(err)
	}
	if !lr.Cached || lr.Integrity != r.Integrity || lr.Path != r.Path || scans.Load() != 1 {
		t.Errorf("local wheel: cached %v, integrity %s (want %s), path %s, %d sandbox runs", lr.Cached, lr.Integrity, r.Integrity, lr.Path, scans.Load())
	}
	// --against an earlier, harmless release: the stealer's behaviour is
	// what 1.0 adds (its install path carries the version, so the diff
	// lists 0.9 as removed and 1.0 as added).
	old := audittest.Wheel{Name: "Py.Stealer", Version: "0.9", Files: map[string]string{"py_stealer/__init__.py": "VERSION = '0.9'\n"}}
	ix.Add(t, old)
	cr, err := a.Compare(context.Background(), spec, "0.9")
	if err != nil {
		t.Fatal(err)
	}
	if cr.Against == nil || cr.Against.Version != "0.9" || cr.Against.Path != old.DistInfo() {
		t.Fatalf("compared with %+v", cr.Against)
	}
	added := cr.Changes.AddedItems(cr.Dependency().Name, cr.Path, profile.PhaseImport)
	if !slices.ContainsFunc(added, func(it baseline.Item) bool { return strings.Contains(it.Value, "198.51.100.23") }) {
		t.Errorf("the diff does not add the connection at import: %+v", cr.Changes)
	}
	if scans.Load() != 2 {
		t.Errorf("%d sandbox runs, want 2 (1.0 from the cache)", scans.Load())
	}
}

// TestPyPIResolveFailsClosed checks, with pip against a loopback index and
// no sandbox (nothing of the package runs on the host: pip only downloads
// wheels), that a file whose bytes do not match the sha256 the index lists
// is an integrity failure, that a distribution with no wheel, or no such
// version, is the input's fault, and that the files are hashed.
func TestPyPIResolveFailsClosed(t *testing.T) {
	requirePip(t)
	ix := audittest.NewIndex(t, audittest.PyHelper, audittest.PyStealer)
	src := pypiSource(ix)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	r, err := src.Resolve(ctx, audit.Spec{Ecosystem: audit.EcosystemPyPI, Name: "py_helper"}, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "py-helper" || r.Version != "2.0" || r.Path != audittest.PyHelper.DistInfo() {
		t.Errorf("resolved %s %s at %s", r.Name, r.Version, r.Path)
	}
	if want, err := audit.Integrity(audittest.WriteWheel(t, t.TempDir(), audittest.PyHelper)); err != nil || r.Integrity != want {
		t.Errorf("integrity %s, want %s (%v)", r.Integrity, want, err)
	}
	for _, tt := range []struct {
		name  string
		spec  audit.Spec
		input bool
	}{
		{"no such version", audit.Spec{Ecosystem: audit.EcosystemPyPI, Name: "py-helper", Version: "9.9"}, true},
		{"no such distribution", audit.Spec{Ecosystem: audit.EcosystemPyPI, Name: "nothing-here", Version: "1.0"}, true},
	} {
		_, err := src.Resolve(ctx, tt.spec, t.TempDir())
		t.Logf("%s: %v", tt.name, err)
		if err == nil || audit.IsInput(err) != tt.input {
			t.Errorf("%s: %v (input error: %v, want %v)", tt.name, err, audit.IsInput(err), tt.input)
		}
	}
	// The dependency's bytes change; the index still lists the old hash.
	bad := audittest.PyHelper
	bad.Files = map[string]string{"py_helper/__init__.py": "# TEST FIXTURE: tampered; never run.\nraise SystemExit(1)\n"}
	ix.Tamper(audittest.PyHelper, bad.Bytes(t))
	_, err = src.Resolve(ctx, audit.Spec{Ecosystem: audit.EcosystemPyPI, Name: "py-stealer", Version: "1.0"}, t.TempDir())
	t.Logf("tampered: %v", err)
	if !errors.Is(err, audit.ErrIntegrity) || audit.IsInput(err) {
		t.Errorf("a tampered wheel: %v, want an integrity failure", err)
	}
}
