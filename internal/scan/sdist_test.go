package scan_test

import (
	"archive/zip"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/profile"
)

// TestBuildSdist builds source distributions in the real sandbox: a benign
// one (setup.py) becomes a wheel and does nothing of its own, a
// pyproject.toml one goes through setuptools' PEP 517 backend, a
// malicious-like setup.py's bait read and lookup of a *.invalid name are
// the distribution's, in the install phase, and a build that fails or
// hangs leaves an incomplete profile and no wheel.
func TestBuildSdist(t *testing.T) {
	requirePython(t)
	o := options(t, "")
	o.StepTimeout = 60 * 1e9
	pkgInfo := func(name, version string) string {
		return "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
	}
	for _, tt := range []struct {
		name     string
		files    map[string]string
		wheel    string // "" when the build must fail
		problem  string
		rules    string // at high or above, sorted
		evidence func(b *profile.Behavior) bool
	}{
		{name: "setup.py", wheel: "plain_sdist-1.0-py3-none-any.whl", files: map[string]string{
			"PKG-INFO":       pkgInfo("plain-sdist", "1.0"),
			"setup.py":       "from setuptools import setup\nsetup(name='plain-sdist', version='1.0', py_modules=['plain_sdist'])\n",
			"plain_sdist.py": "def hello():\n    return 'hi'\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "pyproject", wheel: "pep517_sdist-2.0-py3-none-any.whl", files: map[string]string{
			"PKG-INFO":                 pkgInfo("pep517-sdist", "2.0"),
			"pyproject.toml":           "[build-system]\nrequires = ['setuptools>=61', 'wheel']\nbuild-backend = 'setuptools.build_meta'\n\n[project]\nname = 'pep517-sdist'\nversion = '2.0'\n",
			"pep517_sdist/__init__.py": "VALUE = 1\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "stealer", wheel: "build_stealer-0.1-py3-none-any.whl", files: map[string]string{
			"PKG-INFO": pkgInfo("build-stealer", "0.1"),
			"setup.py": "# TEST FIXTURE imitating an install-time stealer; runs only in depbox's sandbox.\n" +
				"import os, socket\nfrom setuptools import setup\n" +
				"try:\n    open(os.path.expanduser('~/.aws/credentials')).read()\nexcept OSError:\n    pass\n" +
				"try:\n    socket.getaddrinfo('collect.build-stealer.invalid', 443)\nexcept OSError:\n    pass\n" +
				"setup(name='build-stealer', version='0.1', py_modules=['build_stealer'])\n",
			"build_stealer.py": "",
		}, rules: "DBX005 DBX008", evidence: func(b *profile.Behavior) bool {
			return slices.ContainsFunc(b.Files, func(f profile.File) bool { return f.Path == "/home/sbx_user/.aws/credentials" }) &&
				slices.ContainsFunc(b.DNS, func(d profile.DNSQuery) bool { return strings.HasPrefix(d.Name, "collect.build-stealer.invalid") })
		}},
		{name: "exits", problem: "build-failed", files: map[string]string{
			"PKG-INFO": pkgInfo("build-exits", "0.1"),
			"setup.py": "import sys\nsys.exit(3)\n",
		}},
		{name: "hangs", problem: "timeout", files: map[string]string{
			"PKG-INFO": pkgInfo("build-hangs", "0.1"),
			"setup.py": "while True:\n    pass\n",
		}},
		// The other common PEP 517 backends, from Debian's packages
		// (scripts/install-deps).
		{name: "flit", wheel: "flit_sdist-1.5-py2.py3-none-any.whl", files: map[string]string{
			"PKG-INFO":       pkgInfo("flit-sdist", "1.5"),
			"pyproject.toml": "[build-system]\nrequires = ['flit_core>=3.2,<4']\nbuild-backend = 'flit_core.buildapi'\n\n[project]\nname = 'flit_sdist'\nversion = '1.5'\ndescription = 'a flit project'\n",
			"flit_sdist.py":  "VALUE = 1\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "hatchling", wheel: "hatch_sdist-0.3-py2.py3-none-any.whl", files: map[string]string{
			"PKG-INFO":                pkgInfo("hatch-sdist", "0.3"),
			"pyproject.toml":          "[build-system]\nrequires = ['hatchling']\nbuild-backend = 'hatchling.build'\n\n[project]\nname = 'hatch-sdist'\nversion = '0.3'\n",
			"hatch_sdist/__init__.py": "VALUE = 1\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "poetry", wheel: "poetry_sdist-0.2.0-py2.py3-none-any.whl", files: map[string]string{
			"PKG-INFO":                 pkgInfo("poetry-sdist", "0.2.0"),
			"pyproject.toml":           "[build-system]\nrequires = ['poetry-core']\nbuild-backend = 'poetry.core.masonry.api'\n\n[tool.poetry]\nname = 'poetry-sdist'\nversion = '0.2.0'\ndescription = 'a poetry project'\nauthors = ['Nobody <nobody@example.invalid>']\n",
			"poetry_sdist/__init__.py": "VALUE = 1\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "hatch hook stealer", wheel: "hatch_stealer-0.1-py2.py3-none-any.whl", files: map[string]string{
			"PKG-INFO":       pkgInfo("hatch-stealer", "0.1"),
			"pyproject.toml": "[build-system]\nrequires = ['hatchling']\nbuild-backend = 'hatchling.build'\n\n[project]\nname = 'hatch-stealer'\nversion = '0.1'\n\n[tool.hatch.build.hooks.custom]\n",
			"hatch_build.py": "# TEST FIXTURE imitating an install-time stealer in a hatchling build hook; runs only in depbox's sandbox.\n" +
				"import os, socket\nfrom hatchling.builders.hooks.plugin.interface import BuildHookInterface\n\n" +
				"class CustomBuildHook(BuildHookInterface):\n    def initialize(self, version, build_data):\n" +
				"        try:\n            open(os.path.expanduser('~/.aws/credentials')).read()\n        except OSError:\n            pass\n" +
				"        try:\n            socket.getaddrinfo('collect.hatch-stealer.invalid', 443)\n        except OSError:\n            pass\n",
			"hatch_stealer/__init__.py": "",
		}, rules: "DBX005 DBX008", evidence: func(b *profile.Behavior) bool {
			return slices.ContainsFunc(b.Files, func(f profile.File) bool { return f.Path == "/home/sbx_user/.aws/credentials" }) &&
				slices.ContainsFunc(b.DNS, func(d profile.DNSQuery) bool { return strings.HasPrefix(d.Name, "collect.hatch-stealer.invalid") })
		}},
		{name: "setuptools-scm", wheel: "scm_sdist-4.2-py3-none-any.whl", files: map[string]string{
			"PKG-INFO":              pkgInfo("scm-sdist", "4.2"),
			"pyproject.toml":        "[build-system]\nrequires = ['setuptools>=45', 'setuptools_scm[toml]>=6.2']\nbuild-backend = 'setuptools.build_meta'\n\n[project]\nname = 'scm-sdist'\ndynamic = ['version']\n\n[tool.setuptools_scm]\n",
			"scm_sdist/__init__.py": "VALUE = 1\n",
		}, evidence: func(b *profile.Behavior) bool { return true }},
		{name: "no backend", problem: "build-failed", files: map[string]string{
			"PKG-INFO":       pkgInfo("other-backend", "0.1"),
			"pyproject.toml": "[build-system]\nrequires = ['maturin>=1,<2']\nbuild-backend = 'maturin'\n",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			top := strings.ReplaceAll(tt.name, " ", "-") + "-1"
			files := map[string]string{}
			for k, v := range tt.files {
				files[top+"/"+k] = v
			}
			src := writeTree(t, files)
			oo := o
			if tt.name == "hangs" {
				oo.StepTimeout = 5 * 1e9
			}
			built, err := scan.BuildSdist(context.Background(), oo, scan.Sdist{Dir: src, Top: top, Name: tt.name, Version: "1"}, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			p := built.Profile
			d := p.Dependency(top)
			if d == nil || d.Phases[profile.PhaseInstall] == nil {
				t.Fatalf("no install phase for %s: %+v", top, p.Dependencies)
			}
			b := d.Phases[profile.PhaseInstall]
			t.Logf("%s: wheel %q, problems %+v, behaviour %+v", tt.name, built.Wheel, p.Problems, b)
			if tt.wheel == "" {
				if !p.Incomplete || built.Wheel != "" || !slices.ContainsFunc(p.Problems, func(pr profile.Problem) bool { return pr.Code == tt.problem }) {
					t.Errorf("a build that fails: incomplete %v, wheel %q, problems %+v (want %s)", p.Incomplete, built.Wheel, p.Problems, tt.problem)
				}
				return
			}
			if p.Incomplete || filepath.Base(built.Wheel) != tt.wheel {
				t.Fatalf("incomplete %v, wheel %q (want %s): %+v", p.Incomplete, built.Wheel, tt.wheel, p.Problems)
			}
			if zr, err := zip.OpenReader(built.Wheel); err != nil {
				t.Errorf("the wheel: %v", err)
			} else {
				zr.Close()
			}
			if !tt.evidence(b) {
				t.Errorf("the install phase lacks the build's behaviour: %+v", b)
			}
			var rules []string
			for _, f := range findings(p) {
				if f.Path != top || f.Phase != profile.PhaseInstall {
					t.Errorf("a finding not on the build: %+v", f)
				}
				rules = append(rules, f.Rule)
			}
			slices.Sort(rules)
			if got := strings.Join(slices.Compact(rules), " "); got != tt.rules {
				t.Errorf("findings %q, want %q", got, tt.rules)
			}
		})
	}
}
