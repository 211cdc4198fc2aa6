package bundle

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirDigest: a package's digest changes with its own files, modes and
// links, and not with its nested packages or its neighbours.
func TestDirDigest(t *testing.T) {
	base := map[string]string{
		"package.json":                         `{"name":"fn"}`,
		"node_modules/a/package.json":          `{"name":"a","version":"1.0.0"}`,
		"node_modules/a/index.js":              `module.exports = 1;`,
		"node_modules/a/node_modules/b/x.js":   `1`,
		"node_modules/a-b/package.json":        `{"name":"a-b","version":"1.0.0"}`,
		"node_modules/a/lib/node_modules/c.js": `2`,
	}
	digest := func(change func(dir string)) string {
		dir := t.TempDir()
		for name, content := range base {
			p := filepath.Join(dir, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if change != nil {
			change(dir)
		}
		b, err := Open(dir, t.TempDir(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return b.DirDigest("node_modules/a", "node_modules")
	}
	write := func(name, content string) func(string) {
		return func(dir string) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := digest(nil)
	if want == "" || want != digest(nil) {
		t.Fatalf("digest %q is empty or not deterministic", want)
	}
	for _, tc := range []struct {
		name    string
		change  func(string)
		differs bool
	}{
		{"own file content", write("node_modules/a/index.js", "module.exports = 2;"), true},
		{"new own file", write("node_modules/a/extra.js", ""), true},
		{"executable bit", func(dir string) { os.Chmod(filepath.Join(dir, "node_modules/a/index.js"), 0o755) }, true},
		{"own symlink", func(dir string) { os.Symlink("index.js", filepath.Join(dir, "node_modules/a/alias.js")) }, true},
		{"nested package", write("node_modules/a/node_modules/b/x.js", "changed"), false},
		{"neighbour sharing the prefix", write("node_modules/a-b/index.js", "x"), false},
		{"the function's code", write("index.js", "x"), false},
	} {
		if got := digest(tc.change); (got != want) != tc.differs {
			t.Errorf("%s: digest changed = %v, want %v", tc.name, got != want, tc.differs)
		}
	}
	b, err := Open(filepath.Join("testdata", "fixture"), t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.DirDigest("no/such/dir", "") != "" {
		t.Error("a directory the bundle does not have has a digest")
	}
}

// TestDirDigestLayers: a layer's package (install path under /opt) is
// hashed from the merged layers as staged: the later layer's file counts.
func TestDirDigestLayers(t *testing.T) {
	fn := t.TempDir()
	writeFiles(t, fn, map[string]string{"index.js": `exports.handler = async () => 1;`})
	digest := func(version string) string {
		layer := t.TempDir()
		writeFiles(t, layer, map[string]string{
			"nodejs/node_modules/shared/package.json": `{"name":"shared","version":"` + version + `"}`,
		})
		b, err := Open(fn, t.TempDir(), Options{Layers: []string{layer}, LayerDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		return b.DirDigest("/opt/nodejs/node_modules/shared", "node_modules")
	}
	one, again, two := digest("1.0.0"), digest("1.0.0"), digest("2.0.0")
	if one == "" || one != again || one == two {
		t.Errorf("layer package digests %q, %q (same files) and %q (changed): want non-empty, equal, different", one, again, two)
	}
}
