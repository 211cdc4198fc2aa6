package bundle

import (
	"archive/zip"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// Fuzz tests of what Open takes in from a bundle: the zip and directory
// staging, package.json, lockfiles, templates and Python metadata. Their
// seed corpora (testdata/fuzz/Fuzz*) run as ordinary tests in `go test`;
// docs/testing.md says how to fuzz longer.

// fuzzLimits keep each input small and fast.
var fuzzLimits = Options{MaxFiles: 500, MaxTotalBytes: 4 << 20, MaxFileBytes: 1 << 20}

// fuzzOpen stages src into a dst of its own and checks what must hold for
// any input: no panic; an error is an input error or leaves dst empty, and
// nothing is ever written beside dst; a staged bundle's links resolve
// inside it and its packages sit below node_modules (or are Python
// metadata directories) at clean relative paths.
func fuzzOpen(t *testing.T, src string, opts Options) *Bundle {
	t.Helper()
	parent := t.TempDir()
	dst := filepath.Join(parent, "dst")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := Open(src, dst, opts)
	if err != nil {
		assertContained(t, parent)
		return nil
	}
	ents, _ := os.ReadDir(parent)
	if len(ents) != 1 {
		t.Fatalf("Open wrote beside dst: %d entries in its parent", len(ents))
	}
	err = filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type()&fs.ModeSymlink == 0 {
			if !d.IsDir() && !d.Type().IsRegular() {
				t.Errorf("staged %s: a %s", p, d.Type())
			}
			return nil
		}
		target, err := os.Readlink(p)
		if err != nil {
			return err
		}
		if filepath.IsAbs(target) {
			t.Errorf("staged link %s → %s is absolute", p, target)
			return nil
		}
		resolved := filepath.Join(filepath.Dir(p), target)
		if resolved != dst && !strings.HasPrefix(resolved, dst+string(filepath.Separator)) {
			t.Errorf("staged link %s → %s leaves the bundle", p, target)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range b.Packages {
		if p.Path == "" || path.IsAbs(p.Path) || path.Clean(p.Path) != p.Path || strings.HasPrefix(p.Path, "..") {
			t.Errorf("package at %q: not a clean relative path", p.Path)
		}
	}
	return b
}

// fuzzTree writes files (path → content; a content starting with "->" is a
// symlink to the rest) under a new directory and returns it. Paths are
// confined to that directory: the harness itself writes nowhere else, while
// link targets are left as the input says.
func fuzzTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		rel := filepath.Clean("/" + name)[1:]
		if rel == "" || rel == "." {
			continue
		}
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			continue // a file where a directory should be
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			_ = os.Symlink(target, p)
			continue
		}
		_ = os.WriteFile(p, []byte(content), 0o644)
	}
	return root
}

// treeEntries decodes a directory tree from fuzz data: entries separated by
// NUL, each "<path>\x01<content>" (a content "->target" is a symlink; a
// path ending in / a directory).
func treeEntries(data []byte) map[string]string {
	files := map[string]string{}
	for _, e := range bytes.Split(data, []byte{0}) {
		name, content, _ := bytes.Cut(e, []byte{1})
		if len(name) == 0 || len(files) >= 64 {
			continue
		}
		if bytes.HasSuffix(name, []byte("/")) {
			name = append(name, ".keep"...)
		}
		files[string(name)] = string(content)
	}
	return files
}

func FuzzStageDir(f *testing.F) {
	for _, s := range []string{
		"package.json\x01{\"name\":\"fn\"}\x00index.js\x01exports.handler=async()=>1\x00node_modules/a/package.json\x01{\"name\":\"a\",\"version\":\"1.0.0\"}",
		"index.js\x01x\x00node_modules/.bin/a\x01->../a/cli.js\x00node_modules/a/package.json\x01{}\x00node_modules/a/cli.js\x01",
		"index.js\x01x\x00escape\x01->../../etc/passwd\x00abs\x01->/etc/passwd",
		"index.js\x01x\x00node_modules/@s/b/package.json\x01{\"name\":\"@s/b\"}\x00node_modules/@s/b/node_modules/c/package.json\x01{\"name\":\"c\"}",
		"node_modules/loop\x01->.\x00index.js\x01x",
		".git/config\x01x\x00index.js\x01x",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzOpen(t, fuzzTree(t, treeEntries(data)), fuzzLimits)
	})
}

func FuzzStageZip(f *testing.F) {
	for _, entries := range [][][2]string{
		{{"index.js", "exports.handler = async () => 1"}, {"package.json", `{"name":"fn"}`}, {"node_modules/a/package.json", `{"name":"a","version":"1.0.0"}`}},
		{{"../evil.txt", "x"}},
		{{"a/", ""}, {"a/b.js", "x"}, {"a/b.js", "dup"}},
		{{"/abs.js", "x"}, {"c:\\win.js", "x"}},
	} {
		f.Add(zipBytes(f, entries))
	}
	f.Add([]byte("PK\x03\x04not a zip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		zp := filepath.Join(t.TempDir(), "function.zip")
		if err := os.WriteFile(zp, data, 0o644); err != nil {
			t.Fatal(err)
		}
		fuzzOpen(t, zp, fuzzLimits)
	})
}

