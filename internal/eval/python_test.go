package eval

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseDistributions(t *testing.T) {
	tests := []struct {
		name, in string
		want     []Distribution
		err      string
	}{
		{name: "pinned, comments and blank lines", in: "# a comment\nrequests==2.28.1  # HTTP\n\nPyJWT == 2.6.0\n",
			want: []Distribution{{Name: "requests", Version: "2.28.1", Line: 2}, {Name: "PyJWT", Version: "2.6.0", Line: 4}}},
		{name: "not pinned", in: "requests\n", err: "want NAME==VERSION"},
		{name: "a range", in: "requests>=2.0\n", err: "want NAME==VERSION"},
		{name: "two pins", in: "requests==2.0,==2.1\n", err: "want NAME==VERSION"},
		{name: "no version", in: "requests==\n", err: "want NAME==VERSION"},
		{name: "not a name", in: "../x==1.0\n", err: "not a distribution name"},
		{name: "listed twice under two spellings", in: "python_dateutil==2.8.2\npython-dateutil==2.8.2\n", err: "already listed on line 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDistributions(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// writeFiles writes name → content under dir ("@target" makes a link).
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		if target, ok := strings.CutPrefix(content, "@"); ok {
			err = os.Symlink(target, p)
		} else {
			err = os.WriteFile(p, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// listFiles returns dir's files, relative and sorted.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func TestAssemblePython(t *testing.T) {
	site := t.TempDir()
	elsewhere := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(elsewhere, []byte("certificates"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, site, map[string]string{
		// A wheel's dist-info: its RECORD says what is its (not the
		// script outside the site, not byte code).
		"PyYAML-6.0.dist-info/METADATA":      "Name: PyYAML\nVersion: 6.0\n",
		"PyYAML-6.0.dist-info/RECORD":        "PyYAML-6.0.dist-info/METADATA,,\nyaml/__init__.py,sha256=x,1\n_yaml/__init__.py,,\n../../../bin/yamlx,,\nscripts-3.10/yamlx,,\nyaml/__pycache__/__init__.cpython-311.pyc,,\n",
		"yaml/__init__.py":                   "# yaml",
		"yaml/__pycache__/x.pyc":             "bytecode",
		"yaml/unlisted.py":                   "# not in RECORD",
		"_yaml/__init__.py":                  "# _yaml",
		"PyJWT-2.6.0.egg-info/PKG-INFO":      "Name: PyJWT\n",
		"PyJWT-2.6.0.egg-info/top_level.txt": "jwt\n",
		// An egg-info (Debian's usual): top_level.txt's modules, a
		// package directory and an extension module beside it.
		"jwt/__init__.py":                     "# jwt",
		"jwt/__pycache__/__init__.pyc":        "bytecode",
		"jwt/ca.pem":                          "@" + elsewhere,
		"jwt.cpython-311-x86_64-linux-gnu.so": "elf",
		"six-1.16.0.egg-info/top_level.txt":   "six\n",
		"six.py":                              "# six",
		"other-1.0.egg-info/top_level.txt":    "other\n",
		"other.py":                            "# not asked for",
		"broken-1.0.egg-info/PKG-INFO":        "no top_level.txt, no RECORD",
		"ghost-1.0.egg-info/top_level.txt":    "ghost\n",
		"empty-1.0.dist-info/RECORD":          "empty-1.0.dist-info/RECORD,,\nscripts/gone,,\n",
	})
	tests := []struct {
		name  string
		dists []Distribution
		want  []string
		err   string
	}{
		{name: "RECORD, top_level.txt, normalised names", dists: []Distribution{{Name: "pyyaml", Version: "6.0"}, {Name: "PyJWT", Version: "2.6.0"}, {Name: "Six", Version: "1.16.0"}},
			want: []string{
				"PyJWT-2.6.0.egg-info/PKG-INFO", "PyJWT-2.6.0.egg-info/top_level.txt",
				"PyYAML-6.0.dist-info/METADATA", "PyYAML-6.0.dist-info/RECORD",
				"_yaml/__init__.py", "jwt.cpython-311-x86_64-linux-gnu.so", "jwt/__init__.py", "jwt/ca.pem",
				"six-1.16.0.egg-info/top_level.txt", "six.py", "yaml/__init__.py",
			}},
		{name: "not installed", dists: []Distribution{{Name: "requests", Version: "2.28.1"}}, err: "requests is not installed in " + site + ": scripts/install-deps installs it"},
		{name: "another version", dists: []Distribution{{Name: "PyYAML", Version: "5.4"}}, err: "has PyYAML-6.0.dist-info, the function pins 5.4"},
		{name: "no file list", dists: []Distribution{{Name: "broken", Version: "1.0"}}, err: "neither RECORD nor top_level.txt"},
		{name: "a RECORD listing nothing there", dists: []Distribution{{Name: "empty", Version: "1.0"}}, err: "none of the files empty-1.0.dist-info/RECORD lists"},
		{name: "a module that is not there", dists: []Distribution{{Name: "ghost", Version: "1.0"}}, err: "names ghost, which is not in the site directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := t.TempDir()
			err := AssemblePython(dst, site, tt.dists)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := listFiles(t, dst); !slices.Equal(got, tt.want) {
				t.Errorf("files = %q\nwant %q", got, tt.want)
			}
			if fi, err := os.Lstat(filepath.Join(dst, "jwt", "ca.pem")); err != nil || !fi.Mode().IsRegular() {
				t.Errorf("a link is copied as the file it points to: %v %v", fi, err)
			}
		})
	}
}

func TestLoadPythonFunction(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"node-fn/package.json":      "{}",
		"node-fn/package-lock.json": "{}",
		"py-fn/lambda_function.py":  "def lambda_handler(e, c): pass\n",
		"py-fn/distributions.txt":   "six==1.16.0\n",
		"py-fn/templates/page.html": "<p>",
	})
	fns, err := LoadFunctions(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(fns) != 2 || fns[0].Distributions != nil || len(fns[1].Distributions) != 1 {
		t.Fatalf("functions = %+v", fns)
	}
	site := t.TempDir()
	writeFiles(t, site, map[string]string{"six-1.16.0.egg-info/top_level.txt": "six\n", "six.py": "# six"})
	bundle, err := assemblePythonFunction(t.TempDir(), site, fns[1])
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"lambda_function.py", "six-1.16.0.egg-info/top_level.txt", "six.py", "templates/page.html"}
	if got := listFiles(t, bundle); !slices.Equal(got, want) {
		t.Errorf("bundle = %q, want %q", got, want)
	}

	for _, tt := range []struct{ list, err string }{{"six\n", "want NAME==VERSION"}, {"# nothing\n", "lists no distribution"}} {
		d := t.TempDir()
		writeFiles(t, d, map[string]string{"py-bad/lambda_function.py": "", "py-bad/distributions.txt": tt.list})
		if _, err := LoadFunctions(d); err == nil || !strings.Contains(err.Error(), "function py-bad") || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: err = %v, want %q", tt.list, err, tt.err)
		}
	}
}
