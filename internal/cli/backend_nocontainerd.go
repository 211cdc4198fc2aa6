//go:build !containerd

package cli

import (
	"errors"

	"github.com/depbox/depbox/internal/scan"
)

// containerdBuilt says whether this binary has the containerd backend.
const containerdBuilt = false

// containerdBackend: this binary was built without containerd's client.
func containerdBackend(_, _, _ string) (scan.Backend, error) {
	return nil, usageErr(errors.New("--backend containerd: this depbox was built without the containerd backend (it adds about 10 MB); build one with make depbox-containerd (go build -tags containerd ./cmd/depbox), or use --backend runsc"))
}
