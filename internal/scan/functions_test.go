package scan_test

import (
	"context"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestScanFunctions scans a SAM template with two functions sharing one
// node_modules, in the real sandbox: one profile per function, the shared
// packages imported once (the second scan takes every import result from
// the first), and each function's invoke phase its own — only ReportsFn
// calls the package that reads ~/.npmrc.
func TestScanFunctions(t *testing.T) {
	o := invokeOptions(t, "testdata/bundles/multi")
	profiles, stats, err := scan.ScanFunctions(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(profiles) != 2 || len(stats) != 2 {
		t.Fatalf("%d profiles, %d stats; want one per function (2)", len(profiles), len(stats))
	}
	const creds, npmrc = "/home/sbx_user/.aws/credentials", "/home/sbx_user/.npmrc"
	for i, want := range []struct{ function, handler string }{{"OrdersFn", "src/orders.handler"}, {"ReportsFn", "src/reports.handler"}} {
		p := profiles[i]
		if p.Incomplete {
			t.Fatalf("%s: incomplete: %+v", want.function, p.Problems)
		}
		if p.Bundle.Function != want.function || p.Bundle.Handler != want.handler {
			t.Errorf("profile %d is function %q handler %q, want %s %s", i, p.Bundle.Function, p.Bundle.Handler, want.function, want.handler)
		}
		if b := importOf(t, p, "node_modules/boot-probe"); !hasFile(b, creds, profile.AccessRead) {
			t.Errorf("%s: boot-probe import %+v, want the bait read", want.function, b)
		}
		if app := p.App.Phases[profile.PhaseInvoke]; app == nil || app.Outcome.Status != "ok" {
			t.Fatalf("%s: the handler did not run: %+v", want.function, p.App)
		}
		inv := p.Dependency("node_modules/stats-helper").Phases[profile.PhaseInvoke]
		called := inv != nil && hasFile(inv, npmrc, profile.AccessRead)
		if called != (want.function == "ReportsFn") {
			t.Errorf("%s: stats-helper's invoke phase %+v; want the .npmrc read in ReportsFn only", want.function, inv)
		}
	}
	if stats[0].Cached != 0 || stats[1].Cached != stats[1].Dependencies {
		t.Errorf("cached imports: %d then %d of %d; want none then all (shared packages analysed once)", stats[0].Cached, stats[1].Cached, stats[1].Dependencies)
	}
}
