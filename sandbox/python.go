package sandbox

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// Python describes a host CPython added to a rootfs by AddPython.
type Python struct {
	// Binary is the interpreter's path inside the rootfs, e.g.
	// "/usr/bin/python3.11"; "/usr/bin/python3" links to it.
	Binary string
	// Version is "3.11" (from the interpreter's file name).
	Version string
	// Stdlib is the standard library's directory inside the rootfs
	// (the same as on the host), e.g. "/usr/lib/python3.11".
	Stdlib string
}

// PythonBoot is the sitecustomize module AddPython puts into the standard
// library: every Python process of the sandbox that runs site (children a
// package starts, not only depbox's own) loads depbox's Python hook from
// the control directory when a run placed it there. Processes depbox
// starts itself load the hook before site, with -S.
const PythonBoot = `# depbox: load the in-process hook of the sandbox run, when there is one.
def _depbox_boot():
    import sys
    if 'depbox_pyhook' in sys.modules:
        return
    import importlib.util
    for path in ('/depbox/pyhook.pyc', '/depbox/pyhook.py'):
        try:
            spec = importlib.util.spec_from_file_location('depbox_pyhook', path)
            if spec is None:
                continue
            mod = importlib.util.module_from_spec(spec)
            sys.modules['depbox_pyhook'] = mod
            spec.loader.exec_module(mod)
            return
        except FileNotFoundError:
            sys.modules.pop('depbox_pyhook', None)
_depbox_boot()
del _depbox_boot
`

var pythonNameRe = regexp.MustCompile(`^python(3\.\d{1,2})$`)

// stdlibSkip are standard-library entries a Lambda function has no use for
// (GUI, the static library, bundled pip wheels) or that belong to the
// host's own packages.
var stdlibSkip = map[string]bool{
	"site-packages": true, "dist-packages": true, "idlelib": true, "tkinter": true, "turtledemo": true,
	"ensurepip": true, "test": true, "EXTERNALLY-MANAGED": true, "sitecustomize.py": true,
}

// AddPython adds the host's CPython to the spec: the interpreter (host, a
// path such as /usr/bin/python3, followed to python3.X) with its shared
// libraries, its standard library (pure modules and byte code copied as a
// tree, lib-dynload extensions with their shared libraries), and
// sitecustomize (PythonBoot). Other runtimes' specs can include it so that
// programs they start find a python3.
func (s *RootfsSpec) AddPython(host string) (*Python, error) {
	real, err := filepath.EvalSymlinks(host)
	if err != nil {
		return nil, fmt.Errorf("finding the Python interpreter %s: %w (install python3, e.g. apt-get install python3, or pass --python)", host, err)
	}
	m := pythonNameRe.FindStringSubmatch(filepath.Base(real))
	if m == nil {
		return nil, fmt.Errorf("%s resolves to %s, not a python3.X interpreter; pass --python with the path of a CPython 3 interpreter", host, real)
	}
	py := &Python{Binary: "/usr/bin/" + filepath.Base(real), Version: m[1]}
	prefix := filepath.Dir(filepath.Dir(real))
	stdlib := filepath.Join(prefix, "lib", "python"+m[1])
	if _, err := os.Stat(filepath.Join(stdlib, "os.py")); err != nil {
		return nil, fmt.Errorf("the standard library of %s is not at %s: %w", real, stdlib, err)
	}
	py.Stdlib = stdlib
	if s.Programs == nil {
		s.Programs = map[string]string{}
	}
	if s.Links == nil {
		s.Links = map[string]string{}
	}
	if s.Trees == nil {
		s.Trees = map[string]Tree{}
	}
	if s.Files == nil {
		s.Files = map[string]string{}
	}
	s.Programs[py.Binary] = real
	s.Links["/usr/bin/python3"] = filepath.Base(real)
	dynload := filepath.Join(stdlib, "lib-dynload")
	ents, err := os.ReadDir(dynload)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dynload, err)
	}
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".so") {
			p := filepath.Join(dynload, e.Name())
			s.Programs[p] = p
		}
	}
	s.Trees[stdlib] = Tree{Source: stdlib, Skip: func(rel string) bool {
		first, _, _ := strings.Cut(rel, "/")
		return stdlibSkip[first] || strings.HasPrefix(first, "config-") || first == "lib-dynload"
	}}
	s.Files[filepath.Join(stdlib, "sitecustomize.py")] = PythonBoot
	return py, nil
}

// Tree is a host directory copied whole into a rootfs.
type Tree struct {
	Source string
	// Skip leaves out entries by slash-separated path relative to Source
	// (a skipped directory with everything below it).
	Skip func(rel string) bool
}

