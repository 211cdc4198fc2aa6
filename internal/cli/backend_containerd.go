//go:build containerd

package cli

import (
	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/sandbox/containerd"
)

// containerdBuilt says whether this binary has the containerd backend.
const containerdBuilt = true

// containerdBackend runs sandboxes through containerd and gVisor's shim.
func containerdBackend(address, namespace, snapshotter string) (scan.Backend, error) {
	return &containerd.Backend{Address: address, Namespace: namespace, Snapshotter: snapshotter}, nil
}
