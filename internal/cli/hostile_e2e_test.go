package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox"
)

const hostileTestdata = "testdata/hostile"

// hostileDepbox builds depbox once per test and runs it the way a user
// would, returning the process id with the outcome so that the teardown
// of that very process can be checked.
type hostileDepbox struct {
	t          *testing.T
	bin, runsc string
	cache      string
}

func newHostileDepbox(t *testing.T) *hostileDepbox {
	t.Helper()
	sandboxtest.Require(t)
	_, runsc := sandboxtest.Binaries(t)
	bin := filepath.Join(t.TempDir(), "depbox")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/depbox")
	build.Dir = sandboxtest.ModuleRoot(t)
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building depbox: %v\n%s", err, out)
	}
	return &hostileDepbox{t: t, bin: bin, runsc: runsc, cache: sandboxtest.CacheDir(t)}
}

type hostileRun struct {
	code           int
	stdout, stderr string
	pid            int
}

// start starts depbox in dir (the test's cwd when empty).
func (h *hostileDepbox) start(ctx context.Context, dir string, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	full := append([]string{"--cache-dir", h.cache, "--runsc", h.runsc}, args...)
	cmd := exec.CommandContext(ctx, h.bin, full...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		h.t.Fatalf("starting depbox %v: %v", args, err)
	}
	return cmd, &out, &errb
}

func (h *hostileDepbox) run(dir string, args ...string) hostileRun {
	h.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
	defer cancel()
	cmd, out, errb := h.start(ctx, dir, args...)
	err := cmd.Wait()
	r := hostileRun{stdout: out.String(), stderr: errb.String(), pid: cmd.Process.Pid}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		h.t.Fatalf("running depbox %v: %v", args, err)
	}
	h.t.Logf("depbox %s → exit %d", strings.Join(args, " "), r.code)
	return r
}

// assertTornDown checks that the depbox process pid left nothing behind:
// no cgroup of its sandboxes and nothing in its work directory base.
func assertTornDown(t *testing.T, pid int, workBase string) {
	t.Helper()
	ids, err := sandbox.CgroupIDs()
	if err != nil {
		t.Fatalf("listing cgroups: %v", err)
	}
	prefix := fmt.Sprintf("depbox-%d-", pid)
	for id, dirs := range ids {
		if strings.HasPrefix(id, prefix) {
			t.Errorf("depbox (pid %d) left the cgroups of sandbox %s: %v", pid, id, dirs)
		}
	}
	if workBase == "" {
		return
	}
	left, err := os.ReadDir(workBase)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("depbox (pid %d) left %s in its work directory base", pid, e.Name())
	}
}

type gateReport struct {
	Incomplete bool `json:"incomplete"`
	Findings   []struct {
		Rule, Severity, Path, Phase, Message string
		Evidence                             struct {
			Values []string `json:"values"`
		} `json:"evidence"`
	} `json:"findings"`
	Profile struct {
		Problems []struct{ Code, Dependency, Phase, Message string } `json:"problems"`
	} `json:"profile"`
}

