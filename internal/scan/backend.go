package scan

import (
	"context"

	"github.com/depbox/depbox/sandbox"
)

// Backend runs one sandbox. The default, sandbox.Run, starts runsc itself;
// sandbox/containerd's Backend goes through a containerd daemon and gVisor's
// shim. Both give runsc the same spec and flags.
type Backend interface {
	Run(ctx context.Context, cfg sandbox.Config) (*sandbox.Result, error)
}

// runSandbox runs cfg with the scan's backend.
func (o *Options) runSandbox(ctx context.Context, cfg sandbox.Config) (*sandbox.Result, error) {
	if o.Backend != nil {
		return o.Backend.Run(ctx, cfg)
	}
	return sandbox.Run(ctx, cfg)
}
