package bundle

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayers stages two layers — a zip, then a directory — merged as Lambda
// applies them (the later layer's file wins), inventories their packages
// at /opt with their layer, and resolves the function's dependencies
// through Lambda's NODE_PATH.
func TestLayers(t *testing.T) {
	fn := t.TempDir()
	writeFiles(t, fn, map[string]string{
		"index.js":                          `exports.handler = async () => 1;`,
		"node_modules/app-dep/package.json": `{"name":"app-dep","version":"1.0.0","dependencies":{"shared":"*","only-old":"*"}}`,
		"node_modules/app-dep/index.js":     `require('shared')`,
	})
	first := writeZip(t, []zent{
		{name: "nodejs/node_modules/shared/package.json", body: `{"name":"shared","version":"1.0.0"}`},
		{name: "nodejs/node_modules/shared/index.js", body: `module.exports = 1`},
		{name: "nodejs/node_modules/only-old/package.json", body: `{"name":"only-old","version":"0.1.0","dependencies":{"shared":"*"}}`},
		{name: "nodejs/node20/node_modules/@s/new/package.json", body: `{"name":"@s/new","version":"2.0.0"}`},
		{name: "python/lib/python3.12/site-packages/x.py", body: `pass`},
	})
	second := t.TempDir()
	writeFiles(t, second, map[string]string{
		"nodejs/node_modules/shared/package.json": `{"name":"shared","version":"1.1.0"}`,
	})
	opt := t.TempDir()
	b, err := Open(fn, t.TempDir(), Options{Layers: []string{first, second}, LayerDir: opt})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range b.Packages {
		got[p.Path] = p.Name + "@" + p.Version + " " + p.Layer
	}
	want := map[string]string{
		"node_modules/app-dep":                   "app-dep@1.0.0 ",
		"/opt/nodejs/node_modules/shared":        "shared@1.1.0 " + filepath.Base(second),
		"/opt/nodejs/node_modules/only-old":      "only-old@0.1.0 function.zip",
		"/opt/nodejs/node20/node_modules/@s/new": "@s/new@2.0.0 function.zip",
	}
	if !mapsEqual(got, want) {
		t.Errorf("packages %v, want %v", got, want)
	}
	if data, err := os.ReadFile(filepath.Join(opt, "nodejs/node_modules/shared/index.js")); err != nil || string(data) != "module.exports = 1" {
		t.Errorf("the first layer's file under the second's package: %q %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(opt, "python/lib/python3.12/site-packages/x.py")); err != nil {
		t.Errorf("a Python layer's files are staged too: %v", err)
	}
	if reqs := b.Package("node_modules/app-dep").Requires; !slices.Equal(reqs, []string{"/opt/nodejs/node_modules/only-old", "/opt/nodejs/node_modules/shared"}) {
		t.Errorf("app-dep requires %v, want the layers' packages", reqs)
	}
	if reqs := b.Package("/opt/nodejs/node_modules/only-old").Requires; !slices.Equal(reqs, []string{"/opt/nodejs/node_modules/shared"}) {
		t.Errorf("only-old requires %v", reqs)
	}
	if o := b.Owner("/opt/nodejs/node_modules/shared/index.js"); o != "/opt/nodejs/node_modules/shared" {
		t.Errorf("owner of a layer file: %q", o)
	}
	if len(b.Layers) != 2 || b.Layers[0].Digest == "" || b.Layers[0].Digest == b.Layers[1].Digest || b.LayerRoot != opt {
		t.Errorf("layers %+v at %s", b.Layers, b.LayerRoot)
	}
	if h := b.HostPath("/opt/nodejs/node_modules/shared"); h != filepath.Join(opt, "nodejs/node_modules/shared") {
		t.Errorf("host path %s", h)
	}
}

// TestLayersHostile: a layer is hostile input like the bundle; errors name
// the layer.
func TestLayersHostile(t *testing.T) {
	fn := t.TempDir()
	writeFiles(t, fn, map[string]string{"index.js": `exports.handler = 1`})
	slip := writeZip(t, []zent{{name: "../evil.js", body: "x"}})
	file := writeZip(t, []zent{{name: "nodejs", body: "a file"}})
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"nodejs/node_modules/x/package.json": `{}`})
	for _, tc := range []struct {
		name   string
		layers []string
		want   string
	}{
		{"zip slip", []string{slip}, slip},
		{"file over a directory", []string{dir, file}, "Lambda cannot extract both"},
		{"missing", []string{filepath.Join(dir, "nope.zip")}, "nope.zip"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := t.TempDir()
			_, err := Open(fn, t.TempDir(), Options{Layers: tc.layers, LayerDir: opt})
			if !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want an input error mentioning %q", err, tc.want)
			}
			if ents, _ := os.ReadDir(opt); len(ents) != 0 {
				t.Errorf("the layer directory is not empty after a failure")
			}
		})
	}
}
