package scan_test

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestScanLayouts runs functions installed by pnpm (its .pnpm store, linked
// packages) and as an npm workspace (the handler in a workspace package,
// which requires another) in the real sandbox: each package is attributed
// at the path its files really are, workspace packages are the function's
// own code, a package whose "exports" has no "." entry is loaded through
// each exported subpath (patterns expanded), and the handler runs through
// the links.
func TestScanLayouts(t *testing.T) {
	const bait = "/home/sbx_user/.aws/credentials"
	tests := []struct {
		bundle string
		// reads are the packages whose import reads the bait; clean the
		// ones whose import does nothing of its own.
		reads, clean []string
		// own are paths that are the function's code, not dependencies.
		own []string
	}{
		{
			bundle: "testdata/bundles/pnpm",
			reads:  []string{"node_modules/.pnpm/grabber@file+grabber/node_modules/grabber"},
			clean: []string{
				"node_modules/.pnpm/debug@4.3.7/node_modules/debug",
				"node_modules/.pnpm/ms@2.1.3/node_modules/ms",
			},
			own: []string{"node_modules/debug", "node_modules/grabber"},
		},
		{
			bundle: "testdata/bundles/workspaces",
			reads:  []string{"node_modules/leaky", "node_modules/split-exports"},
			clean:  []string{"node_modules/ms", "packages/shared/node_modules/ms"},
			own:    []string{"node_modules/@ws/api", "node_modules/@ws/shared"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.bundle, func(t *testing.T) {
			p := run(t, invokeOptions(t, tt.bundle))
			for _, dep := range tt.reads {
				b := importOf(t, p, dep)
				if b.Outcome.Status != "ok" || !hasFile(b, bait, profile.AccessRead) {
					t.Errorf("%s import: %+v, want ok and the bait read", dep, b)
				}
			}
			for _, dep := range tt.clean {
				if b := importOf(t, p, dep); b.Outcome.Status != "ok" || len(b.Files)+len(b.Network)+len(b.Processes) > 0 {
					t.Errorf("%s import: %+v, want ok and nothing of its own", dep, b)
				}
			}
			for _, path := range tt.own {
				if d := p.Dependency(path); d != nil {
					t.Errorf("%s is listed as a dependency: %+v", path, d)
				}
			}
			if app := p.App.Phases[profile.PhaseInvoke]; app == nil || app.Outcome.Status != "ok" {
				t.Fatalf("the handler did not run: %+v", p.App)
			}
			// Nothing the function loads is left to the function: each
			// bait read at load is its package's.
			if app := p.App.Phases[profile.PhaseImport]; app != nil && hasFile(app, bait, profile.AccessRead) {
				t.Errorf("the bait read is the function's own at load: %+v", app.Files)
			}
		})
	}
}
