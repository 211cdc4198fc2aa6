package scan_test

import (
	"context"
	"fmt"
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

// TestScanFunctionsCodeDirs scans sam build's layout in the real sandbox:
// one directory per function (the template's CodeUri), each with its own
// node_modules. Each function's profile lists its own directory's
// packages, loaded from there, and its handler runs.
func TestScanFunctionsCodeDirs(t *testing.T) {
	dir := t.TempDir()
	const fn = "  %s:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: %s\n      Handler: app.handler\n      Runtime: nodejs20.x\n"
	writeBundle(t, dir, map[string]string{
		"template.yaml":   "Resources:\n" + fmt.Sprintf(fn, "OrdersFn", "OrdersFn") + fmt.Sprintf(fn, "ReportsFn", "ReportsFn"),
		"OrdersFn/app.js": "const g = require('grab');\nexports.handler = async () => g;\n",
		"OrdersFn/node_modules/grab/package.json": `{"name":"grab","version":"1.0.0"}`,
		// depbox test fixture, run only in the sandbox: reads the bait at load.
		"OrdersFn/node_modules/grab/index.js":       "try { require('fs').readFileSync(require('os').homedir() + '/.aws/credentials'); } catch (_) {}\nmodule.exports = 1;\n",
		"ReportsFn/app.js":                          "const q = require('quiet');\nexports.handler = async () => q;\n",
		"ReportsFn/node_modules/quiet/package.json": `{"name":"quiet","version":"2.0.0"}`,
		"ReportsFn/node_modules/quiet/index.js":     "module.exports = 2;\n",
	})
	profiles, _, err := scan.ScanFunctions(context.Background(), invokeOptions(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	if len(profiles) != 2 {
		t.Fatalf("%d profiles, want 2", len(profiles))
	}
	for i, want := range []struct{ function, dep string }{{"OrdersFn", "OrdersFn/node_modules/grab"}, {"ReportsFn", "ReportsFn/node_modules/quiet"}} {
		p := profiles[i]
		if p.Incomplete || p.Bundle.Function != want.function || len(p.Dependencies) != 1 || p.Dependencies[0].Path != want.dep {
			t.Fatalf("profile %d: function %q, %d dependencies %+v, incomplete %v %+v; want %s with only %s", i, p.Bundle.Function, len(p.Dependencies), p.Dependencies, p.Incomplete, p.Problems, want.function, want.dep)
		}
		b := importOf(t, p, want.dep)
		if b.Outcome.Status != "ok" || hasFile(b, "/home/sbx_user/.aws/credentials", profile.AccessRead) != (want.function == "OrdersFn") {
			t.Errorf("%s import: %+v, want ok, and the bait read for grab only", want.dep, b)
		}
		if app := p.App.Phases[profile.PhaseInvoke]; app == nil || app.Outcome.Status != "ok" {
			t.Errorf("%s: the handler did not run: %+v", want.function, p.App)
		}
	}
}
