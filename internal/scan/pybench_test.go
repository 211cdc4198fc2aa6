package scan_test

import (
	"context"
	"crypto/rand"
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
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profiler"
)

// benchDists are 40 Debian-packaged distributions (.ci/run installs them):
// pure Python and C extensions that need only what the sandbox has.
var benchDists = []string{
	"Flask", "Jinja2", "Mako", "Markdown", "MarkupSafe", "PyJWT", "PyYAML", "Werkzeug", "arrow", "attrs",
	"blinker", "boto3", "botocore", "cachetools", "certifi", "chardet", "charset_normalizer", "click", "colorama",
	"decorator", "docutils", "idna", "itsdangerous", "jmespath", "jsonschema", "packaging", "pyasn1",
	"pyrsistent", "python_dateutil", "requests", "requests_toolbelt", "rsa", "s3transfer", "simplejson", "six",
	"tabulate", "tenacity", "urllib3", "websocket_client", "wrapt",
}

// debianSiteBundle copies the named distributions of Debian's
// dist-packages (metadata and the top-level modules top_level.txt names)
// into a pip -t style bundle.
func debianSiteBundle(tb testing.TB, names []string) string {
	tb.Helper()
	const site = "/usr/lib/python3/dist-packages"
	dir := tb.TempDir()
	for _, n := range names {
		infos, _ := filepath.Glob(filepath.Join(site, n+"-[0-9]*-info"))
		if len(infos) == 0 {
			tb.Skipf("Debian's package for %s is not installed (.ci/run installs it)", n)
		}
		srcs := []string{infos[0]}
		top, err := os.ReadFile(filepath.Join(infos[0], "top_level.txt"))
		if err != nil {
			top = []byte(strings.ToLower(n)) // no top_level.txt: the module is named like the distribution
		}
		for _, m := range strings.Fields(string(top)) {
			m = strings.SplitN(m, "/", 2)[0]
			matches, _ := filepath.Glob(filepath.Join(site, m))
			more, _ := filepath.Glob(filepath.Join(site, m+".*"))
			srcs = append(srcs, append(matches, more...)...)
		}
		for _, src := range srcs {
			if out, err := exec.Command("cp", "-rn", src, dir).CombinedOutput(); err != nil {
				tb.Fatalf("copying %s: %v %s", src, err, out)
			}
		}
	}
	// Debian links web assets to other packages' files; a bundle must be
	// self-contained.
	if out, err := exec.Command("find", dir, "-type", "l", "-delete").CombinedOutput(); err != nil {
		tb.Fatalf("removing links: %v %s", err, out)
	}
	return dir
}

// BenchmarkPythonScan measures, in one run, the import phase of a bundle of
// 40 real Debian-packaged distributions:
//   - native: the same per-distribution plan (levels, parallelism, one
//     python3 -S process per distribution importing its modules) run by the
//     same runner on the host in an empty network namespace, no hook;
//   - sandbox: a depbox scan without the hook (target ≤ 1.5× native, the
//     budget of Node's import phase);
//   - hooked: a depbox scan with the PEP 578 hook, batched imports
//     (pybatch.py), and the same with one process per distribution
//     (IsolateImports, --batch-imports=false): the before and after of
//     batching, in the same run.
func BenchmarkPythonScan(b *testing.B) {
	sandboxtest.Require(b)
	self, runsc := sandboxtest.Binaries(b)
	dir := debianSiteBundle(b, benchDists)
	c, err := canary.New(rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	o := scan.Options{Path: dir, CacheDir: sandboxtest.CacheDir(b), Runsc: runsc, Self: self,
		Node: sandboxtest.Node(b), Version: "bench", Canaries: c}
	bare := o
	bare.NoHook = true
	if _, _, err := scan.Scan(context.Background(), bare); err != nil { // warm the rootfs and page caches
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		native := runNativePython(b, dir, bare)
		sandboxed, st, n := timeScan(b, bare)
		hooked, hst, _ := timeScan(b, o)
		alone := o
		alone.IsolateImports = true
		single, _, _ := timeScan(b, alone)
		b.ReportMetric(float64(n), "distributions")
		b.ReportMetric(native.Seconds(), "native-s")
		b.ReportMetric(sandboxed.Seconds(), "scan-s")
		b.ReportMetric(hooked.Seconds(), "hooked-s")
		b.ReportMetric(sandboxed.Seconds()/native.Seconds(), "scan/native")
		b.ReportMetric(hooked.Seconds()/native.Seconds(), "hooked/native")
		b.ReportMetric(single.Seconds()/native.Seconds(), "hooked-alone/native")
		b.ReportMetric(float64(hst.Isolated+hst.Rerun), "imported-alone")
		b.ReportMetric(float64(st.Dropped+hst.Dropped), "drops")
		fmt.Printf("Python import of %d distributions: native %.2fs; depbox scan %.2fs (%.2f× native, target ≤ 1.5); with the hook %.2fs (%.2f× native, %.2f× without)\n",
			n, native.Seconds(), sandboxed.Seconds(), sandboxed.Seconds()/native.Seconds(), hooked.Seconds(), hooked.Seconds()/native.Seconds(), hooked.Seconds()/sandboxed.Seconds())
		fmt.Printf("with the hook, one process per distribution (--batch-imports=false): %.2fs (%.2f× native); batched: %d distributions imported alone by the runner, %d again after the profiler's checks\n",
			single.Seconds(), single.Seconds()/native.Seconds(), hst.Isolated, hst.Rerun)
		fmt.Printf("events: %d without the hook, %d with it; dropped %d and %d (target 0)\n", st.Events, hst.Events, st.Dropped, hst.Dropped)
	}
}

// runNativePython runs the per-distribution import plan with depbox's
// runner on the host in an empty network namespace, each process importing
// the distribution's modules from the bundle where it lies.
func runNativePython(b *testing.B, dir string, o scan.Options) time.Duration {
	b.Helper()
	work := b.TempDir()
	if err := os.Mkdir(filepath.Join(work, "inv"), 0o755); err != nil {
		b.Fatal(err)
	}
	inv, err := bundle.Open(dir, filepath.Join(work, "inv"), bundle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	pl := &plan.Plan{Version: plan.Version, Node: scan.DefaultPython, Jobs: 2, StepTimeoutMS: 30000, LingerMS: 200,
		Env: []string{"PATH=/usr/bin:/bin", "HOME=" + work}}
	if o.Jobs > 0 {
		pl.Jobs = o.Jobs
	}
	code := "import sys, time; sys.path.insert(0, %q)\nfor m in sys.argv[4].split(','):\n    try: __import__(m)\n    except Exception: pass\ntime.sleep(0.2)\n"
	ref := []plan.Step{{Phase: "import", Dependency: profiler.Reference, Dir: dir, Args: []string{"-S", "-B", "-c", fmt.Sprintf(code, dir), profiler.Marker, "import", profiler.Reference, ""}}}
	pl.Levels = append(pl.Levels, ref)
	for _, level := range inv.Levels() {
		var steps []plan.Step
		for _, d := range level {
			steps = append(steps, plan.Step{Phase: "import", Dependency: d.Path, Dir: dir,
				Args: []string{"-S", "-B", "-c", fmt.Sprintf(code, dir), profiler.Marker, "import", d.Path, strings.Join(d.Modules, ",")}})
		}
		pl.Levels = append(pl.Levels, steps)
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
