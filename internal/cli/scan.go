package cli

import (
	"context"
	"errors"

	"github.com/depbox/depbox/internal/profile"
)

// scanOptions are the options of one scan (shared by scan, gate, baseline update).
type scanOptions struct {
	Path    string // bundle directory or .zip
	Handler string
}

// runScan scans a bundle and returns its canonical profile. A profile with
// Incomplete set is returned with a nil error: callers decide (gate fails closed).
func (e *env) runScan(ctx context.Context, o scanOptions) (*profile.Profile, error) {
	return nil, errors.New("scan: being implemented")
}
