package sandbox_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/depbox/depbox/sandbox"
)

// BuildRootfs copies only the programs asked for, their shared libraries
// and a few /etc files: never the host root. The result is cached by
// content under the cache directory and is reused by the next call.
func ExampleBuildRootfs() {
	cache, err := os.MkdirTemp("", "depbox-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(cache)
	spec := sandbox.RootfsSpec{
		Programs: map[string]string{"/bin/dash": "/bin/dash"},
		Links:    map[string]string{"/bin/sh": "dash"},
	}
	rootfs, err := sandbox.BuildRootfs(cache, spec)
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range []string{"bin/dash", "bin/sh", "etc/passwd", "etc/resolv.conf", "var/task", "usr/bin/node", "root/.bashrc"} {
		_, err := os.Lstat(filepath.Join(rootfs, p))
		fmt.Printf("%-16s %v\n", p, err == nil)
	}
	again, err := sandbox.BuildRootfs(cache, spec)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("reused:", again == rootfs)
	// Output:
	// bin/dash         true
	// bin/sh           true
	// etc/passwd       true
	// etc/resolv.conf  true
	// var/task         true
	// usr/bin/node     false
	// root/.bashrc     false
	// reused: true
}

// Run a command in gVisor with --network=none in a fresh network
// namespace, a read-only bind mount and limits. Needs root and runsc (built
// with `make runsc`), so this example is compiled, not run.
func ExampleRun() {
	work, err := os.MkdirTemp("", "depbox-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	runsc, err := sandbox.FindRunsc("", "")
	if err != nil {
		log.Fatal(err) // says how to build runsc
	}
	rootfs, err := sandbox.BuildRootfs(filepath.Join(work, "cache"), sandbox.RootfsSpec{
		Programs: map[string]string{"/usr/bin/node": "/usr/bin/node"},
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := sandbox.Run(context.Background(), sandbox.Config{
		ID:      "example-1",
		Runsc:   runsc,
		WorkDir: work,
		Rootfs:  rootfs,
		Mounts:  []sandbox.Mount{{Source: "/srv/function", Destination: "/var/task"}},
		Args:    []string{"/usr/bin/node", "-e", "require('/var/task/index.js')"},
		Env:     []string{"PATH=/usr/bin:/bin"},
		Cwd:     "/var/task",
		Timeout: 30 * time.Second, MemoryBytes: 512 << 20, Pids: 64,
	})
	if err != nil {
		log.Fatal(err) // runsc could not run the sandbox at all
	}
	switch {
	case res.TimedOut:
		fmt.Println("killed after", res.Duration)
	case res.ExitCode != 0:
		fmt.Printf("exit %d: %s\n", res.ExitCode, res.Stderr)
	default:
		fmt.Printf("%s", res.Stdout)
	}
}
