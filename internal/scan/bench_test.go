package scan_test

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/event"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
)

// benchBundle installs bench/lambda-100 (234 real npm packages from the
// committed lockfile, with --ignore-scripts: nothing of theirs runs here)
// into a cache directory once, and returns it.
func benchBundle(b *testing.B) string {
	b.Helper()
	src := filepath.Join(sandboxtest.ModuleRoot(b), "bench", "lambda-100")
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256(lock)
	dir := filepath.Join(os.TempDir(), "depbox-bench-"+hex.EncodeToString(sum[:6]))
	if _, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil {
		return dir
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"package.json", "package-lock.json", "index.js"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
	}
	return dir
}

// BenchmarkScan measures, in one run, on the 234-package bundle (import
// phase only):
//   - native: the scan's plan (the same loader, levels and parallelism) run
//     natively by the same runner in an empty network namespace, no hook;
//   - sandbox: a depbox scan without the in-process hook (target ≤ 1.5×
//     native; drops 0);
//   - hooked: a depbox scan with the hook (target ≤ 1.5× the unhooked scan);
//   - re-scan: the hooked scan again with the import cache filled.
func BenchmarkScan(b *testing.B) {
	sandboxtest.Require(b)
	self, runsc := sandboxtest.Binaries(b)
	dir := benchBundle(b)
	c, err := canary.New(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	o := scan.Options{
		Path: dir, CacheDir: sandboxtest.CacheDir(b), Runsc: runsc, Self: self,
		Node: sandboxtest.Node(b), Version: "bench", Canaries: c,
	}
	bare := o
	bare.NoHook = true
	// Warm the rootfs cache and the page cache so no side pays for them.
	if _, _, err := scan.Scan(context.Background(), bare); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		native := runNative(b, dir, bare)
		sandboxed, st, n := timeScan(b, bare)
		hooked, hst, _ := timeScan(b, o)
		// A re-scan with the import cache: what a CI gate pays on a commit
		// that changed no dependency.
		cached := o
		cached.ImportCache = b.TempDir()
		timeScan(b, cached)
		warm, _, _ := timeScan(b, cached)
		b.ReportMetric(warm.Seconds(), "rescan-s")
		b.ReportMetric(float64(n), "packages")
		b.ReportMetric(native.Seconds(), "native-s")
		b.ReportMetric(sandboxed.Seconds(), "scan-s")
		b.ReportMetric(hooked.Seconds(), "hooked-s")
		b.ReportMetric(sandboxed.Seconds()/native.Seconds(), "scan/native")
		b.ReportMetric(hooked.Seconds()/sandboxed.Seconds(), "hook/nohook")
		b.ReportMetric(st.EventsPerSec, "events/s")
		b.ReportMetric(float64(st.Dropped+hst.Dropped), "drops")
		fmt.Printf("import of %d packages: native %.2fs; depbox scan %.2fs (%.2f× native, target ≤ 1.5); with the hook %.2fs (%.2f× without, target ≤ 1.5)\n",
			n, native.Seconds(), sandboxed.Seconds(), sandboxed.Seconds()/native.Seconds(), hooked.Seconds(), hooked.Seconds()/sandboxed.Seconds())
		fmt.Printf("re-scan with the import cache (no dependency changed): %.2fs (%.2f× native)\n", warm.Seconds(), warm.Seconds()/native.Seconds())
		fmt.Printf("events: %d without the hook (%.0f/s), %d with it (%.0f/s); dropped %d and %d (target 0)\n",
			st.Events, st.EventsPerSec, hst.Events, hst.EventsPerSec, st.Dropped, hst.Dropped)
	}
}

func timeScan(b *testing.B, o scan.Options) (time.Duration, *scan.Stats, int) {
	b.Helper()
	start := time.Now()
	p, st, err := scan.Scan(context.Background(), o)
	if err != nil {
		b.Fatal(err)
	}
	d := time.Since(start)
	if p.Incomplete {
		b.Fatalf("benchmark scan incomplete: %+v", p.Problems)
	}
	return d, st, len(p.Dependencies)
}

