package cli

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/depbox/depbox/internal/scan"
)

// addBackendFlags adds the flags choosing how sandboxes are started. They
// exist in every build; --backend containerd needs a binary built with the
// containerd tag (make depbox-containerd).
func addBackendFlags(f *pflag.FlagSet) {
	f.String("backend", "runsc", "how sandboxes are started: runsc (depbox runs runsc itself) or containerd (through a containerd daemon and gVisor's shim, containerd-shim-runsc-v1; needs a depbox built by make depbox-containerd, docs/containerd.md)")
	f.String("containerd-address", "/run/containerd/containerd.sock", "containerd's socket, with --backend containerd")
	f.String("containerd-namespace", "depbox", "containerd namespace of depbox's containers and root file system snapshots, with --backend containerd")
	f.String("containerd-snapshotter", "overlayfs", "containerd snapshotter holding the root file systems, with --backend containerd (native where overlayfs cannot be mounted)")
}

// backend returns the sandbox backend the flags ask for (nil: runsc).
func (e *env) backend() (scan.Backend, error) {
	switch b := e.v.GetString("backend"); b {
	case "runsc", "":
		return nil, nil
	case "containerd":
		return containerdBackend(e.v.GetString("containerd-address"), e.v.GetString("containerd-namespace"), e.v.GetString("containerd-snapshotter"))
	default:
		return nil, usageErr(fmt.Errorf("--backend %q: want runsc or containerd", b))
	}
}
