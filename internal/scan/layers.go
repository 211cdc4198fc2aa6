package scan

import (
	"fmt"
	"path/filepath"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profile"
	"github.com/depbox/depbox/sandbox"
)

// layerMount is the function's layers at /opt for one sandbox run:
// read-only, or — in a run that may write to the bundle (the install
// phase) — a private writable copy, as npm's scripts would find them.
func (s *scanner) layerMount(name string, pl *plan.Plan) ([]sandbox.Mount, error) {
	opt := s.bundle.LayerRoot
	if opt == "" {
		return nil, nil
	}
	if pl.WritableTask {
		cp := filepath.Join(s.work, name+"-opt")
		if err := copyTree(opt, cp); err != nil {
			return nil, fmt.Errorf("copying the layers for the %s run: %w", name, err)
		}
		if err := chownTree(cp, pl.UID, pl.GID); err != nil {
			return nil, fmt.Errorf("handing the layers' copy to the %s run's user: %w", name, err)
		}
		opt = cp
	}
	return []sandbox.Mount{{Source: opt, Destination: bundle.LayerMount, Writable: pl.WritableTask}}, nil
}

// profileLayers describes the bundle's layers for the profile.
func profileLayers(b *bundle.Bundle) []profile.Layer {
	var out []profile.Layer
	for _, l := range b.Layers {
		out = append(out, profile.Layer{Name: l.Name, Digest: l.Digest})
	}
	return out
}
