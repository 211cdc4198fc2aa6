package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"
)

// lifecycleScripts are the package.json scripts npm runs when installing a
// package from the registry.
var lifecycleScripts = []string{"preinstall", "install", "postinstall"}

// pkgJSON is what depbox reads from a package.json.
type pkgJSON struct {
	name, version, main string
	module, hasExports  bool
	scripts, deps       map[string]string
	noGyp               bool // "gypfile": false
}

// readPackageJSON reads and parses the package.json at bundle path p. A
// missing file yields a zero pkgJSON; a malformed one an InputError naming
// the position. Field types are read leniently (real packages are messy):
// a field of an unexpected type counts as absent.
func readPackageJSON(t *tree, root *os.Root, p string) (*pkgJSON, error) {
	real, e := t.lookup(p)
	if e == nil || e.kind != kindFile {
		return &pkgJSON{}, nil
	}
	data, err := root.ReadFile(real)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM, as Node and npm allow
	const fix = "fix the file or reinstall the package (npm ci)"
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return nil, inputErr(p, "is not a JSON object; %s", fix)
	}
	var raw struct {
		Name                 any             `json:"name"`
		Version              any             `json:"version"`
		Main                 any             `json:"main"`
		Type                 any             `json:"type"`
		Exports              json.RawMessage `json:"exports"`
		Scripts              any             `json:"scripts"`
		Dependencies         any             `json:"dependencies"`
		OptionalDependencies any             `json:"optionalDependencies"`
		Gypfile              any             `json:"gypfile"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, jsonError(p, data, err, fix)
	}
	pj := &pkgJSON{
		name:       str(raw.Name),
		version:    str(raw.Version),
		main:       str(raw.Main),
		module:     str(raw.Type) == "module",
		hasExports: len(raw.Exports) > 0 && string(raw.Exports) != "null",
		noGyp:      raw.Gypfile == false,
	}
	if m, ok := raw.Scripts.(map[string]any); ok {
		for _, s := range lifecycleScripts {
			if v := str(m[s]); v != "" {
				if pj.scripts == nil {
					pj.scripts = map[string]string{}
				}
				pj.scripts[s] = v
			}
		}
	}
	for _, d := range []any{raw.Dependencies, raw.OptionalDependencies} {
		m, _ := d.(map[string]any)
		for k, v := range m {
			if pj.deps == nil {
				pj.deps = map[string]string{}
			}
			pj.deps[k] = str(v)
		}
	}
	return pj, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// inventory lists every package installed below node_modules (nested
// node_modules and @scope directories included; .bin, .package-lock.json and
// other dot entries skipped), adds lockfile integrity and resolves
// dependencies. A directory symlink in node_modules (a workspace or npm link)
// is followed and the package is listed at the link's path.
func inventory(b *Bundle, t *tree, root *os.Root) error {
	s := &scanner{t: t, root: root, active: map[string]bool{"": true}}
	if err := s.scanNodeModules("", ""); err != nil {
		return err
	}
	lock, err := readLockfile(t, root)
	if err != nil {
		return err
	}
	if lock != nil {
		b.Lockfile = lock.file
	}
	slices.SortFunc(s.pkgs, func(a, b *Package) int { return strings.Compare(a.Path, b.Path) })
	b.Packages = s.pkgs
	b.byPath = make(map[string]*Package, len(s.pkgs))
	for _, p := range s.pkgs {
		b.byPath[p.Path] = p
	}
	for _, p := range s.pkgs {
		if lock != nil {
			if le, ok := lock.pkgs[p.Path]; ok && (le.version == "" || le.version == p.Version) {
				p.Integrity = le.integrity
			}
		}
		p.Requires = resolveDeps(b.byPath, p)
	}
	return nil
}

// resolveDeps returns the install paths p's dependencies resolve to: for each
// name, the first <dir>/node_modules/<name> that is a package, for dir from
// p's own directory up to the bundle root, skipping node_modules directories
// themselves (Node's module resolution).
func resolveDeps(byPath map[string]*Package, p *Package) []string {
	var out []string
	for name := range p.Dependencies {
		for dir := p.Path; ; dir = path.Dir(dir) {
			if dir == "." {
				dir = ""
			}
			if path.Base(dir) != "node_modules" {
				cand := path.Join(dir, "node_modules", name)
				if q := byPath[cand]; q != nil && q != p {
					out = append(out, cand)
					break
				}
			}
			if dir == "" {
				break
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type scanner struct {
	t      *tree
	root   *os.Root
	pkgs   []*Package
	active map[string]bool // real directories being scanned (symlink loop guard)
}

// scanNodeModules lists the packages in <dir>/node_modules, where dir is the
// path as listed and real its symlink-free location.
func (s *scanner) scanNodeModules(dir, real string) error {
	nm := path.Join(dir, "node_modules")
	nmReal, ok := s.t.dir(path.Join(real, "node_modules"))
	if !ok {
		return nil
	}
	for _, c := range s.t.children[nmReal] {
		if strings.HasPrefix(c, ".") {
			continue // .bin, .package-lock.json, .cache, ...
		}
		if !strings.HasPrefix(c, "@") {
			if err := s.candidate(path.Join(nm, c), path.Join(nmReal, c)); err != nil {
				return err
			}
			continue
		}
		scopeReal, ok := s.t.dir(path.Join(nmReal, c))
		if !ok {
			continue
		}
		for _, c2 := range s.t.children[scopeReal] {
			if strings.HasPrefix(c2, ".") {
				continue
			}
			if err := s.candidate(path.Join(nm, c, c2), path.Join(scopeReal, c2)); err != nil {
				return err
			}
		}
	}
	return nil
}

// candidate inventories the directory at p (listed path) if it holds a
// package.json, then descends into its node_modules.
func (s *scanner) candidate(p, realish string) error {
	real, ok := s.t.dir(realish)
	if !ok || s.active[real] {
		return nil // a file, a dangling link, or a link back up the tree
	}
	if len(s.pkgs) >= s.t.opts.MaxFiles {
		return limitErr(p, "MaxFiles", "the bundle's node_modules holds more than %d packages (through symlinks); remove the links or raise the limit", s.t.opts.MaxFiles)
	}
	s.active[real] = true
	defer delete(s.active, real)
	if s.t.isFile(path.Join(real, "package.json")) {
		pj, err := readPackageJSON(s.t, s.root, path.Join(p, "package.json"))
		if err != nil {
			return err
		}
		pkg := &Package{
			Name:         pj.name,
			Version:      pj.version,
			Path:         p,
			Scripts:      pj.scripts,
			Dependencies: pj.deps,
			Module:       pj.module,
			Main:         pj.main,
			HasExports:   pj.hasExports,
		}
		// The install path decides the name a package is judged under: a
		// package.json claiming another name (an alias, or a package posing
		// as a trusted one to borrow its ignore rules) keeps that claim in
		// ClaimedName.
		if byPath := packageNameFromPath(p); pkg.Name != byPath {
			if pkg.Name != "" {
				pkg.ClaimedName = pkg.Name
			}
			pkg.Name = byPath
		}
		if pkg.Scripts["install"] == "" && pkg.Scripts["preinstall"] == "" && !pj.noGyp && s.t.isFile(path.Join(real, "binding.gyp")) {
			if pkg.Scripts == nil {
				pkg.Scripts = map[string]string{}
			}
			pkg.Scripts["install"] = "node-gyp rebuild"
		}
		s.pkgs = append(s.pkgs, pkg)
	}
	return s.scanNodeModules(p, real)
}

// packageNameFromPath returns the package name an install path implies:
// "node_modules/@s/b" → "@s/b", "node_modules/a/node_modules/b" → "b".
func packageNameFromPath(p string) string {
	i := strings.LastIndex(p, "node_modules/")
	if i < 0 {
		return path.Base(p)
	}
	return p[i+len("node_modules/"):]
}

// lockfile is the part of an npm lockfile depbox uses: integrity by install path.
type lockfile struct {
	file string
	pkgs map[string]lockEntry
}

type lockEntry struct{ version, integrity string }

// lockfileNames are tried in npm's order of precedence.
var lockfileNames = []string{"npm-shrinkwrap.json", "package-lock.json", "node_modules/.package-lock.json"}

// readLockfile reads the first lockfile present: lockfileVersion 2 and 3
// through their "packages" map, version 1 through its nested "dependencies"
// tree. Link entries (workspaces, "link": true) are skipped.
func readLockfile(t *tree, root *os.Root) (*lockfile, error) {
	for _, name := range lockfileNames {
		real, e := t.lookup(name)
		if e == nil || e.kind != kindFile {
			continue
		}
		data, err := root.ReadFile(real)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		const fix = "fix it or regenerate it with npm install --package-lock-only"
		if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
			return nil, inputErr(name, "is not a JSON object; %s", fix)
		}
		var raw struct {
			Packages map[string]struct {
				Version   string `json:"version"`
				Integrity string `json:"integrity"`
				Link      bool   `json:"link"`
			} `json:"packages"`
			Dependencies map[string]lockDepV1 `json:"dependencies"`
		}
		if err := json.Unmarshal(data, &raw); err != nil {
			return nil, jsonError(name, data, err, fix)
		}
		lf := &lockfile{file: name, pkgs: map[string]lockEntry{}}
		if raw.Packages != nil {
			for p, v := range raw.Packages {
				if p == "" || v.Link {
					continue
				}
				lf.pkgs[p] = lockEntry{version: v.Version, integrity: v.Integrity}
			}
		} else {
			addV1(lf.pkgs, "", raw.Dependencies)
		}
		return lf, nil
	}
	return nil, nil
}

// lockDepV1 is a lockfileVersion 1 "dependencies" entry.
type lockDepV1 struct {
	Version      string               `json:"version"`
	Integrity    string               `json:"integrity"`
	Dependencies map[string]lockDepV1 `json:"dependencies"`
}

func addV1(out map[string]lockEntry, parent string, deps map[string]lockDepV1) {
	for name, d := range deps {
		p := path.Join(parent, "node_modules", name)
		out[p] = lockEntry{version: d.Version, integrity: d.Integrity}
		addV1(out, p, d.Dependencies)
	}
}