// TestHostileDependencies runs one-package bundles whose dependency tries
// to end the analysis early or hide behaviour, in the real sandbox, and
// checks the gate's exit code, the finding that says what happened (rule,
// install path, phase), and that the run left nothing behind. The
// invariant: a phase that did not finish its plan is never a pass.
func TestHostileDependencies(t *testing.T) {
	h := newHostileDepbox(t)
	events := []string{"--events", "s3,sqs", "--event-variants", "default"}
	tests := []struct {
		name, fixture string
		args          []string
		wantCode      int
		rule          string
		path, phase   string
		msg           []string // each must appear in the finding's message
	}{
		{name: "process.exit on the second invocation", fixture: "exit-second", args: events,
			wantCode: ExitAnalysis, rule: "DBX004", path: "node_modules/bad", phase: "invoke", msg: []string{"during invocation 2 of 2", "node_modules/bad ended it"}},
		{name: "SIGKILL of its own process", fixture: "kill-self", args: events,
			wantCode: ExitAnalysis, rule: "DBX004", path: "node_modules/bad", phase: "invoke", msg: []string{"SIGKILL", "node_modules/bad ended it"}},
		{name: "process.abort", fixture: "abort-self", args: events,
			wantCode: ExitAnalysis, rule: "DBX004", path: "node_modules/bad", phase: "invoke", msg: []string{"SIGABRT", "node_modules/bad ended it"}},
		// Out of memory ends differently by how fast memory fills: gVisor
		// kills the process (killed), the harness's watchdog fires first
		// (timeout), or the host kills the whole sandbox (sandbox-killed).
		// Each is incomplete, never a pass.
		{name: "out of memory", fixture: "oom", args: append([]string{"--memory", "536870912"}, events...),
			wantCode: ExitAnalysis, rule: "DBX004", path: "*", phase: "*"},
		{name: "handler throws at load", fixture: "throw-at-load", args: events,
			wantCode: ExitAnalysis, rule: "DBX004", path: ".", phase: "invoke", msg: []string{"could not load the handler", "boom at load"}},
		{name: "infinite loop at load in a package the handler loads", fixture: "loop-at-load",
			args:     append([]string{"--step-timeout", "4s", "--init-timeout", "2s"}, events...),
			wantCode: ExitAnalysis, rule: "DBX004", path: ".", phase: "invoke", msg: []string{"loading the handler", "longer than 2000 ms"}},
		{name: "ten-minute time bomb in a package the handler does not load", fixture: "time-bomb", args: events,
			wantCode: ExitFindings, rule: "DBX018", path: "node_modules/bad", phase: "import", msg: []string{"10m0s", "dns bomb.invalid", "file-write /tmp/bomb-fired"}},
		// Item 9: a write into the read-only bundle that failed is still a
		// finding, marked as an attempt like the import phase's
		// (TestHostileProbesRecorded checks the rest).
		{name: "failed probes and signals", fixture: "probes", args: append([]string{"--threshold", "medium"}, events...),
			wantCode: ExitFindings, rule: "DBX012", path: "node_modules/bad", phase: "invoke", msg: []string{"every open failed", "/var/task/implant.js"}},
		{name: "package posing as the AWS SDK borrows no ignore rule", fixture: "impostor", // args: see below
			wantCode: ExitFindings, rule: "DBX005", path: "node_modules/evil", phase: "import", msg: []string{`claims "@aws-sdk/credential-provider-ini"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "fn")
			copyTree(t, filepath.Join(hostileTestdata, tt.fixture), dir)
			args := tt.args
			if tt.fixture == "impostor" {
				args = append([]string{"--threshold", "medium", "--config", filepath.Join(dir, "depbox.yaml")}, events...)
			}
			work := t.TempDir()
			r := h.run("", append(append([]string{"gate", "--format", "json", "--work-dir", work}, args...), dir)...)
			if r.code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tt.wantCode, r.stderr)
			}
			var rep gateReport
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
				t.Fatalf("gate report: %v\nstdout: %s\nstderr: %s", err, r.stdout, r.stderr)
			}
			found := false
			for _, f := range rep.Findings {
				if f.Rule != tt.rule || tt.path != "*" && f.Path != tt.path || tt.phase != "*" && f.Phase != tt.phase {
					continue
				}
				ok := true
				for _, m := range tt.msg {
					ok = ok && strings.Contains(f.Message, m)
				}
				found = found || ok
			}
			if !found {
				t.Errorf("no %s finding on %s in the %s phase saying %q; findings: %+v", tt.rule, tt.path, tt.phase, tt.msg, rep.Findings)
			}
			if tt.wantCode == ExitAnalysis && !rep.Incomplete {
				t.Errorf("exit 3 but the report is not marked incomplete")
			}
			assertTornDown(t, r.pid, work)
		})
	}
}

// TestHostileProbesRecorded (issue 15 item 9): in the invoke phase, opens
// that failed are marked failed as in the import phase, and signals to the
// runner (pid 1, the function's parent) are recorded with their result,
// as is a listing of depbox's control directory.
func TestHostileProbesRecorded(t *testing.T) {
	h := newHostileDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(hostileTestdata, "probes"), dir)
	work := t.TempDir()
	r := h.run("", "scan", "--work-dir", work, "--events", "s3", "--event-variants", "default", "--format", "json", dir)
	if r.code != ExitOK {
		t.Fatalf("scan: exit %d\n%s", r.code, r.stderr)
	}
	p, err := profile.Read(strings.NewReader(r.stdout))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Dependency("node_modules/bad")
	if d == nil || d.Phases[profile.PhaseInvoke] == nil {
		t.Fatalf("no invoke phase for node_modules/bad: %s", r.stdout)
	}
	b := d.Phases[profile.PhaseInvoke]
	wantFiles := []profile.File{
		{Path: "/depbox", Access: profile.AccessList},
		{Path: "/proc/PID/environ", Access: profile.AccessRead, Failed: true},
		{Path: "/var/task/implant.js", Access: profile.AccessWrite, Failed: true},
	}
	for _, f := range wantFiles {
		if !slices.Contains(b.Files, f) {
			t.Errorf("invoke phase: no %+v in %+v", f, b.Files)
		}
	}
	for _, sg := range []profile.Signal{{Target: "init", Signal: "SIGTERM", Result: "EPERM"}, {Target: "init", Signal: "SIGKILL", Result: "EPERM"}} {
		if !slices.Contains(b.Signals, sg) {
			t.Errorf("invoke phase: no signal %+v in %+v", sg, b.Signals)
		}
	}
	assertTornDown(t, r.pid, work)
}

// TestIncompleteProfileRefusedEverywhere checks that scan, gate and
// baseline update refuse the same incomplete profile the same way.
func TestIncompleteProfileRefusedEverywhere(t *testing.T) {
	h := newHostileDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(hostileTestdata, "kill-self"), dir)
	prof := filepath.Join(t.TempDir(), "profile.json")
	r := h.run("", "scan", "--events", "s3,sqs", "--event-variants", "default", "--format", "json", "-o", prof, dir)
	if r.code != ExitAnalysis || !strings.Contains(r.stderr, "killed") {
		t.Errorf("scan: exit %d, want 3 naming the kill\n%s", r.code, r.stderr)
	}
	// The profile was written all the same, marked incomplete.
	data, err := os.ReadFile(prof)
	if err != nil || !bytes.Contains(data, []byte(`"incomplete": true`)) {
		t.Fatalf("the incomplete profile was not written as such: %v\n%.400s", err, data)
	}
	if r := h.run("", "gate", "--profile", prof, dir); r.code != ExitAnalysis {
		t.Errorf("gate --profile: exit %d, want 3\n%s%s", r.code, r.stdout, r.stderr)
	}
	base := filepath.Join(t.TempDir(), "depbox.baseline.json")
	r = h.run("", "baseline", "update", "--yes", "--profile", prof, "--baseline", base, dir)
	if r.code != ExitAnalysis {
		t.Errorf("baseline update --profile: exit %d, want 3\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(base); err == nil {
		t.Errorf("baseline update wrote a baseline from an incomplete profile")
	}
}

// TestUntrustedStringsEscaped checks that a package.json version holding
// terminal escapes, a line break and 5 MB of text cannot draw on the
// terminal or fake a row, and is bounded in the profile.
func TestUntrustedStringsEscaped(t *testing.T) {
	h := newHostileDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(hostileTestdata, "escapes"), dir)
	pj, err := json.Marshal(map[string]string{
		"name": "bad", "main": "index.js",
		"version": "1.0.0\n\x1b[32mok     fake-row\x1b[0m\r\u202e" + strings.Repeat("9", 5<<20),
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "node_modules", "bad", "package.json"), pj, 0o644); err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	r := h.run("", "scan", "--events", "none", "--work-dir", work, dir)
	if r.code != ExitOK {
		t.Fatalf("scan: exit %d\n%s", r.code, r.stderr)
	}
	for _, bad := range []string{"\x1b", "\r", "\u202e"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("the text output holds a raw %q:\n%.600q", bad, r.stdout)
		}
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "ok") && strings.Contains(line, "fake-row") {
			t.Errorf("the version drew a row of its own: %q", line)
		}
	}
	if len(r.stdout) > 64<<10 {
		t.Errorf("the text output is %d bytes: the 5 MB version was not bounded", len(r.stdout))
	}
	prof := filepath.Join(t.TempDir(), "p.json")
	if r := h.run("", "scan", "--events", "none", "--format", "json", "-o", prof, dir); r.code != ExitOK {
		t.Fatalf("scan --format json: exit %d\n%s", r.code, r.stderr)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() > 256<<10 {
		t.Errorf("profile: %v, %d bytes (the version must be bounded)", err, fi.Size())
	}
	assertTornDown(t, r.pid, work)
}

// TestRelativePaths checks that relative --cache-dir and --work-dir work
// (runsc runs in another directory: depbox makes them absolute).
func TestRelativePaths(t *testing.T) {
	h := newHostileDepbox(t)
	cwd := t.TempDir()
	copyTree(t, filepath.Join(hostileTestdata, "throw-at-load"), filepath.Join(cwd, "fn"))
	if err := os.Mkdir(filepath.Join(cwd, "work"), 0o755); err != nil {
		t.Fatal(err)
	}
	h.cache = "cache" // relative to cwd
	r := h.run(cwd, "scan", "--events", "none", "--work-dir", "work", "fn")
	if r.code != ExitOK {
		t.Errorf("scan with relative --cache-dir and --work-dir: exit %d\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(cwd, "cache", "rootfs")); err != nil {
		t.Errorf("the relative cache directory was not used: %v", err)
	}
	assertTornDown(t, r.pid, filepath.Join(cwd, "work"))
}

// TestLeftoversOfAKilledDepbox kills depbox in the middle of a scan, then
// checks that doctor reports what it left (cgroups, work directory) and
// that the next scan removes it.
func TestLeftoversOfAKilledDepbox(t *testing.T) {
	h := newHostileDepbox(t)
	dir := filepath.Join(t.TempDir(), "fn")
	copyTree(t, filepath.Join(hostileTestdata, "loop-at-load"), dir)
	work := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd, _, _ := h.start(ctx, "", "scan", "--events", "none", "--step-timeout", "60s", "--work-dir", work, dir)
	pid := cmd.Process.Pid
	// Wait until its sandbox runs, then kill depbox outright.
	deadline := time.Now().Add(90 * time.Second)
	for {
		ids, _ := sandbox.CgroupIDs()
		running := false
		for id := range ids {
			running = running || strings.HasPrefix(id, fmt.Sprintf("depbox-%d-", pid))
		}
		if running {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the scan's sandbox never started")
		}
		time.Sleep(200 * time.Millisecond)
	}
	time.Sleep(time.Second)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	t.Cleanup(func() { // whatever happens, nothing of it stays
		_ = h.run("", "doctor", "--clean", "--work-dir", work)
	})
	// runsc dies with depbox; give the kernel a moment to reap it.
	time.Sleep(2 * time.Second)
	r := h.run("", "doctor", "--work-dir", work)
	if !strings.Contains(r.stdout, fmt.Sprintf("left by depbox process %d-", pid)) {
		t.Fatalf("doctor does not report the leftovers of pid %d:\n%s", pid, r.stdout)
	}
	if r.code != ExitAnalysis {
		t.Errorf("doctor with leftovers: exit %d, want 3", r.code)
	}
	// The next scan removes them (and leaves nothing of its own).
	r = h.run("", "scan", "--events", "none", "--work-dir", work, filepath.Join(hostileTestdata, "throw-at-load"))
	if r.code != ExitOK {
		t.Errorf("scan after the kill: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "removing leftovers of an earlier depbox run") {
		t.Errorf("the scan did not say it removed the leftovers:\n%s", r.stderr)
	}
	assertTornDown(t, pid, work)
	assertTornDown(t, r.pid, work)
}
