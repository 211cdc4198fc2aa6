package sandbox_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/sandbox"
)

func config(t *testing.T, args ...string) sandbox.Config {
	t.Helper()
	sandboxtest.Require(t)
	_, runsc := sandboxtest.Binaries(t)
	rootfs, err := sandbox.BuildRootfs(sandboxtest.CacheDir(t), scan.RootfsSpec(sandboxtest.Node(t)))
	if err != nil {
		t.Fatal(err)
	}
	work := t.TempDir()
	return sandbox.Config{
		ID: fmt.Sprintf("depbox-test-%d-%s", time.Now().UnixNano(), filepath.Base(work)), Runsc: runsc, WorkDir: work, Rootfs: rootfs,
		Args: args, Env: []string{"PATH=/usr/bin:/bin"}, Timeout: time.Minute,
	}
}

func hostNetns(t *testing.T) uint64 {
	var st unix.Stat_t
	if err := unix.Stat("/proc/self/ns/net", &st); err != nil {
		t.Fatal(err)
	}
	return st.Ino
}

// TestRunIsolatesNetwork: the sandbox runs in a fresh network namespace and
// with --network=none an outside address is unreachable; only loopback exists.
func TestRunIsolatesNetwork(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", `
const net = require('net');
const ifs = Object.keys(require('os').networkInterfaces());
const s = net.connect({host: '192.0.2.10', port: 443});
s.on('error', e => { console.log(JSON.stringify({ifs, code: e.code})); });`)
	res, err := sandbox.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(string(res.Stdout))
	if res.ExitCode != 0 || out != `{"ifs":["lo"],"code":"ENETUNREACH"}` {
		t.Fatalf("exit %d, output %q (stderr %q); want only lo and ENETUNREACH", res.ExitCode, out, res.Stderr)
	}
	if res.NetNS == 0 || res.NetNS == hostNetns(t) {
		t.Errorf("runsc ran in network namespace %d, the host's is %d: want a fresh one", res.NetNS, hostNetns(t))
	}
	assertTornDown(t, cfg)
}

// TestRunReadOnlyMountsAndTmp: the bundle mount is read-only, /tmp is
// writable and size-limited, and the host's files are not visible.
func TestRunReadOnlyMountsAndTmp(t *testing.T) {
	task := t.TempDir()
	if err := os.WriteFile(filepath.Join(task, "f.txt"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config(t, "/usr/bin/node", "-e", `
const fs = require('fs'); const r = {};
try { fs.writeFileSync('/var/task/x', '1'); r.task = 'written'; } catch (e) { r.task = e.code; }
r.read = fs.readFileSync('/var/task/f.txt', 'utf8');
try { fs.writeFileSync('/tmp/big', Buffer.alloc(2 << 20)); r.tmp = 'written'; } catch (e) { r.tmp = e.code; }
r.host = fs.existsSync('/usr/local/go') || fs.existsSync('/root/.cache');
console.log(JSON.stringify(r));`)
	cfg.Mounts = []sandbox.Mount{{Source: task, Destination: "/var/task"}}
	cfg.TmpBytes = 1 << 20
	res, err := sandbox.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(res.Stdout)), `{"task":"EROFS","read":"hi","tmp":"ENOSPC","host":false}`; got != want {
		t.Fatalf("got %s, want %s (stderr %s)", got, want, res.Stderr)
	}
}

// TestRunTimeout: a run past its timeout is killed, reported as a timeout,
// and torn down.
func TestRunTimeout(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", "setInterval(() => {}, 1000)")
	cfg.Timeout = 2 * time.Second
	start := time.Now()
	res, err := sandbox.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !res.TimedOut {
		t.Fatalf("want TimedOut, got %+v", res)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("timeout took %s to take effect", d)
	}
	assertTornDown(t, cfg)
}

// TestRunCancel: canceling the context (what Ctrl-C does) kills the sandbox
// and removes its state, its processes and its network namespace.
func TestRunCancel(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", "setInterval(() => {}, 1000)")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(1500*time.Millisecond, cancel)
	res, err := sandbox.Run(ctx, cfg)
	if err == nil || res == nil || !res.Canceled {
		t.Fatalf("want a canceled run, got %+v, %v", res, err)
	}
	assertTornDown(t, cfg)
	// The kernel reaps the killed processes asynchronously; on a loaded
	// machine that can take a moment after Run returns.
	for deadline := time.Now().Add(10 * time.Second); res.NetNS != 0 && netnsInUse(res.NetNS) && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if res.NetNS != 0 && netnsInUse(res.NetNS) {
		t.Errorf("network namespace %d still has processes 10 s after cancel", res.NetNS)
	}
}

// TestRunOutputLimit: output past the limit is cut and counted.
func TestRunOutputLimit(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", "process.stdout.write('x'.repeat(100000))")
	cfg.OutputBytes = 1000
	res, err := sandbox.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stdout) != 1000 || res.StdoutCut != 99000 {
		t.Errorf("kept %d bytes and cut %d, want 1000 and 99000", len(res.Stdout), res.StdoutCut)
	}
}

// TestRunBadRunsc: a runsc that cannot start is an error, never a result.
func TestRunBadRunsc(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", "0")
	cfg.Runsc = "/nonexistent/runsc"
	if _, err := sandbox.Run(context.Background(), cfg); err == nil {
		t.Fatal("want an error for a missing runsc")
	}
	cfg = config(t, "/nonexistent-program")
	res, err := sandbox.Run(context.Background(), cfg)
	if err == nil && (res == nil || res.ExitCode == 0) {
		t.Fatalf("a container whose program does not exist must fail, got %+v", res)
	}
}

// assertTornDown checks that no runsc process for the container is left and
// that the OCI bundle and runsc state are gone.
func assertTornDown(t *testing.T, cfg sandbox.Config) {
	t.Helper()
	for _, d := range []string{"oci-" + cfg.ID, "runsc-state"} {
		if _, err := os.Stat(filepath.Join(cfg.WorkDir, d)); err == nil {
			t.Errorf("%s was left behind", d)
		}
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		b, _ := os.ReadFile(p)
		if strings.Contains(string(b), cfg.ID) {
			t.Errorf("process %s still runs for %s: %q", filepath.Dir(p), cfg.ID, strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
}

// netnsInUse reports whether any process is in the network namespace ino.
func netnsInUse(ino uint64) bool {
	links, _ := filepath.Glob("/proc/[0-9]*/ns/net")
	for _, l := range links {
		var st unix.Stat_t
		if unix.Stat(l, &st) == nil && st.Ino == ino {
			return true
		}
	}
	return false
}

// TestRunPidsLimit: the pid limit holds inside the sandbox (gVisor's
// systrap platform backs each sandboxed process with a host process in the
// sandbox's cgroup), and the cgroup is removed afterwards.
func TestRunPidsLimit(t *testing.T) {
	cfg := config(t, "/usr/bin/node", "-e", `
const cp = require('child_process');
let ok = 0, failed = 0;
const kids = [];
for (let i = 0; i < 150; i++) {
  try { const c = cp.spawn('/bin/sh', ['-c', 'read x'], {stdio: ['pipe', 'ignore', 'ignore']}); c.on('error', () => { failed++; }); kids.push(c); } catch (e) { failed++; }
}
setTimeout(() => { console.log(JSON.stringify({failed: failed > 0})); process.exit(0); }, 1500);`)
	cfg.Pids = 100
	res, err := sandbox.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	// Either some spawns failed, or node itself could not go on (the limit
	// also bounds the host processes gVisor backs the sandbox with); what
	// must not happen is all 150 running.
	got := strings.TrimSpace(string(res.Stdout))
	if got != `{"failed":true}` && (res.ExitCode == 0 || got == `{"failed":false}`) {
		t.Errorf("150 processes under a limit of 100: exit %d, output %q (stderr %s)", res.ExitCode, got, res.Stderr)
	}
	for _, c := range []string{"pids", "memory"} {
		if _, err := os.Stat(filepath.Join("/sys/fs/cgroup", c, "depbox", cfg.ID)); err == nil {
			t.Errorf("cgroup %s/depbox/%s left behind", c, cfg.ID)
		}
	}
}
