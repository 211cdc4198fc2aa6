package bundle

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// BundledSeparator joins a bundle file and the install path of a package
// bundled into it in the package's Path: "index.js#node_modules/ms".
const BundledSeparator = profile.BundledSeparator

// BundleFile is a JavaScript file of the function that carries npm
// packages inside it (esbuild, webpack, rollup output): which packages,
// how depbox knows, and which stretch of the file is whose code.
type BundleFile struct {
	// Path is bundle-relative: "index.js", "dist/handler.mjs".
	Path string `json:"path"`
	// From says how the packages were recovered: "source-map" (Map names
	// the map file, "inline" for a data: URL), "esbuild-comments" or
	// "webpack-ids".
	From string `json:"from"`
	Map  string `json:"map,omitempty"`
	// Packages are the Paths of the bundled packages, sorted.
	Packages []string `json:"packages"`
	// Regions cover the file in order: from each region's start to the
	// next one's, the code is Owner's ("" the function's own).
	Regions []Region `json:"-"`
	// LoaderSites are the positions of webpack's module eval calls
	// (loading a module, not a package running eval).
	LoaderSites []Position `json:"-"`
	// EvalOwners maps the SHA-256 of the code of each webpack module eval
	// (what V8's CallSite.getScriptHash gives for its frames) to its owner.
	EvalOwners map[string]string `json:"-"`
}

// Region is where one owner's code starts in a bundle file.
type Region struct {
	Position
	Owner string // a bundled package's Path, or "" for the function's own code
}

// Position is a place in a file, line and column 1-based (as V8 reports
// them in call sites).
type Position struct{ Line, Col int }

// bundledPackage is what a bundle file says about one package inside it.
type bundledPackage struct {
	name, installPath, version string
}

// pnpmDir and yarnCacheDir read versions off the directory names of
// pnpm's store ("node_modules/.pnpm/@s+b@1.2.3_peer@1/node_modules/@s/b")
// and yarn's zip cache (".yarn/cache/ms-npm-2.1.3-0123abcd.zip/node_modules/ms").
var (
	pnpmDir      = regexp.MustCompile(`(?:^|/)node_modules/\.pnpm/((?:@[^/+]+\+)?[^/@]+)@([^/_(]+)[^/]*/node_modules/`)
	yarnCacheDir = regexp.MustCompile(`(?:^|/)\.yarn/(?:berry/)?cache/((?:@[^/]+-)?[^/]+?)-npm-([0-9][^/]*?)-[0-9a-f]{6,}(?:-[0-9a-f]+)?\.zip/node_modules/`)
)

