package scan_test

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestScanLayers runs a function whose dependencies come from two Lambda
// layers, one given as a .zip and one as a directory, mounted at /opt as
// Lambda lays them out: the layers' packages are listed with their layer
// and analysed like the function's own, and a package of the function that
// requires a layer's package is told apart from it.
func TestScanLayers(t *testing.T) {
	evilZip := t.TempDir() + "/evil-layer.zip"
	writeZip(t, "testdata/layers/evil-layer", evilZip)
	o := invokeOptions(t, "testdata/bundles/layered")
	o.Layers = []string{evilZip, "testdata/layers/util-layer"}
	p := run(t, o)

	if got := p.Bundle.Layers; len(got) != 2 || got[0].Name != "evil-layer.zip" || got[1].Name != "util-layer" || got[0].Digest == "" {
		t.Errorf("profile layers %+v, want evil-layer.zip then util-layer, with digests", got)
	}
	evil := importOf(t, p, "/opt/nodejs/node_modules/layer-evil")
	if d := p.Dependency("/opt/nodejs/node_modules/layer-evil"); d.Layer != "evil-layer.zip" || d.Version != "0.1.0" {
		t.Errorf("layer-evil: layer %q version %q", d.Layer, d.Version)
	}
	if evil.Outcome.Status != "ok" || !hasFile(evil, "/home/sbx_user/.aws/credentials", profile.AccessRead) {
		t.Errorf("layer-evil import: %+v, want ok and the bait read", evil)
	}
	if !slices.ContainsFunc(evil.Network, func(e profile.Endpoint) bool { return e.Address == "192.0.2.10" && e.Port == 443 }) {
		t.Errorf("layer-evil: no connect to 192.0.2.10:443 in %+v", evil.Network)
	}
	util := importOf(t, p, "/opt/nodejs/node20/node_modules/layer-util")
	if d := p.Dependency("/opt/nodejs/node20/node_modules/layer-util"); d.Layer != "util-layer" || util.Outcome.Status != "ok" || len(util.Files)+len(util.Network) > 0 {
		t.Errorf("layer-util: layer %q, import %+v", d.Layer, util)
	}
	uses := p.Dependency("node_modules/uses-layer")
	if uses == nil || !slices.Equal(uses.Requires, []string{"/opt/nodejs/node20/node_modules/layer-util"}) {
		t.Fatalf("uses-layer requires %+v, want the layer's layer-util", uses)
	}
	if b := importOf(t, p, "node_modules/uses-layer"); b.Outcome.Status != "ok" || len(b.Files)+len(b.Network) > 0 {
		t.Errorf("uses-layer loads layer-util and does nothing itself: %+v", b)
	}
	// The handler loads the layers' packages through NODE_PATH.
	if app := p.App.Phases[profile.PhaseInvoke]; app == nil || app.Outcome.Status != "ok" {
		t.Fatalf("the handler did not run: %+v", p.App)
	}
	inv := phaseOf(t, p, "/opt/nodejs/node_modules/layer-evil", profile.PhaseInvoke)
	if !hasFile(inv, "/home/sbx_user/.aws/credentials", profile.AccessRead) {
		t.Errorf("layer-evil invoke: no bait read in %+v", inv.Files)
	}
}
