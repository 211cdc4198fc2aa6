package bundle

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// pyFunction is a pip install -t . bundle: wheels with RECORD, a legacy
// egg-info, a namespace package shared by two distributions, a .pth file
// a distribution installed and one nobody did.
var pyFunction = map[string]string{
	"lambda_function.py": "import requests\n\ndef lambda_handler(event, context):\n    return {}\n",
	"requests-2.31.0.dist-info/METADATA": "Metadata-Version: 2.1\nName: requests\nVersion: 2.31.0\n" +
		"Requires-Dist: charset-normalizer (<4,>=2)\nRequires-Dist: idna (<4,>=2.5)\nRequires-Dist: urllib3 (<3,>=1.21.1)\n" +
		"Requires-Dist: PySocks (!=1.5.7,>=1.5.6) ; extra == 'socks'\nSummary: Python HTTP for Humans.\n continued summary\n\nBody: not a header\n",
	"requests-2.31.0.dist-info/RECORD": "requests/__init__.py,sha256=abc,10\nrequests/api.py,sha256=def,20\n" +
		"requests-2.31.0.dist-info/METADATA,,\nrequests-2.31.0.dist-info/RECORD,,\n../../../bin/req,sha256=x,1\n",
	"requests-2.31.0.dist-info/top_level.txt":               "requests\n",
	"requests/__init__.py":                                  "from . import api\n",
	"requests/api.py":                                       "",
	"requests/__pycache__/api.cpython-311.pyc":              "",
	"urllib3-2.0.7.dist-info/METADATA":                      "Name: urllib3\nVersion: 2.0.7\n",
	"urllib3-2.0.7.dist-info/RECORD":                        "urllib3/__init__.py,,\nurllib3/util/retry.py,,\n",
	"urllib3/__init__.py":                                   "",
	"urllib3/util/retry.py":                                 "",
	"idna-3.4.dist-info/METADATA":                           "Name: idna\nVersion: 3.4\n",
	"idna-3.4.dist-info/RECORD":                             "idna/__init__.py,,\n",
	"idna/__init__.py":                                      "",
	"charset_normalizer-3.3.2.dist-info/METADATA":           "Name: charset-normalizer\nVersion: 3.3.2\n",
	"charset_normalizer-3.3.2.dist-info/RECORD":             "charset_normalizer/__init__.py,,\ncharset_normalizer/md.cpython-311-x86_64-linux-gnu.so,,\n",
	"charset_normalizer/__init__.py":                        "",
	"charset_normalizer/md.cpython-311-x86_64-linux-gnu.so": "",
	"six-1.16.0.egg-info/PKG-INFO":                          "Metadata-Version: 1.2\nName: six\nVersion: 1.16.0\n",
	"six-1.16.0.egg-info/top_level.txt":                     "six\n",
	"six.py":                                                "",
	"Zope.Interface-6.0.dist-info/METADATA":                 "Name: Zope.Interface\nVersion: 6.0\nRequires-Dist: six\n",
	"Zope.Interface-6.0.dist-info/RECORD":                   "zope/interface/__init__.py,,\n",
	"zope/interface/__init__.py":                            "",
	"zope_event-5.0.dist-info/METADATA":                     "Name: zope.event\nVersion: 5.0\n",
	"zope_event-5.0.dist-info/RECORD":                       "zope/event/__init__.py,,\nzope_event-5.0.dist-info/RECORD,,\n",
	"zope/event/__init__.py":                                "",
	"hooky-0.1.dist-info/METADATA":                          "Name: hooky\nVersion: 0.1\n",
	"hooky-0.1.dist-info/RECORD":                            "hooky.pth,,\nhooky_impl.py,,\n",
	"hooky.pth":                                             "import hooky_impl\n",
	"hooky_impl.py":                                         "",
	"stray.pth":                                             "/somewhere\n",
}

func openPy(t *testing.T, files map[string]string, opts Options) (*Bundle, error) {
	t.Helper()
	src := t.TempDir()
	writeFiles(t, src, files)
	return Open(src, t.TempDir(), opts)
}

