package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// openFixture stages testdata/fixture into a fresh directory.
func openFixture(t *testing.T) *Bundle {
	t.Helper()
	b, err := Open(filepath.Join("testdata", "fixture"), t.TempDir(), Options{})
	if err != nil {
		t.Fatalf("Open(fixture): %v", err)
	}
	return b
}

// summary is the golden form of a bundle: everything but Root and Digest,
// which depend on the machine and on git's handling of file modes.
type summary struct {
	Name        string     `json:"name"`
	Runtime     string     `json:"runtime"`
	Handler     string     `json:"handler"`
	HandlerFile string     `json:"handlerFile"`
	Lockfile    string     `json:"lockfile"`
	Packages    []*Package `json:"packages"`
	Levels      [][]string `json:"levels"`
}

func summarize(b *Bundle) summary {
	s := summary{Name: b.Name, Runtime: b.Runtime, Handler: b.Handler, HandlerFile: b.HandlerFile, Lockfile: b.Lockfile, Packages: b.Packages}
	for _, lv := range b.Levels() {
		var paths []string
		for _, p := range lv {
			paths = append(paths, p.Path)
		}
		s.Levels = append(s.Levels, paths)
	}
	return s
}

func TestFixtureGolden(t *testing.T) {
	b := openFixture(t)
	got, err := json.MarshalIndent(summarize(b), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "fixture.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("inventory differs from %s (run go test -update after checking):\n%s", golden, got)
	}
}

