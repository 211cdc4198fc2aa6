//go:build containerd

package containerd_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ctrd "github.com/containerd/containerd/v2/client"
	"github.com/containerd/containerd/v2/core/snapshots"
	"github.com/containerd/containerd/v2/pkg/namespaces"
	"golang.org/x/sys/unix"

	"github.com/depbox/depbox/internal/sandboxtest"
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/sandbox"
	"github.com/depbox/depbox/sandbox/containerd"
)

const namespace = "depbox-test"

// TestContainerdBackend runs sandboxes through a containerd daemon of the test's own
// with gVisor's shim: the isolation and limits of sandbox.Run (no network
// but loopback, a fresh network namespace, a read-only bundle mount), exit
// codes, output, a timeout that kills, and nothing left in containerd after
// each run but the root file system's snapshot.
func TestContainerdBackend(t *testing.T) {
	addr := sandboxtest.Containerd(t)
	_, runsc := sandboxtest.Binaries(t)
	rootfs, err := sandbox.BuildRootfs(sandboxtest.CacheDir(t), scan.RootfsSpec(sandboxtest.Node(t)))
	if err != nil {
		t.Fatal(err)
	}
	b := &containerd.Backend{Address: addr, Namespace: namespace, Snapshotter: "native"}
	task := t.TempDir()
	if err := os.WriteFile(filepath.Join(task, "f.txt"), []byte("hi"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := func(timeout time.Duration, script string) sandbox.Config {
		work := t.TempDir()
		return sandbox.Config{
			ID: fmt.Sprintf("depbox-ctrd-%d", time.Now().UnixNano()), Runsc: runsc, WorkDir: work, Rootfs: rootfs,
			Mounts: []sandbox.Mount{{Source: task, Destination: "/var/task"}},
			Args:   []string{"/usr/bin/node", "-e", script}, Env: []string{"PATH=/usr/bin:/bin"},
			Timeout: timeout, MemoryBytes: 512 << 20, Pids: 64,
		}
	}
	var hostNS unix.Stat_t
	if err := unix.Stat("/proc/self/ns/net", &hostNS); err != nil {
		t.Fatal(err)
	}

	c, err := ctrd.New(addr, ctrd.WithDefaultNamespace(namespace))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	nsCtx := namespaces.WithNamespace(context.Background(), namespace)
	// leftovers checks that nothing of the runs is left in containerd but
	// the root file system's snapshot, nor in the work directory.
	leftovers := func(when, work string) {
		t.Helper()
		if cs, err := c.Containers(nsCtx); err != nil || len(cs) != 0 {
			t.Errorf("%s: containers left in containerd: %d (%v)", when, len(cs), err)
		}
		var snaps []string
		if err := c.SnapshotService("native").Walk(nsCtx, func(_ context.Context, i snapshots.Info) error {
			snaps = append(snaps, i.Name)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 1 || !strings.HasPrefix(snaps[0], "depbox-rootfs-") {
			t.Errorf("%s: snapshots left: %v, want only the root file system's", when, snaps)
		}
		if ents, err := os.ReadDir(work); err != nil || len(ents) != 0 {
			t.Errorf("%s: left in the work directory: %v (%v)", when, ents, err)
		}
	}

	// The first run says whether the shim can run here at all. If it cannot,
	// the run must still fail closed (an error, no result) and leave nothing
	// behind; only the rest of the test is skipped.
	first := cfg(time.Minute, `
const fs = require('fs'); const r = {ifs: Object.keys(require('os').networkInterfaces())};
try { fs.writeFileSync('/var/task/x', '1'); r.task = 'written'; } catch (e) { r.task = e.code; }
r.read = fs.readFileSync('/var/task/f.txt', 'utf8');
require('net').connect({host: '192.0.2.10', port: 443}).on('error', e => { r.code = e.code; console.log(JSON.stringify(r)); process.exit(7); });`)
	res, err := b.Run(context.Background(), first)
	if sandboxtest.ShimLacks(err) {
		if res != nil {
			t.Errorf("a run the shim could not start returned a result: %+v", res)
		}
		leftovers("after the shim failed to start", first.WorkDir)
	}
	sandboxtest.SkipIfShimLacks(t, err)
	if err != nil {
		t.Fatal(err)
	}
	leftovers("after a run", first.WorkDir)
	if out := strings.TrimSpace(string(res.Stdout)); res.ExitCode != 7 || out != `{"ifs":["lo"],"task":"EROFS","read":"hi","code":"ENETUNREACH"}` {
		t.Errorf("exit %d, output %q (stderr %q): want exit 7, only lo, a read-only bundle and ENETUNREACH", res.ExitCode, out, res.Stderr)
	}
	if res.NetNS == 0 || res.NetNS == hostNS.Ino {
		t.Errorf("the sandbox ran in network namespace %d, the host's is %d: want a fresh one", res.NetNS, hostNS.Ino)
	}

	// A run past its timeout is killed and reported as such.
	t0 := time.Now()
	slow := cfg(3*time.Second, `setInterval(() => {}, 1000); console.log('started')`)
	res, err = b.Run(context.Background(), slow)
	if err != nil {
		t.Fatal(err)
	}
	if !res.TimedOut || res.ExitCode != -1 || !strings.Contains(string(res.Stdout), "started") || time.Since(t0) > time.Minute {
		t.Errorf("timeout: %+v after %s", res, time.Since(t0))
	}

	// A canceled context stops the sandbox and is an error.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	canceled := cfg(time.Minute, `setInterval(() => {}, 1000)`)
	res, err = b.Run(ctx, canceled)
	if err == nil || res == nil || !res.Canceled {
		t.Errorf("canceled run: %+v, %v: want Canceled and an error", res, err)
	}

	leftovers("after a timeout", slow.WorkDir)
	leftovers("after a cancel", canceled.WorkDir)
}

// TestContainerdUnreachable: no containerd at the address is an error saying what to
// do, not a sandbox that silently did not run.
func TestContainerdUnreachable(t *testing.T) {
	b := &containerd.Backend{Address: filepath.Join(t.TempDir(), "none.sock")}
	work := t.TempDir()
	_, err := b.Run(context.Background(), sandbox.Config{ID: "x", Runsc: "/bin/true", WorkDir: work, Rootfs: work, Args: []string{"/bin/true"}, Timeout: time.Second})
	if err == nil || !strings.Contains(err.Error(), "containerd") {
		t.Fatalf("err = %v, want one naming containerd", err)
	}
}
