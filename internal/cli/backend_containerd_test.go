//go:build containerd

package cli

import (
	"testing"

	"github.com/spf13/pflag"

	"github.com/depbox/depbox/sandbox/containerd"
)

// TestContainerdFlagDefaults: the flags' defaults (declared in every build)
// are the containerd package's.
func TestContainerdFlagDefaults(t *testing.T) {
	f := pflag.NewFlagSet("x", pflag.ContinueOnError)
	addBackendFlags(f)
	for flag, want := range map[string]string{
		"containerd-address":     containerd.DefaultAddress,
		"containerd-namespace":   containerd.DefaultNamespace,
		"containerd-snapshotter": containerd.DefaultSnapshotter,
	} {
		if got := f.Lookup(flag).DefValue; got != want {
			t.Errorf("--%s defaults to %q, the containerd package to %q", flag, got, want)
		}
	}
}