func TestFixtureInventory(t *testing.T) {
	b := openFixture(t)
	if b.Name != "fixture-fn" || b.Runtime != "nodejs" || b.Handler != "index.handler" || b.HandlerFile != "index.mjs" || b.Lockfile != "package-lock.json" {
		t.Errorf("bundle = name %q runtime %q handler %q file %q lockfile %q", b.Name, b.Runtime, b.Handler, b.HandlerFile, b.Lockfile)
	}
	var paths []string
	for _, p := range b.Packages {
		paths = append(paths, p.Path)
	}
	wantPaths := []string{"node_modules/@s/b", "node_modules/a", "node_modules/b", "node_modules/c", "node_modules/c/node_modules/d", "node_modules/d", "node_modules/e"}
	if !slices.Equal(paths, wantPaths) {
		t.Fatalf("package paths = %q, want %q", paths, wantPaths)
	}
	tests := []struct {
		path, name, version, integrity string
		scripts                        map[string]string
		requires                       []string
		module, exports                bool
		main                           string
	}{
		{path: "node_modules/@s/b", name: "@s/b", version: "2.1.0", integrity: "sha512-c2JzY29wZWQtYi0yLjEuMA==", requires: []string{"node_modules/d"}, module: true, exports: true},
		{path: "node_modules/a", name: "a", version: "1.0.0", integrity: "sha512-YS0xLjAuMA==", requires: []string{"node_modules/b"}, main: "index.js"},
		// The lockfile lists b at 0.9.0, the installed b is 1.0.0: its integrity is not b's.
		{path: "node_modules/b", name: "b", version: "1.0.0", requires: []string{"node_modules/a"}},
		{path: "node_modules/c", name: "c", version: "1.2.3", integrity: "sha512-Yy0xLjIuMw==", scripts: map[string]string{"postinstall": "node install.js"}, requires: []string{"node_modules/c/node_modules/d"}},
		{path: "node_modules/c/node_modules/d", name: "d", version: "2.0.0", integrity: "sha512-ZC0yLjAuMA=="},
		{path: "node_modules/d", name: "d", version: "1.0.0", integrity: "sha512-ZC0xLjAuMA=="},
		// No name in package.json; binding.gyp without install script.
		{path: "node_modules/e", name: "e", version: "0.1.0", scripts: map[string]string{"install": "node-gyp rebuild"}, main: "build/Release/e.node"},
	}
	for _, tt := range tests {
		p := b.Package(tt.path)
		if p == nil {
			t.Errorf("Package(%q) = nil", tt.path)
			continue
		}
		if p.Name != tt.name || p.Version != tt.version || p.Integrity != tt.integrity || p.Module != tt.module || p.HasExports != tt.exports || p.Main != tt.main {
			t.Errorf("%s = %+v", tt.path, p)
		}
		if !mapsEqual(p.Scripts, tt.scripts) {
			t.Errorf("%s scripts = %v, want %v", tt.path, p.Scripts, tt.scripts)
		}
		if !slices.Equal(p.Requires, tt.requires) {
			t.Errorf("%s requires = %q, want %q", tt.path, p.Requires, tt.requires)
		}
	}
	if got := b.Package("node_modules/@s/b").Dependencies; got["fsevents"] != "^2.3.0" || got["d"] != "^1.0.0" {
		t.Errorf("@s/b dependencies = %v, want d and the optional fsevents", got)
	}
	if b.Package("node_modules/ghost") != nil || b.Package("node_modules/linked") != nil || b.Package("node_modules/.bin") != nil {
		t.Error("lockfile-only or .bin entries were inventoried")
	}
	if b.Package("") != nil || b.Package("nope") != nil {
		t.Error("Package of a non-package path is not nil")
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestFixtureLevels(t *testing.T) {
	b := openFixture(t)
	levels := b.Levels()
	pos := map[string]int{}
	n := 0
	for i, lv := range levels {
		if !slices.IsSortedFunc(lv, func(x, y *Package) int { return strings.Compare(x.Path, y.Path) }) {
			t.Errorf("level %d is not sorted", i)
		}
		for _, p := range lv {
			pos[p.Path] = i
			n++
		}
	}
	if n != len(b.Packages) {
		t.Fatalf("levels hold %d packages, the bundle %d", n, len(b.Packages))
	}
	// Every edge except the one DFS drops to break the a↔b cycle points down.
	for _, p := range b.Packages {
		for _, r := range p.Requires {
			if p.Path == "node_modules/b" && r == "node_modules/a" {
				continue
			}
			if pos[r] >= pos[p.Path] {
				t.Errorf("%s (level %d) requires %s (level %d)", p.Path, pos[p.Path], r, pos[r])
			}
		}
	}
	if pos["node_modules/b"] != 0 || pos["node_modules/a"] != 1 {
		t.Errorf("cycle a↔b broken as a=%d b=%d, want b first (a is visited first, so b→a is dropped)", pos["node_modules/a"], pos["node_modules/b"])
	}
}

func TestLevelsHandBuilt(t *testing.T) {
	// A three-cycle plus a tail, in two input orders: the result must not
	// depend on the order of Packages.
	mk := func() []*Package {
		return []*Package{
			{Path: "node_modules/z", Requires: []string{"node_modules/x"}},
			{Path: "node_modules/x", Requires: []string{"node_modules/y"}},
			{Path: "node_modules/y", Requires: []string{"node_modules/z", "node_modules/w", "node_modules/missing"}},
			{Path: "node_modules/w"},
			{Path: "node_modules/self", Requires: []string{"node_modules/self"}},
		}
	}
	render := func(b *Bundle) string {
		var s []string
		for _, lv := range b.Levels() {
			var ps []string
			for _, p := range lv {
				ps = append(ps, strings.TrimPrefix(p.Path, "node_modules/"))
			}
			s = append(s, strings.Join(ps, ","))
		}
		return strings.Join(s, " | ")
	}
	a := mk()
	r := mk()
	slices.Reverse(r)
	got1, got2 := render(&Bundle{Packages: a}), render(&Bundle{Packages: r})
	const want = "self,w,z | y | x"
	if got1 != want || got2 != want {
		t.Errorf("Levels = %q and %q, want %q", got1, got2, want)
	}
	if got := (&Bundle{}).Levels(); len(got) != 0 {
		t.Errorf("Levels of an empty bundle = %v", got)
	}
}

func TestOwner(t *testing.T) {
	b := openFixture(t)
	tests := []struct{ p, want string }{
		{"node_modules/c/node_modules/d/index.js", "node_modules/c/node_modules/d"},
		{"node_modules/c/node_modules/d", "node_modules/c/node_modules/d"},
		{"node_modules/c/bin/c.js", "node_modules/c"},
		{"node_modules/c/node_modules/other/x.js", "node_modules/c"},
		{"node_modules/@s/b/index.js", "node_modules/@s/b"},
		{"node_modules/@s/other/index.js", ""},
		{"./node_modules/a/index.js", "node_modules/a"},
		{"node_modules/a/../b/index.js", "node_modules/b"},
		{"node_modules/ab/index.js", ""},
		{"node_modules/.bin/c", ""},
		{"node_modules", ""},
		{"index.mjs", ""},
		{"lib/util.js", ""},
		{"", ""},
		{"../node_modules/a/index.js", ""},
		{"/node_modules/a/index.js", ""},
	}
	for _, tt := range tests {
		if got := b.Owner(tt.p); got != tt.want {
			t.Errorf("Owner(%q) = %q, want %q", tt.p, got, tt.want)
		}
	}
	hand := &Bundle{Packages: []*Package{{Path: "node_modules/a"}}}
	if got := hand.Owner("node_modules/a/x.js"); got != "node_modules/a" {
		t.Errorf("Owner on a hand-built bundle = %q", got)
	}
}

func TestDigest(t *testing.T) {
	b1 := openFixture(t)
	b2 := openFixture(t)
	if b1.Digest != b2.Digest || !strings.HasPrefix(b1.Digest, "sha256:") || len(b1.Digest) != len("sha256:")+64 {
		t.Fatalf("digests %q and %q, want equal sha256 digests", b1.Digest, b2.Digest)
	}
	// Re-staging the staged copy gives the same digest: staging is faithful.
	b3, err := Open(b1.Root, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b3.Digest != b1.Digest {
		t.Errorf("digest of the staged copy %q, of the fixture %q", b3.Digest, b1.Digest)
	}
	changes := []struct {
		name   string
		change func(root string) error
	}{
		{"one byte", func(root string) error {
			return os.WriteFile(filepath.Join(root, "node_modules/d/index.js"), []byte("module.exports = 3;\n"), 0o644)
		}},
		{"exec bit", func(root string) error { return os.Chmod(filepath.Join(root, "node_modules/d/index.js"), 0o755) }},
		{"link target", func(root string) error {
			p := filepath.Join(root, "node_modules/.bin/c")
			if err := os.Remove(p); err != nil {
				return err
			}
			return os.Symlink("../c/install.js", p)
		}},
		{"empty dir", func(root string) error { return os.Mkdir(filepath.Join(root, "empty"), 0o755) }},
		{"renamed file", func(root string) error {
			return os.Rename(filepath.Join(root, "lib/util.js"), filepath.Join(root, "lib/util2.js"))
		}},
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			b := openFixture(t)
			if err := c.change(b.Root); err != nil {
				t.Fatal(err)
			}
			b4, err := Open(b.Root, t.TempDir(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if b4.Digest == b1.Digest {
				t.Errorf("digest unchanged after changing %s", c.name)
			}
		})
	}
}

func TestStagedCopy(t *testing.T) {
	b := openFixture(t)
	if !filepath.IsAbs(b.Root) {
		t.Errorf("Root %q is not absolute", b.Root)
	}
	fi, err := os.Stat(filepath.Join(b.Root, "node_modules/c/bin/c.js"))
	if err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("exec bit not preserved: %v %v", fi.Mode(), err)
	}
	fi, err = os.Stat(filepath.Join(b.Root, "node_modules/c/install.js"))
	if err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("plain file mode: %v %v", fi.Mode(), err)
	}
	target, err := os.Readlink(filepath.Join(b.Root, "node_modules/.bin/c"))
	if err != nil || target != "../c/bin/c.js" {
		t.Errorf(".bin link = %q, %v", target, err)
	}
	data, err := os.ReadFile(filepath.Join(b.Root, "node_modules/.bin/c"))
	if err != nil || !strings.Contains(string(data), "console.log") {
		t.Errorf("reading through the .bin link: %q %v", data, err)
	}
}

func TestOpenCallerErrors(t *testing.T) {
	src := filepath.Join("testdata", "fixture")
	t.Run("dst not empty", func(t *testing.T) {
		dst := t.TempDir()
		if err := os.WriteFile(filepath.Join(dst, "x"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(src, dst, Options{}); err == nil || errors.Is(err, ErrInput) {
			t.Errorf("Open into a non-empty dst: %v, want a non-input error", err)
		}
	})
	t.Run("dst missing", func(t *testing.T) {
		if _, err := Open(src, filepath.Join(t.TempDir(), "nope"), Options{}); err == nil || errors.Is(err, ErrInput) {
			t.Errorf("Open into a missing dst: %v, want a non-input error", err)
		}
	})
	t.Run("dst inside src", func(t *testing.T) {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{"index.js": "exports.handler = 1"})
		dst := filepath.Join(dir, "stage")
		if err := os.Mkdir(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(dir, dst, Options{}); err == nil || !strings.Contains(err.Error(), "overlap") {
			t.Errorf("Open with dst inside src: %v, want an overlap error", err)
		}
	})
	t.Run("src missing", func(t *testing.T) {
		_, err := Open(filepath.Join(t.TempDir(), "nope.zip"), t.TempDir(), Options{})
		if !errors.Is(err, ErrInput) {
			t.Errorf("Open of a missing src: %v, want ErrInput", err)
		}
	})
}

// writeFiles creates files (and their directories) below dir. A value
// starting with "->" makes a symlink to the rest.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(body, "->"); ok {
			err = os.Symlink(target, p)
		} else {
			err = os.WriteFile(p, []byte(body), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