// zipBytes makes a seed zip of (name, body) entries.
func zipBytes(f *testing.F, entries [][2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Deflate})
		if err != nil {
			f.Fatal(err)
		}
		if _, err := w.Write([]byte(e[1])); err != nil {
			f.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func FuzzPackageJSON(f *testing.F) {
	for _, s := range []string{
		`{"name":"a","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node x.js"},"dependencies":{"b":"^1"}}`,
		`{"name":"@aws-sdk/credential-provider-ini","version":"3.0.0","exports":{".":"./x.js"},"type":"module"}`,
		`{"name":"a\u001b[2K\rok","version":"1\n2","gypfile":false,"optionalDependencies":{"c":1}}`,
		"\xef\xbb\xbf{\"name\":\"bom\"}",
		`{"name":{"x":1},"version":[1],"scripts":"x","dependencies":null}`,
		`[1,2]`, `{`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := fuzzTree(t, map[string]string{
			"package.json":                    string(data),
			"index.js":                        "exports.handler = async () => 1",
			"node_modules/a/package.json":     string(data),
			"node_modules/a/index.js":         "",
			"node_modules/@s/b/package.json":  string(data),
			"node_modules/a/node_modules/b/x": "",
		})
		b := fuzzOpen(t, src, fuzzLimits)
		if b == nil {
			return
		}
		if b.Name == "" {
			t.Errorf("no bundle name")
		}
		for _, p := range b.Packages {
			if want := packageNameFromPath(p.Path); p.Name != want {
				t.Errorf("package at %s judged as %q, not as its install path says (%q)", p.Path, p.Name, want)
			}
		}
	})
}

func FuzzLockfile(f *testing.F) {
	for _, s := range []string{
		`{"lockfileVersion":3,"packages":{"":{"name":"fn"},"node_modules/a":{"version":"1.0.0","integrity":"sha512-AAAA"},"node_modules/b":{"link":true,"resolved":"../b"}}}`,
		`{"lockfileVersion":2,"packages":{"node_modules/a":{"name":"real","version":"1.0.0"}},"dependencies":{"a":{"version":"1.0.0"}}}`,
		`{"lockfileVersion":1,"dependencies":{"a":{"version":"1.0.0","integrity":"sha1-x","dependencies":{"b":{"version":"2.0.0"}}}}}`,
		`{"lockfileVersion":"3","packages":[]}`, `null`, `{"packages":{"node_modules/a":7}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"package-lock.json", "node_modules/.package-lock.json", "npm-shrinkwrap.json"} {
			fuzzOpen(t, fuzzTree(t, map[string]string{
				"package.json":                `{"name":"fn"}`,
				"index.js":                    "exports.handler = async () => 1",
				"node_modules/a/package.json": `{"name":"a","version":"1.0.0"}`,
				name:                          string(data),
			}), fuzzLimits)
		}
	})
}

func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"Globals:\n  Function:\n    Runtime: nodejs20.x\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/\n      Handler: app.handler\n",
		"Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Handler: !Ref Param\n      Runtime: python3.12\n",
		"functions:\n  hello:\n    handler: src/app.handler\n",
		"a: &a [*a]\n", "{\"Resources\": {\"F\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Handler\": \"../x.h\"}}}}",
		"!!binary gIGC", "Resources: [1, 2]",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"template.yaml", "template.json", "serverless.yml"} {
			b := fuzzOpen(t, fuzzTree(t, map[string]string{
				name:              string(data),
				"index.js":        "exports.handler = async () => 1",
				"src/app.js":      "exports.handler = async () => 1",
				"app.py":          "def handler(e, c): pass",
				"src/__init__.py": "",
			}), fuzzLimits)
			if b != nil && b.Handler != "" {
				if err := checkHandler("fuzz", b.Handler); err != nil && b.Runtime != RuntimePython {
					t.Errorf("Open detected handler %q that its own check refuses: %v", b.Handler, err)
				}
			}
		}
	})
}

func FuzzPythonMetadata(f *testing.F) {
	for _, s := range []string{
		"Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\nRequires-Dist: idna (<4,>=2.5)\nRequires-Dist: PySocks; extra == 'socks'\n",
		"Name: a\nName: b\nVersion:\n", "\x00\xff", "Name: " + strings.Repeat("x", 300) + "\n",
	} {
		f.Add([]byte(s), []byte("pkg/__init__.py,sha256=x,1\npkg-1.0.dist-info/METADATA,,\n"))
	}
	f.Add([]byte("Name: pkg\nVersion: 1\n"), []byte("\"a,b\",,\n../../etc/passwd,,\n/abs,,\n"))
	f.Fuzz(func(t *testing.T, metadata, record []byte) {
		if _, err := parseRecord("pkg-1.0.dist-info/RECORD", record); err != nil && !errors.Is(err, ErrInput) {
			t.Errorf("parseRecord: %v is not an input error", err)
		}
		fuzzOpen(t, fuzzTree(t, map[string]string{
			"lambda_function.py":              "def lambda_handler(e, c): pass",
			"pkg/__init__.py":                 "",
			"pkg-1.0.dist-info/METADATA":      string(metadata),
			"pkg-1.0.dist-info/RECORD":        string(record),
			"pkg-1.0.dist-info/top_level.txt": "pkg\n",
		}), Options{MaxFiles: 500, MaxTotalBytes: 4 << 20, MaxFileBytes: 1 << 20, Runtime: "python3.12"})
	})
}
