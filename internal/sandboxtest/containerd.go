//go:build containerd

package sandboxtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	ctrd "github.com/containerd/containerd/v2/client"

	"github.com/depbox/depbox/sandbox/containerd"
)

var (
	ctrdOnce     sync.Once
	shimBin      string
	containerdBn string
	ctrdErr      error
)

// ContainerdBinaries returns gVisor's shim (containerd-shim-runsc-v1) and a
// containerd daemon built from the client's module version, from
// DEPBOX_SHIM and DEPBOX_CONTAINERD (make test-containerd sets them) or
// built into the repository's bin/ (the daemon from the module of its own
// in test/containerd).
func ContainerdBinaries(t testing.TB) (shim, daemon string) {
	t.Helper()
	ctrdOnce.Do(func() {
		root := ModuleRoot(t)
		shimBin = os.Getenv("DEPBOX_SHIM")
		if shimBin == "" {
			shimBin = filepath.Join(root, "bin", "containerd-shim-runsc-v1")
			if _, err := os.Stat(shimBin); err != nil {
				if ctrdErr = goBuild(root, shimBin, "gvisor.dev/gvisor/shim"); ctrdErr != nil {
					return
				}
			}
		}
		containerdBn = os.Getenv("DEPBOX_CONTAINERD")
		if containerdBn == "" {
			containerdBn = filepath.Join(root, "bin", "containerd")
			if _, err := os.Stat(containerdBn); err != nil {
				ctrdErr = goBuild(filepath.Join(root, "test", "containerd"), containerdBn, "github.com/containerd/containerd/v2/cmd/containerd")
			}
		}
	})
	if ctrdErr != nil {
		t.Fatalf("building containerd and gVisor's shim: %v", ctrdErr)
	}
	if filepath.Base(shimBin) != "containerd-shim-runsc-v1" {
		t.Fatalf("the shim %s must be named containerd-shim-runsc-v1: containerd finds it by that name", shimBin)
	}
	return shimBin, containerdBn
}

// Containerd starts a containerd daemon of its own for the test — its own
// socket, root and state directories, gVisor's shim on its PATH, the CRI
// plugins off — and stops it (by its pid) when the test ends. It returns
// the socket's address.
func Containerd(t testing.TB) string {
	t.Helper()
	Require(t)
	shim, daemon := ContainerdBinaries(t)
	dir, err := os.MkdirTemp("", "ctrd-") // short: socket paths are limited to 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "containerd.sock")
	config := fmt.Sprintf(`version = 3
root = %q
state = %q
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.cri.v1.images", "io.containerd.cri.v1.runtime", "io.containerd.nri.v1.nri"]

[grpc]
  address = %q

[ttrpc]
  address = %q
`, filepath.Join(dir, "root"), filepath.Join(dir, "state"), sock, sock+".ttrpc")
	cfgPath := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfgPath, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	logf, err := os.Create(filepath.Join(dir, "containerd.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(daemon, "--config", cfgPath, "--log-level", "info")
	cmd.Env = []string{"PATH=" + filepath.Dir(shim) + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting containerd: %v", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); logf.Close(); close(done) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		// The snapshotters' mounts, if a run left one.
		_ = syscall.Unmount(filepath.Join(dir, "root"), syscall.MNT_DETACH)
		if t.Failed() {
			if b, err := os.ReadFile(filepath.Join(dir, "containerd.log")); err == nil {
				t.Logf("containerd's log (last 3000 bytes):\n%s", tail(b, 3000))
			}
		}
	})
	deadline := time.Now().Add(time.Minute)
	for {
		if c, err := ctrd.New(sock, ctrd.WithTimeout(2*time.Second)); err == nil {
			_, verr := c.Version(context.Background())
			c.Close()
			if verr == nil {
				return sock
			}
		}
		select {
		case <-done:
			b, _ := os.ReadFile(filepath.Join(dir, "containerd.log"))
			t.Fatalf("containerd exited at start:\n%s", tail(b, 3000))
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("containerd did not answer on its socket within a minute")
		}
	}
}

// ShimLacks says whether err is gVisor's shim failing because this machine
// lacks CAP_SYS_RESOURCE (containerd.ShimLacksCapability).
func ShimLacks(err error) bool { return containerd.ShimLacksCapability(err) }

// SkipIfShimLacks skips the test, naming the missing capability, when err
// says gVisor's shim could not run because this machine lacks it; any other
// error is left to the caller.
func SkipIfShimLacks(t testing.TB, err error) {
	t.Helper()
	if ShimLacks(err) {
		t.Skipf("gVisor's shim cannot run here: it lowers its oom_score_adj to -999, which needs CAP_SYS_RESOURCE, and this machine lacks it (%v)", err)
	}
}

func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
