package scan_test

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestScanESModules runs an ES module function ("type": "module", a .js
// handler, top-level await) in the real sandbox. Its packages are ESM-only
// (exports without a require condition, .mjs) and load code in ways
// require's hooks never see: top-level await, a dropped .mjs stage, a data:
// URL module, and a module.register loader hook that substitutes another
// package's source. Each import loads, and each behaviour is named for the
// package that did it, never for the package whose file was substituted.
func TestScanESModules(t *testing.T) {
	p := run(t, invokeOptions(t, "testdata/bundles/esm-module"))
	if app := p.App.Phases[profile.PhaseInvoke]; app == nil || app.Outcome.Status != "ok" {
		t.Fatalf("the ESM handler did not run: %+v", p.App)
	}
	for _, d := range p.Dependencies {
		if b := importOf(t, p, d.Path); b.Outcome.Status != "ok" {
			t.Errorf("%s import: %+v, want ok", d.Path, b.Outcome)
		}
	}
	for _, phase := range []string{profile.PhaseImport, profile.PhaseInvoke} {
		if b := phaseOf(t, p, "node_modules/esm-only", phase); !hasFile(b, "/home/sbx_user/.aws/credentials", profile.AccessRead) {
			t.Errorf("esm-only %s: no bait read in %+v", phase, b.Files)
		}
		if b := phaseOf(t, p, "node_modules/esm-tla", phase); !slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return q.Name == "tla.exfil.invalid" }) {
			t.Errorf("esm-tla %s: no DNS lookup in %+v", phase, b.DNS)
		}
	}
	inv := func(dep string) *profile.Behavior { return phaseOf(t, p, dep, profile.PhaseInvoke) }
	if b := inv("node_modules/esm-drop"); !hasFile(b, "/home/sbx_user/.npmrc", profile.AccessRead) {
		t.Errorf("esm-drop: its dropped stage's read is not its own: %+v", b.Files)
	}
	if b := inv("node_modules/esm-data"); !hasFile(b, "/home/sbx_user/.ssh/id_rsa", profile.AccessRead) {
		t.Errorf("esm-data: its data: module's read is not its own: %+v", b.Files)
	}
	loader := inv("node_modules/esm-loader")
	if !hasFile(loader, "/home/sbx_user/.aws/config", profile.AccessRead) || !slices.Contains(loader.Capabilities, "eval") {
		t.Errorf("esm-loader: the substituted code's read and the loader registration are not its own: %+v", loader)
	}
	if d := p.Dependency("node_modules/victim"); d.Phases[profile.PhaseInvoke] != nil {
		t.Errorf("victim is blamed for the code substituted for it: %+v", d.Phases[profile.PhaseInvoke])
	}
	if un := p.App.Phases[profile.PhaseInvoke].Unattributed; un != nil && len(un.Files) > 0 {
		t.Errorf("unattributed reads in the function: %+v", un.Files)
	}
}
