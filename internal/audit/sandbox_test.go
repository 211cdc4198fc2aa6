package audit_test

import (
	"context"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/audit"
	"github.com/depbox/depbox/internal/audit/audittest"
	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// auditor runs audits in the real sandbox, counting scans, with a cache of
// its own.
func auditor(t *testing.T) (*audit.Auditor, *atomic.Int32) {
	t.Helper()
	sandboxtest.Require(t)
	if _, err := exec.LookPath("npm"); err != nil {
		t.Fatal("npm is not on $PATH: audits unpack packages with npm (install Node.js with npm 11.10 or newer)")
	}
	self, runsc := sandboxtest.Binaries(t)
	var scans atomic.Int32
	return &audit.Auditor{
		Source: &audit.NPM{},
		Scan: func(ctx context.Context, o scan.Options) (*profile.Profile, *scan.Stats, error) {
			scans.Add(1)
			return scan.Scan(ctx, o)
		},
		Options: scan.Options{
			CacheDir: sandboxtest.CacheDir(t), Runsc: runsc, Self: self, Node: sandboxtest.Node(t),
			Version: "test", StepTimeout: 20 * time.Second, RunTimeout: 3 * time.Minute, InstallPhase: true,
		},
		Cache: &audit.Cache{Dir: t.TempDir()},
	}, &scans
}

func phase(t *testing.T, r *audit.Result, p string) *profile.Behavior {
	t.Helper()
	d := r.Dependency()
	if d == nil {
		t.Fatalf("%s: the profile has no %s", r.Label(), r.Path)
	}
	b := d.Phases[p]
	if b == nil {
		t.Fatalf("%s: no %s phase in %v", r.Label(), p, keys(d.Phases))
	}
	return b
}

func keys(m map[string]*profile.Behavior) []string {
	var k []string
	for p := range m {
		k = append(k, p)
	}
	slices.Sort(k)
	return k
}

func hasFile(b *profile.Behavior, path string) bool {
	return slices.ContainsFunc(b.Files, func(f profile.File) bool { return f.Path == path && f.Access == profile.AccessRead })
}

func hasPeer(b *profile.Behavior, addr string, port int) bool {
	return slices.ContainsFunc(b.Network, func(n profile.Endpoint) bool {
		return (n.Address == addr || n.Host == addr) && n.Port == port
	})
}

// TestAuditFixtures audits four fixture tarballs, built here, in the real
// sandbox as one batch, and checks that each misbehaviour shows in the
// right package and phase with its evidence: a postinstall stealing the
// bait credentials to a *.invalid host, an install script starting
// `sh -c`, an export that misbehaves only when called, and a payload that
// waits ten minutes (brought forward). A second audit of the same tarball
// comes from the cache; --no-cache runs it again.
func TestAuditFixtures(t *testing.T) {
	a, scans := auditor(t)
	dir := t.TempDir()
	var jobs []audit.Job
	for _, p := range []audittest.Package{audittest.Stealer, audittest.Spawner, audittest.Lazy, audittest.Sleeper} {
		jobs = append(jobs, audit.Job{Spec: audit.Spec{Tarball: audittest.Tarball(t, dir, p)}})
	}
	t0 := time.Now()
	results := map[string]*audit.Result{}
	b := &audit.Batch{Auditor: a, Jobs: 2}
	err := b.Run(context.Background(), jobs, func(o *audit.Outcome) error {
		if o.Err != nil {
			t.Errorf("%s: %v", o.Job.Spec, o.Err)
			return nil
		}
		if o.Result.Profile.Incomplete {
			t.Errorf("%s: incomplete: %+v", o.Result.Label(), o.Result.Profile.Problems)
		}
		t.Logf("%s: %s", o.Result.Label(), o.Duration.Round(time.Millisecond))
		results[o.Result.Name] = o.Result
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("batch of %d fixtures, 2 at a time: %s", len(jobs), time.Since(t0).Round(time.Millisecond))
	if len(results) != len(jobs) {
		t.Fatalf("%d of %d audits succeeded", len(results), len(jobs))
	}

	t.Run("postinstall steals bait files", func(t *testing.T) {
		r := results[audittest.Stealer.Name]
		if want := "sha512-"; !strings.HasPrefix(r.Integrity, want) || r.Dependency().Integrity != r.Integrity {
			t.Errorf("integrity %q, profile %q: want the tarball's sha512 in both", r.Integrity, r.Dependency().Integrity)
		}
		if !slices.Equal(r.Dependency().InstallScripts, []string{"postinstall"}) {
			t.Errorf("install scripts %v", r.Dependency().InstallScripts)
		}
		inst := phase(t, r, profile.PhaseInstall)
		for _, f := range []string{"/home/sbx_user/.aws/credentials", "/home/sbx_user/.npmrc"} {
			if !hasFile(inst, f) {
				t.Errorf("install phase: no read of %s in %+v", f, inst.Files)
			}
		}
		if !hasPeer(inst, "collect.stealer.invalid", 80) {
			t.Errorf("install phase: no connection to collect.stealer.invalid:80 in %+v", inst.Network)
		}
		for _, c := range []string{"AWS_SECRET_ACCESS_KEY", "NPM_TOKEN"} {
			if !slices.ContainsFunc(inst.Exfiltration, func(e profile.Exfil) bool {
				return e.Canary == c && e.Channel == "network" && strings.HasPrefix(e.Destination, "collect.stealer.invalid")
			}) {
				t.Errorf("install phase: %s not seen leaving to collect.stealer.invalid: %+v", c, inst.Exfiltration)
			}
		}
		if imp := phase(t, r, profile.PhaseImport); len(imp.Exfiltration)+len(imp.Network) > 0 {
			t.Errorf("the stealing happens at install, yet the import phase has %+v", imp)
		}
	})

	t.Run("install spawns sh -c", func(t *testing.T) {
		inst := phase(t, results[audittest.Spawner.Name], profile.PhaseInstall)
		if !slices.ContainsFunc(inst.Processes, func(p profile.Process) bool {
			return slices.Equal(p.Argv, []string{"sh", "-c", "id; uname -s"})
		}) {
			t.Errorf("install phase: no `sh -c \"id; uname -s\"` among %+v", inst.Processes)
		}
		for _, prog := range []string{"id", "uname"} {
			if !slices.ContainsFunc(inst.Processes, func(p profile.Process) bool { return len(p.Argv) > 0 && p.Argv[0] == prog }) {
				t.Errorf("install phase: the shell's %s is not among %+v", prog, inst.Processes)
			}
		}
	})

	t.Run("export misbehaves only when called", func(t *testing.T) {
		r := results[audittest.Lazy.Name]
		imp := phase(t, r, profile.PhaseImport)
		if hasFile(imp, "/home/sbx_user/.ssh/id_rsa") || hasPeer(imp, "198.51.100.23", 443) {
			t.Errorf("the import phase shows what only a call does: %+v", imp)
		}
		ex := phase(t, r, profile.PhaseExecute)
		if ex.Outcome == nil || ex.Outcome.Status != "ok" {
			t.Fatalf("execute phase outcome %+v, want ok (files %+v)", ex.Outcome, ex.Files)
		}
		if !hasFile(ex, "/home/sbx_user/.ssh/id_rsa") {
			t.Errorf("execute phase: no read of ~/.ssh/id_rsa in %+v", ex.Files)
		}
		if !hasPeer(ex, "198.51.100.23", 443) {
			t.Errorf("execute phase: no connection to 198.51.100.23:443 in %+v", ex.Network)
		}
	})

	t.Run("payload waits ten minutes", func(t *testing.T) {
		imp := phase(t, results[audittest.Sleeper.Name], profile.PhaseImport)
		if !slices.ContainsFunc(imp.Timers, func(tm profile.Timer) bool {
			return tm.DelayMS == 600000 && tm.BroughtForward && tm.Unfired == 0 && len(tm.Did) > 0
		}) {
			t.Errorf("import phase: no 10-minute timer brought forward that fired and acted in %+v", imp.Timers)
		}
		if !hasFile(imp, "/home/sbx_user/.aws/credentials") || !hasPeer(imp, "203.0.113.9", 443) {
			t.Errorf("import phase: the payload did not run within the budget: files %+v network %+v", imp.Files, imp.Network)
		}
	})
	if d := time.Since(t0); d > 5*time.Minute {
		t.Errorf("the fixtures took %s: the ten-minute timer was not brought forward", d)
	}

	// The same tarball again: from the cache, no sandbox.
	before := scans.Load()
	t1 := time.Now()
	r, err := a.Audit(context.Background(), jobs[0].Spec)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Cached || scans.Load() != before {
		t.Errorf("second audit of %s: cached %v, %d new scans; want a cache hit", r.Label(), r.Cached, scans.Load()-before)
	}
	t.Logf("cached audit: %s", time.Since(t1).Round(time.Millisecond))
	a.NoCache = true
	if r, err = a.Audit(context.Background(), jobs[0].Spec); err != nil || r.Cached || scans.Load() != before+1 {
		t.Errorf("--no-cache: cached %v, err %v; want a new scan", r != nil && r.Cached, err)
	}
}

// TestAuditAgainst compares two releases of a package: the new one adds a
// time bomb at import, and the diff says so per phase.
func TestAuditAgainst(t *testing.T) {
	a, _ := auditor(t)
	dir := t.TempDir()
	oldTgz := audittest.Tarball(t, dir, audittest.SleeperOld)
	newTgz := audittest.Tarball(t, dir, audittest.Sleeper)
	r, err := a.Compare(context.Background(), audit.Spec{Tarball: newTgz}, oldTgz)
	if err != nil {
		t.Fatal(err)
	}
	if r.Version != "1.1.0" || r.Against == nil || r.Against.Version != "1.0.0" {
		t.Fatalf("compared %s with %v", r.Label(), r.Against)
	}
	added := r.Changes.AddedItems(audittest.Sleeper.Name, "node_modules/"+audittest.Sleeper.Name, profile.PhaseImport)
	for _, want := range []baseline.Item{
		{Kind: baseline.KindFileRead, Value: "/home/sbx_user/.aws/credentials"},
		{Kind: baseline.KindNetwork, Value: "connect tcp 203.0.113.9:443"},
	} {
		if !slices.Contains(added, want) {
			t.Errorf("the diff does not add %s at import: %+v", want, added)
		}
	}
	// The execute phase loads the package too, and waits for its
	// brought-forward timers: the timer may show there as well.
	atImport := slices.IndexFunc(r.Timers, func(tc audit.TimerChange) bool {
		return tc.Phase == profile.PhaseImport && len(tc.Added) == 1 && tc.Added[0].DelayMS == 600000
	})
	for _, tc := range r.Timers {
		if tc.Phase != profile.PhaseImport && tc.Phase != profile.PhaseExecute || len(tc.Removed) > 0 {
			t.Errorf("unexpected timer change %+v", tc)
		}
	}
	if atImport < 0 {
		t.Errorf("timer changes %+v, want the 10-minute timer added at import", r.Timers)
	}
	var text strings.Builder
	if err := r.Changes.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "version 1.0.0 → 1.1.0") || !strings.Contains(text.String(), "+ file-read /home/sbx_user/.aws/credentials") {
		t.Errorf("diff text:\n%s", text.String())
	}
}

// TestAuditRegistryPackage audits a real, well-known, benign package with an
// install script from the npm registry: esbuild, whose postinstall checks
// its platform binary by running it. Fetching stays inert (the binary runs
// in the sandbox, in the install phase); npm checked the tarballs against
// the registry and depbox the audited one against the lockfile.
func TestAuditRegistryPackage(t *testing.T) {
	a, _ := auditor(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "npm", "ping").CombinedOutput(); err != nil {
		t.Skipf("the npm registry is not reachable (npm ping: %v: %s): skipping the audit of a real registry package", err, strings.TrimSpace(string(out)))
	}
	t0 := time.Now()
	r, err := a.Audit(context.Background(), audit.Spec{Name: "esbuild", Version: "0.24.2"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("audit of %s: %s", r.Label(), time.Since(t0).Round(time.Millisecond))
	if r.Profile.Incomplete {
		t.Fatalf("incomplete: %+v", r.Profile.Problems)
	}
	const integrity = "sha512-+9egpBW8I3CD5XPe0n6BfT5fxLzxrlDzqydF3aviG+9ni1lDC/OvMHcxqEFV0+LANZG5R1bFMWfUrjVsdwxJvA=="
	if r.Integrity != integrity || r.Dependency().Integrity != integrity {
		t.Errorf("integrity %s (profile %s), want the registry's %s", r.Integrity, r.Dependency().Integrity, integrity)
	}
	if !slices.Equal(r.Dependency().InstallScripts, []string{"postinstall"}) {
		t.Errorf("install scripts %v", r.Dependency().InstallScripts)
	}
	inst := phase(t, r, profile.PhaseInstall)
	if inst.Outcome == nil || inst.Outcome.Status != "ok" {
		t.Errorf("install phase outcome %+v", inst.Outcome)
	}
	if !slices.ContainsFunc(inst.Processes, func(p profile.Process) bool {
		return len(p.Argv) == 2 && strings.HasSuffix(p.Argv[0], "/esbuild") && p.Argv[1] == "--version"
	}) {
		t.Errorf("install phase: esbuild's postinstall did not run its binary with --version: %+v", inst.Processes)
	}
	if len(inst.Exfiltration)+len(inst.Network) > 0 {
		t.Errorf("a benign install script contacted the network: %+v %+v", inst.Network, inst.Exfiltration)
	}
	if p := r.Profile.Dependency("node_modules/@esbuild/linux-" + strings.Replace(runtime.GOARCH, "amd64", "x64", 1)); p == nil {
		t.Errorf("the platform package is not in the profile: %+v", r.Profile.Dependencies)
	}
}