func TestPythonInventory(t *testing.T) {
	b, err := openPy(t, pyFunction, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Runtime != RuntimePython || b.Handler != "lambda_function.lambda_handler" || b.HandlerFile != "lambda_function.py" || b.Target != "python3.11" {
		t.Errorf("runtime %q handler %q file %q target %q", b.Runtime, b.Handler, b.HandlerFile, b.Target)
	}
	type want struct {
		name, version string
		modules       []string
		requires      []string
		pth           []string
	}
	wants := map[string]want{
		"Zope.Interface-6.0.dist-info":       {"Zope.Interface", "6.0", []string{"zope.interface"}, []string{"six-1.16.0.egg-info"}, nil},
		"charset_normalizer-3.3.2.dist-info": {"charset-normalizer", "3.3.2", []string{"charset_normalizer"}, nil, nil},
		"hooky-0.1.dist-info":                {"hooky", "0.1", []string{"hooky_impl"}, nil, []string{"hooky.pth"}},
		"idna-3.4.dist-info":                 {"idna", "3.4", []string{"idna"}, nil, nil},
		"requests-2.31.0.dist-info": {"requests", "2.31.0", []string{"requests"},
			[]string{"charset_normalizer-3.3.2.dist-info", "idna-3.4.dist-info", "urllib3-2.0.7.dist-info"}, nil},
		"six-1.16.0.egg-info":      {"six", "1.16.0", []string{"six"}, nil, nil},
		"urllib3-2.0.7.dist-info":  {"urllib3", "2.0.7", []string{"urllib3"}, nil, nil},
		"zope_event-5.0.dist-info": {"zope.event", "5.0", []string{"zope.event"}, nil, nil},
	}
	if len(b.Packages) != len(wants) {
		t.Errorf("%d distributions, want %d", len(b.Packages), len(wants))
	}
	for _, p := range b.Packages {
		w, ok := wants[p.Path]
		if !ok {
			t.Errorf("unexpected distribution %s", p.Path)
			continue
		}
		if p.Name != w.name || p.Version != w.version || p.Ecosystem != EcosystemPyPI ||
			!slices.Equal(p.Modules, w.modules) || !slices.Equal(p.Requires, w.requires) || !slices.Equal(p.Pth, w.pth) {
			t.Errorf("%s = %+v, want %+v", p.Path, *p, w)
		}
	}
	owners := map[string]string{
		"requests/api.py":                          "requests-2.31.0.dist-info",
		"requests/__pycache__/api.cpython-311.pyc": "requests-2.31.0.dist-info",
		"requests/__pycache__/new.cpython-311.pyc": "requests-2.31.0.dist-info", // by its directory
		"urllib3/util/retry.py":                    "urllib3-2.0.7.dist-info",
		"six.py":                                   "six-1.16.0.egg-info", // top_level.txt, no file list
		"__pycache__/six.cpython-311.pyc":          "six-1.16.0.egg-info",
		"zope/interface/__init__.py":               "Zope.Interface-6.0.dist-info",
		"zope/event/__init__.py":                   "zope_event-5.0.dist-info",
		"zope/__init__.py":                         "", // the shared namespace belongs to neither
		"hooky.pth":                                "hooky-0.1.dist-info",
		"lambda_function.py":                       "",
		"stray.pth":                                "",
	}
	for f, w := range owners {
		if got := b.Owner(f); got != w {
			t.Errorf("Owner(%s) = %q, want %q", f, got, w)
		}
	}
	pth := b.PthFiles()
	if len(pth) != 2 || pth[0] != (PthFile{"hooky.pth", "hooky-0.1.dist-info"}) || pth[1] != (PthFile{"stray.pth", ""}) {
		t.Errorf("PthFiles = %+v", pth)
	}
	levels := b.Levels()
	if len(levels) != 2 || !slices.ContainsFunc(levels[1], func(p *Package) bool { return p.Name == "requests" }) {
		t.Errorf("levels: requests must come after its dependencies: %v", levelPaths(levels))
	}
}

func levelPaths(lv [][]*Package) [][]string {
	var out [][]string
	for _, l := range lv {
		var s []string
		for _, p := range l {
			s = append(s, p.Path)
		}
		out = append(out, s)
	}
	return out
}

func TestPythonNormalizeName(t *testing.T) {
	for in, want := range map[string]string{"Friendly-Bard": "friendly-bard", "FRIENDLY_BARD": "friendly-bard", "friendly.bard": "friendly-bard", "friendly--._bard": "friendly-bard", "PyYAML": "pyyaml"} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPythonLayout(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		opts    Options
		runtime string
		target  string
		handler string
		dists   []string
	}{
		{
			name: "layer site-packages",
			files: map[string]string{
				"python/lib/python3.12/site-packages/pyjwt-2.6.0.dist-info/METADATA": "Name: PyJWT\nVersion: 2.6.0\n",
				"python/lib/python3.12/site-packages/pyjwt-2.6.0.dist-info/RECORD":   "jwt/__init__.py,,\n",
				"python/lib/python3.12/site-packages/jwt/__init__.py":                "",
			},
			runtime: RuntimePython, target: "python3.12",
			dists: []string{"python/lib/python3.12/site-packages/pyjwt-2.6.0.dist-info"},
		},
		{
			name: "layer python dir",
			files: map[string]string{
				"python/PyYAML-6.0.dist-info/METADATA":              "Name: PyYAML\nVersion: 6.0\n",
				"python/PyYAML-6.0.dist-info/RECORD":                "yaml/__init__.py,,\nyaml/_yaml.cpython-312-x86_64-linux-gnu.so,,\n_yaml/__init__.py,,\n",
				"python/yaml/__init__.py":                           "",
				"python/yaml/_yaml.cpython-312-x86_64-linux-gnu.so": "",
				"python/_yaml/__init__.py":                          "",
			},
			runtime: RuntimePython, target: "python3.12",
			dists: []string{"python/PyYAML-6.0.dist-info"},
		},
		{
			name:    "app.py with handler",
			files:   map[string]string{"app.py": "def handler(event, context):\n    pass\n"},
			runtime: RuntimePython, handler: "app.handler",
		},
		{
			name:    "runtime option",
			files:   map[string]string{"app.py": "def lambda_handler(e, c): pass\n"},
			opts:    Options{Runtime: "python3.11"},
			runtime: RuntimePython, target: "python3.11", handler: "app.lambda_handler",
		},
		{
			name: "SAM template",
			files: map[string]string{
				"template.yaml":          "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      CodeUri: src/\n      Handler: app.main\n",
				"src/app.py":             "def main(e, c): pass\n",
				"src/helper/__init__.py": "",
			},
			runtime: RuntimePython, target: "python3.12", handler: "src/app.main",
		},
		{
			name: "serverless dotted handler",
			files: map[string]string{
				"serverless.yml":  "provider:\n  runtime: python3.11\nfunctions:\n  f:\n    handler: pkg.mod.run\n",
				"pkg/__init__.py": "",
				"pkg/mod.py":      "def run(e, c): pass\n",
			},
			runtime: RuntimePython, target: "python3.11", handler: "pkg.mod.run",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := openPy(t, tc.files, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var dists []string
			for _, p := range b.Packages {
				dists = append(dists, p.Path)
			}
			if b.Runtime != tc.runtime || b.Target != tc.target || b.Handler != tc.handler || !slices.Equal(dists, tc.dists) {
				t.Errorf("runtime %q target %q handler %q dists %v", b.Runtime, b.Target, b.Handler, dists)
			}
		})
	}
}

func TestPythonHostile(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		opts  Options
		path  string
		msg   string
	}{
		{"no name", map[string]string{"x-1.dist-info/METADATA": "Version: 1\n", "app.py": ""}, Options{}, "x-1.dist-info/METADATA", "has no Name header"},
		{"no metadata", map[string]string{"x-1.dist-info/RECORD": "", "app.py": ""}, Options{}, "x-1.dist-info/METADATA", "is missing"},
		{"binary metadata", map[string]string{"x-1.dist-info/METADATA": "Name: x\x00\x01", "app.py": ""}, Options{}, "x-1.dist-info/METADATA", "is binary"},
		{"bad record", map[string]string{"x-1.dist-info/METADATA": "Name: x\n", "x-1.dist-info/RECORD": "a\"b,sha256=x,1\n", "app.py": ""}, Options{}, "x-1.dist-info/RECORD", "not a valid RECORD"},
		{"bad handler", map[string]string{"app.py": ""}, Options{Handler: "app.1x"}, "the handler option", "not a Python function name"},
		{"bad module path", map[string]string{"app.py": ""}, Options{Handler: "my-app.handler", Runtime: "python3.12"}, "the handler option", "not a dotted Python module name"},
		{"escaping handler", map[string]string{"app.py": ""}, Options{Handler: "../app.handler", Runtime: "python3.12"}, "the handler option", "points outside the bundle"},
		{"missing module", map[string]string{"template.yaml": "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n      Handler: gone.handler\n", "app.py": ""}, Options{}, "template.yaml: Resources.F", "its module gone is not in the bundle"},
		{"unknown runtime", map[string]string{"app.py": ""}, Options{Runtime: "ruby3.3"}, "", "is not supported"},
		{"nothing", map[string]string{"README": "hi"}, Options{}, "", "no .py file or Python distribution"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := openPy(t, tc.files, tc.opts)
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want an InputError", err)
			}
			if ie.Path != tc.path || !strings.Contains(ie.Msg, tc.msg) {
				t.Errorf("err = path %q msg %q, want %q containing %q", ie.Path, ie.Msg, tc.path, tc.msg)
			}
		})
	}
}

// TestPythonZip stages a Python bundle from a zip, as Lambda takes it.
func TestPythonZip(t *testing.T) {
	var ents []zent
	for name, body := range pyFunction {
		ents = append(ents, zent{name: name, body: body})
	}
	slices.SortFunc(ents, func(a, b zent) int { return strings.Compare(a.name, b.name) })
	zipPath := writeZip(t, ents)
	b, err := Open(zipPath, t.TempDir(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Runtime != RuntimePython || len(b.Packages) != 8 {
		t.Errorf("runtime %q, %d distributions", b.Runtime, len(b.Packages))
	}
	if _, err := os.Stat(filepath.Join(b.Root, "requests", "api.py")); err != nil {
		t.Error(err)
	}
}
