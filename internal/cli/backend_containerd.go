//go:build containerd

package cli

import (
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/sandbox/containerd"
)

// containerdBackend runs sandboxes through containerd and gVisor's shim.
func containerdBackend(address, namespace, snapshotter string) (scan.Backend, error) {
	return &containerd.Backend{Address: address, Namespace: namespace, Snapshotter: snapshotter}, nil
}
