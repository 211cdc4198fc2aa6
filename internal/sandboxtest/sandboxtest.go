// Package sandboxtest gives integration tests what they need to run the real
// sandbox: root, a runsc built from the pinned gVisor module, and a static
// depbox binary to serve as the sandbox's init. It builds what is missing
// (Go's build cache makes that cheap after the first time) and refuses to
// let CI skip: with CI=true a missing prerequisite fails the test.
package sandboxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// Require skips (or, in CI, fails) a test that needs the real sandbox when
// this machine cannot run it, and honours -short.
func Require(t testing.TB) {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: runs the real gVisor sandbox (drop -short to run it)")
	}
	if os.Geteuid() != 0 {
		if os.Getenv("CI") == "true" {
			t.Fatal("integration tests need root (network namespaces); CI runs as root")
		}
		t.Skip("integration test needs root: it creates network namespaces and runs runsc")
	}
}

// ModuleRoot returns the repository's root directory.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the module root")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

var (
	buildOnce sync.Once
	depboxBin string
	runscBin  string
	buildErr  error
)

// Binaries returns the static depbox binary and runsc, from DEPBOX_BIN and
// DEPBOX_RUNSC (make test sets them) or built into the repository's bin/.
func Binaries(t testing.TB) (depbox, runsc string) {
	t.Helper()
	buildOnce.Do(func() {
		root := ModuleRoot(t)
		depboxBin = os.Getenv("DEPBOX_BIN")
		if depboxBin == "" {
			depboxBin = filepath.Join(root, "bin", "depbox-test")
			buildErr = goBuild(root, depboxBin, "./cmd/depbox")
			if buildErr != nil {
				return
			}
		}
		runscBin = os.Getenv("DEPBOX_RUNSC")
		if runscBin == "" {
			runscBin = filepath.Join(root, "bin", "runsc")
			if _, err := os.Stat(runscBin); err != nil {
				buildErr = goBuild(root, runscBin, "gvisor.dev/gvisor/runsc")
			}
		}
	})
	if buildErr != nil {
		t.Fatalf("building the test binaries: %v", buildErr)
	}
	return depboxBin, runscBin
}

func goBuild(root, out, pkg string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// CacheDir is a cache shared by test runs (content-hashed root file systems).
func CacheDir(t testing.TB) string {
	t.Helper()
	d := filepath.Join(os.TempDir(), "depbox-test-cache")
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// Node returns the host's node binary.
func Node(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is not on $PATH: install Node.js 20 or newer")
	}
	return p
}

var (
	runtimeOnce sync.Once
	runtimeErr  error
)

// NodeRuntime returns the node runtime directory scripts/node-runtime
// makes in the user cache (make test makes it first), making it when it is
// missing; in CI a missing runtime fails the test.
func NodeRuntime(t testing.TB) string {
	t.Helper()
	c, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(c, "depbox", "node-runtime")
	if _, err := os.Stat(filepath.Join(dir, "runtime.json")); err == nil {
		return dir
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("no node runtime in %s: make test makes it (make node-runtime)", dir)
	}
	runtimeOnce.Do(func() {
		out, err := exec.Command(filepath.Join(ModuleRoot(t), "scripts", "node-runtime"), dir).CombinedOutput()
		if err != nil {
			runtimeErr = fmt.Errorf("scripts/node-runtime: %v\n%s", err, out)
		}
	})
	if runtimeErr != nil {
		t.Fatal(runtimeErr)
	}
	return dir
}
