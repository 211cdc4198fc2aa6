package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	// bundles are the dependencies its tarball ships in its own
	// node_modules (bundleDependencies; true: all of them).
	bundles map[string]bool
}

// readPackageJSON reads and parses the package.json at bundle path p. A
// missing file yields a zero pkgJSON; a malformed one an InputError naming
// the position. Field types are read leniently (real packages are messy):
// a field of an unexpected type counts as absent.
func readPackageJSON(t *tree, p string) (*pkgJSON, error) {
	real, e := t.lookup(p)
	if e == nil || e.kind != kindFile {
		return &pkgJSON{}, nil
	}
	data, err := t.readFile(real)
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
		BundleDependencies   any             `json:"bundleDependencies"`
		BundledDependencies  any             `json:"bundledDependencies"`
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
	for _, bd := range []any{raw.BundleDependencies, raw.BundledDependencies} {
		switch v := bd.(type) {
		case bool:
			if v {
				pj.bundles = map[string]bool{"*": true}
			}
		case []any:
			for _, n := range v {
				if s := str(n); s != "" {
					if pj.bundles == nil {
						pj.bundles = map[string]bool{}
					}
					pj.bundles[s] = true
				}
			}
		}
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
func inventory(b *Bundle, t *tree, opts Options) (err error) {
	s := &scanner{t: t, active: map[string]bool{"": true}, bundlers: map[string]map[string]bool{}}
	if err := s.scanNodeModules(""); err != nil {
		return err
	}
	listed := slices.ContainsFunc(s.pkgs, func(p *Package) bool { return strings.HasPrefix(p.Path, b.CodeDir+"/node_modules/") })
	if real, ok := t.dir(b.CodeDir); ok && b.CodeDir != "" && !listed {
		if err := s.scanNodeModules(real); err != nil {
			return err
		}
	}
	lock, err := readLockfile(t)
	if err != nil {
		return err
	}
	var given *lockfile
	if opts.Lockfile != "" {
		if given, err = readLockfileFile(opts.Lockfile); err != nil {
			return err
		}
	}
	defer func() {
		if err == nil {
			err = inventoryBundled(b, t, given, lock)
		}
	}()
	if lock != nil {
		b.Lockfile = lock.file
	}
	all := append(b.Packages, s.pkgs...) // a layer's packages come first
	slices.SortFunc(all, func(a, b *Package) int { return strings.Compare(a.Path, b.Path) })
	b.Packages = all
	b.byPath = make(map[string]*Package, len(all))
	for _, p := range all {
		b.byPath[p.Path] = p
	}
	for _, p := range all {
		if le, ok := lock.find(p.Path, p.Name, p.Version); ok && (le.version == "" || le.version == p.Version) {
			p.Integrity = le.integrity
		}
		p.Requires = resolveDeps(b.byPath, p, func(p string) string {
			real, _ := t.dir(p)
			return real
		})
	}
	return nil
}

// resolveDeps returns the install paths p's dependencies resolve to: for each
// name, the first <dir>/node_modules/<name> that is a package, for dir from
// p's own directory up to the bundle root (or /, for a layer's package),
// skipping node_modules directories themselves, then the layers'
// directories on Lambda's NODE_PATH (Node's module resolution). real maps a
// bundle path to its symlink-free location, where packages are listed
// (pnpm's dependency links point into its store).
func resolveDeps(byPath map[string]*Package, p *Package, real func(string) string) []string {
	var out []string
	for name := range p.Dependencies {
		found := false
		for dir := p.Path; ; dir = path.Dir(dir) {
			if dir == "." {
				dir = ""
			}
			if path.Base(dir) != "node_modules" {
				cand := path.Join(dir, "node_modules", name)
				if q := byPath[cand]; q == nil && !path.IsAbs(cand) {
					cand = real(cand)
				}
				if q := byPath[cand]; q != nil && q != p {
					out, found = append(out, cand), true
					break
				}
			}
			if dir == "" || dir == "/" {
				break
			}
		}
		for _, d := range layerNodeModules {
			if cand := path.Join(LayerMount, d, "node_modules", name); !found && byPath[cand] != nil && byPath[cand] != p {
				out, found = append(out, cand), true
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

type scanner struct {
	t        *tree
	pkgs     []*Package
	active   map[string]bool            // real directories being scanned (symlink loop guard)
	bundlers map[string]map[string]bool // install path → bundleDependencies, of packages that have them
}

// scanNodeModules lists the packages in <dir>/node_modules, where dir is
// symlink-free: packages are listed where their files really are, which is
// where Node (resolving symlinks), the hook and the syscall stream see their
// code.
func (s *scanner) scanNodeModules(dir string) error {
	nmReal, ok := s.t.dir(path.Join(dir, "node_modules"))
	if !ok {
		return nil
	}
	for _, c := range s.t.children[nmReal] {
		switch {
		case c == ".pnpm":
			if err := s.pnpmStore(path.Join(nmReal, c)); err != nil {
				return err
			}
		case strings.HasPrefix(c, "."):
			// .bin, .package-lock.json, .cache, ...
		case strings.HasPrefix(c, "@"):
			scopeReal, ok := s.t.dir(path.Join(nmReal, c))
			if !ok {
				continue
			}
			for _, c2 := range s.t.children[scopeReal] {
				if strings.HasPrefix(c2, ".") {
					continue
				}
				if err := s.entry(path.Join(scopeReal, c2)); err != nil {
					return err
				}
			}
		default:
			if err := s.entry(path.Join(nmReal, c)); err != nil {
				return err
			}
		}
	}
	return nil
}

// pnpmStore lists pnpm's store (node_modules/.pnpm): each
// <name>@<version>/node_modules holds the package itself and links to its
// dependencies (listed where they point); the store's own node_modules
// holds only links (pnpm's hidden hoisting).
func (s *scanner) pnpmStore(store string) error {
	for _, key := range s.t.children[store] {
		if key == "node_modules" || strings.HasPrefix(key, ".") {
			continue
		}
		if real, ok := s.t.dir(path.Join(store, key)); ok && real == path.Join(store, key) {
			if err := s.scanNodeModules(real); err != nil {
				return err
			}
		}
	}
	return nil
}

// entry inventories one entry of a node_modules directory (a symlink-free
// path). A symlink into a node_modules directory (pnpm's links, an alias)
// is left to the place it points to, which is listed itself; a symlink to a
// directory outside any node_modules is a workspace package (npm, yarn or
// pnpm workspaces), the function's own code: only its node_modules are
// listed.
func (s *scanner) entry(p string) error {
	e := s.t.entries[p]
	if e == nil || e.kind != kindLink {
		return s.candidate(p)
	}
	real, ok := s.t.dir(p)
	if !ok || s.active[real] || inNodeModules(real) {
		return nil
	}
	s.active[real] = true
	defer delete(s.active, real)
	return s.scanNodeModules(real)
}

// candidate inventories the directory p (symlink-free) if it holds a
// package.json, then descends into its node_modules.
func (s *scanner) candidate(p string) error {
	if _, ok := s.t.dir(p); !ok || s.active[p] {
		return nil // a file, or a directory already being scanned
	}
	if len(s.pkgs) >= s.t.opts.MaxFiles {
		return limitErr(p, "MaxFiles", "the bundle's node_modules holds more than %d packages (through symlinks); remove the links or raise the limit", s.t.opts.MaxFiles)
	}
	s.active[p] = true
	defer delete(s.active, p)
	if s.t.isFile(path.Join(p, "package.json")) {
		pj, err := readPackageJSON(s.t, path.Join(p, "package.json"))
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
		if parent := s.parentOf(p); parent != nil && (parent.bundles["*"] || parent.bundles[pkg.Name]) {
			pkg.BundledBy = parent.path
		}
		if pkg.Scripts["install"] == "" && pkg.Scripts["preinstall"] == "" && !pj.noGyp && s.t.isFile(path.Join(p, "binding.gyp")) {
			if pkg.Scripts == nil {
				pkg.Scripts = map[string]string{}
			}
			pkg.Scripts["install"] = "node-gyp rebuild"
		}
		s.pkgs = append(s.pkgs, pkg)
		if pj.bundles != nil {
			s.bundlers[p] = pj.bundles
		}
	}
	return s.scanNodeModules(p)
}

// bundler is a package whose tarball ships some of its dependencies.
type bundler struct {
	path    string
	bundles map[string]bool
}

// parentOf returns the package whose node_modules holds the package at p
// ("node_modules/a/node_modules/b" → node_modules/a) when it bundles
// dependencies.
func (s *scanner) parentOf(p string) *bundler {
	i := strings.LastIndex(p, "/node_modules/")
	if i < 0 {
		return nil
	}
	if b, ok := s.bundlers[p[:i]]; ok {
		return &bundler{path: p[:i], bundles: b}
	}
	return nil
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