// packageOfSource returns the package an original source file of a bundle
// belongs to: its install path from the first node_modules directory on
// (so that "../../node_modules/a/node_modules/@s/b/x.js" is
// "node_modules/a/node_modules/@s/b") and its name. ok is false for the
// function's own sources and the bundler's (webpack/runtime, <runtime>).
func packageOfSource(src string) (installPath, name string, ok bool) {
	s := src
	if i := strings.Index(s, "://"); i >= 0 { // webpack://app/./node_modules/…, file:///…
		s = s[i+3:]
		if j := strings.IndexByte(s, '/'); j >= 0 {
			s = s[j:]
		}
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimPrefix(s, "(disabled):")
	s = path.Clean("/" + strings.ReplaceAll(s, "\\", "/"))
	first := strings.Index(s, "/node_modules/")
	last := strings.LastIndex(s, "/node_modules/")
	if first < 0 {
		return "", "", false
	}
	rest := s[last+len("/node_modules/"):]
	parts := strings.Split(rest, "/")
	n := 1
	if strings.HasPrefix(parts[0], "@") {
		n = 2
	}
	if len(parts) <= n || parts[0] == "" || strings.HasPrefix(parts[0], ".") || n == 2 && parts[1] == "" {
		return "", "", false // a file directly in node_modules, or the .pnpm store itself
	}
	name = strings.Join(parts[:n], "/")
	return s[first+1:last+len("/node_modules/")] + name, name, true
}

// versionFromPath reads a version off a store directory name on the path
// of a bundled package (pnpm, yarn's cache), when the name matches.
func versionFromPath(installPath, name string) string {
	for _, m := range pnpmDir.FindAllStringSubmatch(installPath, -1) {
		if strings.ReplaceAll(m[1], "+", "/") == name {
			return m[2]
		}
	}
	for _, m := range yarnCacheDir.FindAllStringSubmatch(installPath, -1) {
		if n := m[1]; n == name || strings.HasPrefix(name, "@") && strings.Replace(n, "-", "/", 1) == name {
			return m[2]
		}
	}
	return ""
}

// inventoryBundled finds the function's bundle files — JavaScript files
// outside node_modules whose source map, esbuild region comments or webpack
// module ids name code from node_modules — and adds every package bundled
// into them to b.Packages, with the version the lockfile (lock, then the
// bundle's own), the package.json in the map's sourcesContent or the
// package store's directory name gives, else profile.VersionUnknown.
// Files that look bundled but say nothing about their modules are listed
// in b.Opaque.
func inventoryBundled(b *Bundle, t *tree, lock, own *lockfile) error {
	for _, n := range t.names {
		e := t.entries[n]
		if e.kind != kindFile || !isJS(n) || e.size == 0 || inNodeModules(n) {
			continue
		}
		js, err := t.readFile(n)
		if err != nil {
			return fmt.Errorf("reading %s: %w", n, err)
		}
		bf, pkgs, err := readBundleFile(t, n, js)
		if err != nil {
			return err
		}
		if bf == nil {
			if looksBundled(js) {
				b.Opaque = append(b.Opaque, n)
			}
			continue
		}
		for _, bp := range pkgs {
			p := &Package{Name: bp.name, Version: bp.version, Path: bf.Path + BundledSeparator + bp.installPath, BundledIn: bf.Path}
			for _, l := range []*lockfile{lock, own} {
				if le, ok := l.find(bp.installPath, bp.name, p.Version); ok {
					if p.Version == "" {
						p.Version = le.version
					}
					p.Integrity = le.integrity
					break
				}
			}
			if p.Version == "" {
				p.Version = profile.VersionUnknown
			}
			b.Packages = append(b.Packages, p)
		}
		b.BundleFiles = append(b.BundleFiles, bf)
	}
	slices.SortFunc(b.Packages, func(x, y *Package) int { return strings.Compare(x.Path, y.Path) })
	b.byPath = nil
	b.byPath = b.index()
	return nil
}

// inNodeModules reports whether a bundle path lies in a node_modules directory.
func inNodeModules(p string) bool {
	return strings.HasPrefix(p, "node_modules/") || strings.Contains(p, "/node_modules/")
}

// looksBundled is the guess for a file that carries no module information:
// a bundler's runtime helpers, or a minified file of some size.
func looksBundled(js []byte) bool {
	s := string(js)
	if strings.Contains(s, "__webpack_require__") || strings.Contains(s, "__commonJS(") || strings.Contains(s, "__commonJS={") {
		return true
	}
	lines := strings.Count(s, "\n") + 1
	return len(js) > 16<<10 && len(js)/lines > 500
}

// readBundleFile reads one candidate: its source map (the
// sourceMappingURL comment, else <file>.map beside it), else its region
// comments. It returns nil when nothing in it comes from node_modules.
func readBundleFile(t *tree, name string, js []byte) (*BundleFile, []bundledPackage, error) {
	bf := &BundleFile{Path: name}
	var sources []mappedSource
	var owners []string // by source: the owning package's Path, "" the function's
	var evalHashes map[string]int
	var segs []segmentStart
	mapName, mapData, err := findSourceMap(t, name, js)
	if err != nil {
		return nil, nil, err
	}
	if mapData != nil {
		m, err := parseSourceMap(mapName, mapData)
		if err != nil {
			return nil, nil, err
		}
		if segs, err = m.segments(&sources); err != nil {
			return nil, nil, inputErr(mapName, "has unreadable mappings (%v); rebuild the bundle or remove the map", err)
		}
		bf.From, bf.Map = "source-map", mapName
	} else {
		var found bool
		segs, bf.LoaderSites, evalHashes, found = regionsOf(js, &sources)
		if !found {
			return nil, nil, nil
		}
		bf.From = "esbuild-comments"
		if len(bf.LoaderSites) > 0 || slices.ContainsFunc(sources, func(s mappedSource) bool { return strings.HasPrefix(s.path, "./") }) {
			bf.From = "webpack-ids"
		}
	}

	owners = make([]string, len(sources))
	pkgs := map[string]*bundledPackage{}
	for i, s := range sources {
		ip, pname, ok := packageOfSource(s.path)
		if !ok {
			continue
		}
		owners[i] = name + BundledSeparator + ip
		bp := pkgs[ip]
		if bp == nil {
			bp = &bundledPackage{name: pname, installPath: ip, version: versionFromPath(ip, pname)}
			pkgs[ip] = bp
		}
		if path.Base(s.path) == "package.json" && path.Dir(strings.TrimPrefix(path.Clean("/"+s.path), "/")) != "" {
			if v := manifestVersion(s.content, pname); v != "" && bp.version == "" {
				bp.version = v
			}
		}
	}
	if len(pkgs) == 0 {
		return nil, nil, nil
	}
	for h, src := range evalHashes {
		if bf.EvalOwners == nil {
			bf.EvalOwners = map[string]string{}
		}
		bf.EvalOwners[h] = owners[src]
	}
	if bf.From != "source-map" {
		inlinedManifests(js, segs, sources, pkgs)
	}
	for _, s := range segs {
		owner := ""
		if s.source >= 0 {
			owner = owners[s.source]
		}
		if k := len(bf.Regions); k > 0 && bf.Regions[k-1].Owner == owner {
			continue
		}
		if k := len(bf.Regions); k == 0 && owner == "" {
			continue // the file starts as the function's own code
		}
		bf.Regions = append(bf.Regions, Region{Position: Position{s.at.line, s.at.col}, Owner: owner})
	}
	var out []bundledPackage
	for ip, bp := range pkgs {
		bf.Packages = append(bf.Packages, name+BundledSeparator+ip)
		out = append(out, *bp)
	}
	slices.Sort(bf.Packages)
	slices.SortFunc(out, func(a, b bundledPackage) int { return strings.Compare(a.installPath, b.installPath) })
	return bf, out, nil
}

// regionsOf adapts regions to Position.
func regionsOf(js []byte, sources *[]mappedSource) ([]segmentStart, []Position, map[string]int, bool) {
	segs, sites, hashes, found := regions(js, sources)
	out := make([]Position, len(sites))
	for i, s := range sites {
		out[i] = Position{s.line, s.col}
	}
	return segs, out, hashes, found
}

// manifestVersion reads the version out of a package.json's text when it
// names the package.
func manifestVersion(content, name string) string {
	var pj struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	if content == "" || json.Unmarshal([]byte(content), &pj) != nil || pj.Name != name {
		return ""
	}
	return pj.Version
}

// inlinedManifests fills in versions from package.json files a bundle
// without a map inlined as code (a package reading its own version): the
// text of the region of "<package>/package.json".
func inlinedManifests(js []byte, segs []segmentStart, sources []mappedSource, pkgs map[string]*bundledPackage) {
	lineStart := []int{0}
	for i, c := range js {
		if c == '\n' {
			lineStart = append(lineStart, i+1)
		}
	}
	offset := func(line int) int {
		if line-1 < len(lineStart) {
			return lineStart[line-1]
		}
		return len(js)
	}
	for i, s := range segs {
		if s.source < 0 || path.Base(sources[s.source].path) != "package.json" {
			continue
		}
		ip, _, ok := packageOfSource(sources[s.source].path)
		if !ok || pkgs[ip] == nil || pkgs[ip].version != "" {
			continue
		}
		end := len(js)
		if i+1 < len(segs) {
			end = offset(segs[i+1].at.line)
		}
		if m := jsonVersion.FindSubmatch(js[offset(s.at.line):end]); m != nil {
			pkgs[ip].version = string(m[1])
		}
	}
}

// findSourceMap returns the source map of a bundle file: a data: URL, a
// file the sourceMappingURL comment names (inside the bundle), else
// <name>.map beside it; nil data when there is none.
func findSourceMap(t *tree, name string, js []byte) (mapName string, data []byte, err error) {
	u := sourceMappingURL(js)
	if u != "" {
		d, isData, err := inlineMap(u)
		if isData {
			if err != nil {
				return "", nil, inputErr(name, "has an unreadable inline source map (%v); rebuild the bundle", err)
			}
			return "inline", d, nil
		}
		if strings.Contains(u, "://") || strings.HasPrefix(u, "/") {
			u = "" // a map on a server or outside the bundle: look beside the file
		}
	}
	candidates := []string{name + ".map"}
	if u != "" {
		if p, err := url.PathUnescape(u); err == nil {
			candidates = append([]string{path.Join(path.Dir(name), p)}, candidates...)
		}
	}
	for _, c := range candidates {
		if c == ".." || strings.HasPrefix(c, "../") {
			continue
		}
		real, e := t.lookup(c)
		if e == nil || e.kind != kindFile {
			continue
		}
		data, err := t.readFile(real)
		if err != nil {
			return "", nil, fmt.Errorf("reading %s: %w", c, err)
		}
		return c, data, nil
	}
	return "", nil, nil
}