// treeFiles lists a tree's regular files (rootfs path → host path) and its
// symlinks that stay inside it (rootfs path → target); other symlinks
// are left out.
func treeFiles(dst string, t Tree, files, links map[string]string) error {
	return filepath.WalkDir(t.Source, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(t.Source, p)
		if err != nil || rel == "." {
			return err
		}
		if t.Skip != nil && t.Skip(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.Type()&os.ModeSymlink != 0:
			l, err := os.Readlink(p)
			if err != nil {
				return err
			}
			if !filepath.IsAbs(l) && !strings.HasPrefix(filepath.Clean(filepath.Join(filepath.Dir(rel), l)), "..") {
				links[target] = l
			}
		case d.Type().IsRegular():
			files[target] = p
		}
		return nil
	})
}

// sortedKeys returns m's keys, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// buildTools are the distributions AddPythonBuild copies: setuptools (the
// default PEP 517 backend and the legacy setup.py one) with what it
// imports, and wheel (its bdist_wheel command), which it needs; and, where
// the host has them (scripts/install-deps installs Debian's), the other
// common PEP 517 backends with what they import: flit_core
// (flit_core.buildapi), hatchling (hatchling.build: packaging, pathspec,
// pluggy, trove_classifiers), poetry-core (poetry.core.masonry.api, its
// dependencies vendored) and setuptools-scm (a setuptools plugin:
// typing_extensions, tomli). Their metadata directories come along, so
// that entry points (hatchling's and setuptools' plugins) resolve.
var buildTools = regexp.MustCompile(`^(setuptools|pkg_resources|_distutils_hack|wheel|flit_core|hatchling|packaging|pathspec|pluggy|trove_classifiers|poetry|poetry_core|setuptools_scm|typing_extensions|tomli)([-.].*)?$`)

// BuildBackend is one of the optional PEP 517 backends of buildTools:
// Module is its package directory (relative to the directory
// AddPythonBuild returns), Name the distribution's name.
type BuildBackend struct{ Module, Name string }

// BuildBackends are the optional backends AddPythonBuild copies when the
// host has them (setuptools, the default, is required).
var BuildBackends = []BuildBackend{{"flit_core", "flit_core"}, {"hatchling", "hatchling"}, {"poetry/core", "poetry-core"}, {"setuptools_scm", "setuptools-scm"}}

// AddPythonBuild adds, for builds of source distributions, the host's
// setuptools and wheel (Debian's python3-setuptools and python3-wheel) and
// the other build backends of buildTools it has, beside py's standard
// library, at the same path as on the host, and
// returns that directory (the sandbox's processes run with -S: the builder
// puts it on sys.path itself). py is what AddPython returned for host.
func (s *RootfsSpec) AddPythonBuild(host string, py *Python) (string, error) {
	real, err := filepath.EvalSymlinks(host)
	if err != nil {
		return "", fmt.Errorf("finding the Python interpreter %s: %w", host, err)
	}
	prefix := filepath.Dir(filepath.Dir(real))
	var dir string
	for _, d := range []string{filepath.Join(prefix, "lib", "python3", "dist-packages"), filepath.Join(py.Stdlib, "site-packages")} {
		_, e1 := os.Stat(filepath.Join(d, "setuptools", "__init__.py"))
		_, e2 := os.Stat(filepath.Join(d, "wheel", "__init__.py"))
		if e1 == nil && e2 == nil {
			dir = d
			break
		}
	}
	if dir == "" {
		return "", fmt.Errorf("%s has no setuptools and wheel to build source distributions with in the sandbox: apt-get install python3-setuptools python3-wheel (or pass --python)", host)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	if s.Trees == nil {
		s.Trees = map[string]Tree{}
	}
	for _, e := range ents {
		if !buildTools.MatchString(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir() && e.Name() == "poetry":
			// poetry is a namespace: poetry-core is poetry/core, a whole
			// poetry installed beside it is not a build backend.
			s.Trees[p] = Tree{Source: p, Skip: func(rel string) bool { return rel != "core" && !strings.HasPrefix(rel, "core/") }}
		case e.IsDir():
			s.Trees[p] = Tree{Source: p}
		case e.Type().IsRegular() && strings.HasSuffix(e.Name(), ".py"):
			// a single-module distribution (typing_extensions.py)
			b, err := os.ReadFile(p)
			if err != nil {
				return "", fmt.Errorf("reading the build tool %s: %w", p, err)
			}
			if s.Files == nil {
				s.Files = map[string]string{}
			}
			s.Files[p] = string(b)
		}
	}
	return dir, nil
}
