package scan_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/bundle"
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

// BenchmarkScan compares, in one run, a full depbox scan of the 234-package
// bundle with the same plan (the same loader, levels and parallelism) run
// natively by the same runner in an empty network namespace. Target: ratio
// ≤ 1.5, drops 0.
func BenchmarkScan(b *testing.B) {
	sandboxtest.Require(b)
	self, runsc := sandboxtest.Binaries(b)
	dir := benchBundle(b)
	o := scan.Options{
		Path: dir, CacheDir: sandboxtest.CacheDir(b), Runsc: runsc, Self: self,
		Node: sandboxtest.Node(b), Version: "bench",
	}
	// Warm the rootfs cache and the page cache so neither side pays for them.
	if _, _, err := scan.Scan(context.Background(), o); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		native := runNative(b, dir, o)

		start := time.Now()
		p, st, err := scan.Scan(context.Background(), o)
		if err != nil {
			b.Fatal(err)
		}
		sandboxed := time.Since(start)
		if p.Incomplete {
			b.Fatalf("benchmark scan incomplete: %+v", p.Problems)
		}
		b.ReportMetric(float64(len(p.Dependencies)), "packages")
		b.ReportMetric(native.Seconds(), "native-s")
		b.ReportMetric(sandboxed.Seconds(), "scan-s")
		b.ReportMetric(sandboxed.Seconds()/native.Seconds(), "ratio")
		b.ReportMetric(st.EventsPerSec, "events/s")
		b.ReportMetric(float64(st.Events), "events")
		b.ReportMetric(float64(st.Dropped), "drops")
		fmt.Printf("scan of %d packages: %.2fs in gVisor vs %.2fs native (ratio %.2f; target ≤ 1.5); %d events, %.0f events/s, %d dropped (target 0)\n",
			len(p.Dependencies), sandboxed.Seconds(), native.Seconds(), sandboxed.Seconds()/native.Seconds(), st.Events, st.EventsPerSec, st.Dropped)
	}
}

// runNative runs the scan's plan with depbox's own runner on the host,
// inside a fresh, empty network namespace, and returns the wall time of
// staging plus running (what a scan does besides the sandbox).
func runNative(b *testing.B, dir string, o scan.Options) time.Duration {
	b.Helper()
	start := time.Now()
	work := b.TempDir()
	task := filepath.Join(work, "task")
	if err := os.Mkdir(task, 0o755); err != nil {
		b.Fatal(err)
	}
	bun, err := bundle.Open(dir, task, bundle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pl := scan.Plan(bun, o)
	pl.Node = o.Node
	for _, level := range pl.Levels {
		for i := range level {
			level[i].Dir = strings.Replace(level[i].Dir, plan.TaskRoot, bun.Root, 1)
		}
	}
	planPath := filepath.Join(work, "plan.json")
	if err := plan.WriteFile(planPath, pl); err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(o.Self, "sandbox-init", "--plan", planPath, "--results", filepath.Join(work, "results.json"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNET}
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("native run: %v\n%s", err, out)
	}
	return time.Since(start)
}
