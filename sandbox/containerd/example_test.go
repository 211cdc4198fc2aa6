//go:build containerd

package containerd_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/depbox/depbox/sandbox"
	"github.com/depbox/depbox/sandbox/containerd"
)

// Run a sandbox through the node's containerd and gVisor's shim instead of
// starting runsc directly: the same Config, the same Result. Needs root, a
// containerd 1.7+ daemon with containerd-shim-runsc-v1 on its PATH, and
// runsc, so this example is compiled, not run.
func ExampleBackend_Run() {
	work, err := os.MkdirTemp("", "depbox-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	rootfs, err := sandbox.BuildRootfs(work, sandbox.RootfsSpec{Programs: map[string]string{"/usr/bin/node": "/usr/bin/node"}})
	if err != nil {
		log.Fatal(err)
	}
	b := &containerd.Backend{Address: containerd.DefaultAddress, Namespace: "depbox"}
	res, err := b.Run(context.Background(), sandbox.Config{
		ID: "example-1", Runsc: "/usr/local/bin/runsc", WorkDir: work, Rootfs: rootfs,
		Args: []string{"/usr/bin/node", "-e", "console.log(process.version)"}, Timeout: time.Minute,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("exit %d: %s", res.ExitCode, res.Stdout)
}