// runNative runs the scan's plan with depbox's own runner on the host,
// inside a fresh, empty network namespace, on the bundle where it lies (a
// native run stages nothing), and returns its wall time.
func runNative(b *testing.B, dir string, o scan.Options) time.Duration {
	b.Helper()
	work := b.TempDir()
	invDir := filepath.Join(work, "inventory")
	if err := os.Mkdir(invDir, 0o755); err != nil {
		b.Fatal(err)
	}
	inv, err := bundle.Open(dir, invDir, bundle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pl, err := scan.Plan(inv, o, nil)
	if err != nil {
		b.Fatal(err)
	}
	pl.Node = o.Node
	pl.UID, pl.GID, pl.Home, pl.HomeFiles, pl.FakeNet = 0, 0, "", nil, false
	for _, level := range pl.Levels {
		for i := range level {
			level[i].Dir = strings.Replace(level[i].Dir, plan.TaskRoot, dir, 1)
		}
	}
	planPath := filepath.Join(work, "plan.json")
	if err := plan.WriteFile(planPath, pl); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(o.Self, "sandbox-init", "--plan", planPath, "--results", filepath.Join(work, "results.json"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("native run: %v\n%s", err, out)
	}
	return time.Since(start)
}

// BenchmarkInvoke measures, in one run, the per-invocation cost of the
// bench bundle's handler: in the sandbox with the hook (depbox scan's
// invoke phase) and natively (the same harness, no hook, in an empty
// network namespace). Per-invocation = (time with 2000 events − time with
// 1) / 1999, each the faster of two runs, so that module loading and
// start-up cancel out.
func BenchmarkInvoke(b *testing.B) {
	sandboxtest.Require(b)
	self, runsc := sandboxtest.Binaries(b)
	dir := benchBundle(b)
	defaults, err := event.Generate(event.Options{Seed: 1, Variants: []string{"default"}})
	if err != nil {
		b.Fatal(err)
	}
	var all []event.Event
	for len(all) < 2000 {
		all = append(all, defaults...)
	}
	all = all[:2000]
	c, err := canary.New(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	o := scan.Options{
		Path: dir, CacheDir: sandboxtest.CacheDir(b), Runsc: runsc, Self: self,
		Node: sandboxtest.Node(b), Version: "bench", Canaries: c,
	}
	sandboxed := func(evs []event.Event) time.Duration {
		o.Events = evs
		p, st, err := scan.Scan(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		if p.Incomplete {
			b.Fatalf("incomplete: %+v", p.Problems)
		}
		return st.InvokeTime
	}
	faster := func(f func([]event.Event) time.Duration, evs []event.Event) time.Duration {
		return min(f(evs), f(evs))
	}
	native := func(evs []event.Event) time.Duration { return nativeInvoke(b, dir, evs) }
	for i := 0; i < b.N; i++ {
		n1, nN := faster(native, all[:1]), faster(native, all)
		s1, sN := faster(sandboxed, all[:1]), faster(sandboxed, all)
		nat := (nN - n1) / time.Duration(len(all)-1)
		sandbox := (sN - s1) / time.Duration(len(all)-1)
		b.ReportMetric(float64(nat.Microseconds())/1000, "native-ms/inv")
		b.ReportMetric(float64(sandbox.Microseconds())/1000, "depbox-ms/inv")
		b.ReportMetric(sandbox.Seconds()/nat.Seconds(), "ratio")
		fmt.Printf("per invocation of the bench handler: native %.2f ms, depbox (gVisor + hook) %.2f ms (%.2f×); whole phase with 2000 events: native %.2fs, depbox %.2fs\n",
			float64(nat.Microseconds())/1000, float64(sandbox.Microseconds())/1000, sandbox.Seconds()/nat.Seconds(), nN.Seconds(), sN.Seconds())
	}
}

// nativeInvoke runs depbox's invoke harness natively (without the hook) on
// the bench bundle in an empty network namespace and returns its wall time.
func nativeInvoke(b *testing.B, dir string, evs []event.Event) time.Duration {
	b.Helper()
	work := b.TempDir()
	if err := os.WriteFile(filepath.Join(work, "invoke.js"), hook.Files()["invoke.js"], 0o644); err != nil {
		b.Fatal(err)
	}
	var list []hook.Event
	for _, e := range evs {
		list = append(list, hook.Event{Name: e.Name, Payload: e.Payload})
	}
	eb, _ := json.Marshal(list)
	if err := os.WriteFile(filepath.Join(work, "events.json"), eb, 0o644); err != nil {
		b.Fatal(err)
	}
	cb, _ := json.Marshal(hook.InvokeConfig{Handler: "index.handler", TaskRoot: dir, Events: filepath.Join(work, "events.json"), TimeoutMS: 3000, LingerMS: 100})
	cfg := filepath.Join(work, "invoke-config.json")
	if err := os.WriteFile(cfg, cb, 0o644); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	cmd := exec.Command(sandboxtest.Node(b), filepath.Join(work, "invoke.js"), "depbox:run", "invoke", "(function)", cfg)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("native invoke: %v\n%s", err, out)
	}
	return time.Since(start)
}
