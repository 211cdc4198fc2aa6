package bundle

import (
	"bytes"
	"encoding/csv"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Python bundles. A deployment package as Lambda's Python runtimes take it:
// the handler module at the root and distributions installed beside it
// (pip install -t .), or under python/ or python/lib/python3.X/site-packages
// as a layer lays them out. Distributions are the *.dist-info directories
// and legacy *.egg-info directories (or files) of those site directories.

// EcosystemPyPI is Package.Ecosystem for Python distributions (OSV's name).
const EcosystemPyPI = "PyPI"

// RuntimePython is Bundle.Runtime for Python bundles.
const RuntimePython = "python"

// defaultPythonHandlers are tried, in order, when no configuration names a
// handler: the file, and the functions looked for in it (the first one
// defined wins; else the first).
var defaultPythonHandlers = []struct {
	file  string
	funcs []string
}{
	{"lambda_function.py", []string{"lambda_handler", "handler"}},
	{"app.py", []string{"lambda_handler", "handler"}},
	{"handler.py", []string{"handler", "lambda_handler"}},
	{"main.py", []string{"handler", "lambda_handler"}},
}

var (
	pythonRuntimeRe = regexp.MustCompile(`^python3\.(\d{1,2})$`)
	sitePackagesRe  = regexp.MustCompile(`^python/lib/python3\.(\d{1,2})/site-packages$`)
	abiTagRe        = regexp.MustCompile(`\.cpython-3(\d{1,2})-`)
	identRe         = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	reqNameRe       = regexp.MustCompile(`^\s*([A-Za-z0-9][A-Za-z0-9._-]*)`)
	pep503Re        = regexp.MustCompile(`[-_.]+`)
	funcDefRe       = regexp.MustCompile(`(?m)^(?:async\s+)?def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
)

// IsPythonRuntime reports whether r is a Lambda Python runtime identifier
// such as "python3.12".
func IsPythonRuntime(r string) bool { return pythonRuntimeRe.MatchString(r) }

// NormalizeName returns the PEP 503 normalised form of a distribution
// name: lower case, runs of "-", "_" and "." as one "-".
func NormalizeName(name string) string {
	return strings.ToLower(pep503Re.ReplaceAllString(strings.TrimSpace(name), "-"))
}

// looksPython reports whether the bundle holds Python code or
// distributions at its root or in a layer's python/ directory.
func (t *tree) looksPython() bool {
	for _, dir := range t.pythonSiteDirs() {
		for _, c := range t.children[dir] {
			if strings.HasSuffix(c, ".py") || strings.HasSuffix(c, ".dist-info") || strings.HasSuffix(c, ".egg-info") {
				return true
			}
		}
	}
	return false
}

// pythonSiteDirs lists the bundle's site directories that exist: "" (the
// root, pip install -t), "python" and "python/lib/python3.X/site-packages"
// (a layer's layouts).
func (t *tree) pythonSiteDirs() []string {
	out := []string{""}
	if _, ok := t.dir("python"); !ok {
		return out
	}
	out = append(out, "python")
	if real, ok := t.dir("python/lib"); ok {
		for _, c := range t.children[real] {
			d := "python/lib/" + c + "/site-packages"
			if _, ok := t.dir(d); ok && sitePackagesRe.MatchString(d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// detectPython fills in a Python bundle's runtime, target and handler from
// fn (the function a template or the handler option names, or nil).
func detectPython(b *Bundle, t *tree, fn *function, opts Options) error {
	b.Runtime = RuntimePython
	b.SiteDirs = t.pythonSiteDirs()
	switch {
	case IsPythonRuntime(opts.Runtime):
		b.Target = opts.Runtime
	case fn != nil && IsPythonRuntime(fn.runtime):
		b.Target = fn.runtime
	default:
		b.Target = t.pythonTarget()
	}
	if fn != nil {
		if err := checkPythonHandler(fn.origin, fn.handler); err != nil {
			return err
		}
		h := fn.handler
		if fn.codeURI != "" {
			if _, ok := t.pythonHandlerFile(path.Join(fn.codeURI, h), b.SiteDirs); ok {
				h = path.Join(fn.codeURI, h)
			}
		}
		file, ok := t.pythonHandlerFile(h, b.SiteDirs)
		if !ok {
			mod := pythonHandlerModule(h)
			return inputErr(fn.origin, "names the handler %q, but its module %s is not in the bundle (looked for %s.py and %s/__init__.py); fix the handler or set it explicitly",
				fn.handler, mod, strings.ReplaceAll(mod, ".", "/"), strings.ReplaceAll(mod, ".", "/"))
		}
		b.Handler, b.HandlerFile = h, file
		return nil
	}
	for _, d := range defaultPythonHandlers {
		real, e := t.lookup(d.file)
		if e == nil || e.kind != kindFile {
			continue
		}
		fname := d.funcs[0]
		if data, err := t.readSmall(real); err == nil {
			defined := map[string]bool{}
			for _, m := range funcDefRe.FindAllSubmatch(data, -1) {
				defined[string(m[1])] = true
			}
			if i := slices.IndexFunc(d.funcs, func(f string) bool { return defined[f] }); i >= 0 {
				fname = d.funcs[i]
			}
		}
		b.Handler, b.HandlerFile = strings.TrimSuffix(d.file, ".py")+"."+fname, d.file
		return nil
	}
	return nil
}

// pythonTarget guesses the Python version a bundle was built for: a
// layer's python/lib/python3.X directory, else the ABI tag of a compiled
// extension (".cpython-312-x86_64-linux-gnu.so"); "" when nothing says.
func (t *tree) pythonTarget() string {
	for _, d := range t.pythonSiteDirs() {
		if m := sitePackagesRe.FindStringSubmatch(d); m != nil {
			return "python3." + m[1]
		}
	}
	for _, n := range t.names {
		if m := abiTagRe.FindStringSubmatch(path.Base(n)); m != nil && strings.HasSuffix(n, ".so") {
			return "python3." + m[1]
		}
	}
	return ""
}

// checkPythonHandler validates a handler the way the Lambda Python runtime
// reads it: "<module path>.<function>", the module path dotted or with
// slashes ("src/app.handler", "pkg.mod.handler").
func checkPythonHandler(origin, h string) error {
	i := strings.LastIndexByte(h, '.')
	switch {
	case h == "" || len(h) > 128 || strings.IndexFunc(h, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) >= 0 || i <= 0 || i == len(h)-1:
		return inputErr(origin, "handler %q is not of the form module.function (e.g. lambda_function.lambda_handler or src/app.handler)", h)
	case path.IsAbs(h) || strings.HasPrefix(path.Clean(h), "../") || path.Clean(h) == "..":
		return inputErr(origin, "handler %q points outside the bundle; give it relative to the bundle root", h)
	case !identRe.MatchString(h[i+1:]):
		return inputErr(origin, "handler %q: %q is not a Python function name", h, h[i+1:])
	}
	for _, part := range strings.Split(strings.ReplaceAll(h[:i], "/", "."), ".") {
		if !identRe.MatchString(part) {
			return inputErr(origin, "handler %q: the module path %q is not a dotted Python module name", h, h[:i])
		}
	}
	return nil
}

// pythonHandlerModule is the module a handler names, dotted:
// "src/app.handler" → "src.app".
func pythonHandlerModule(h string) string {
	i := strings.LastIndexByte(h, '.')
	if i < 0 {
		return h
	}
	return strings.ReplaceAll(h[:i], "/", ".")
}

// pythonHandlerFile resolves a handler's module to its file: mod.py or
// mod/__init__.py below the root, then below the site directories.
func (t *tree) pythonHandlerFile(h string, sites []string) (string, bool) {
	rel := strings.ReplaceAll(pythonHandlerModule(h), ".", "/")
	for _, s := range sites {
		for _, c := range []string{rel + ".py", rel + "/__init__.py"} {
			if p := path.Join(s, c); t.isFile(p) {
				return p, true
			}
		}
	}
	return "", false
}

// pyDist is a distribution while the inventory is being made.
type pyDist struct {
	pkg   *Package
	site  string   // bundle-relative site directory ("" is the root)
	files []string // site-relative files from RECORD or installed-files.txt
	top   []string // top_level.txt
	deps  []string // normalised names of unconditional Requires-Dist
}

// inventoryPython lists the distributions of every site directory, maps
// files to the distributions that installed them, and resolves
// Requires-Dist to the installed distributions.
func inventoryPython(b *Bundle, t *tree) error {
	var dists []*pyDist
	for _, site := range b.SiteDirs {
		real, _ := t.dir(site)
		seen := map[string]bool{} // normalised names: a dist-info wins over an egg-info
		var egg []string
		for _, c := range t.children[real] {
			switch {
			case strings.HasSuffix(c, ".dist-info"):
				d, err := readDistInfo(t, site, c)
				if err != nil {
					return err
				}
				if d == nil {
					continue
				}
				seen[NormalizeName(d.pkg.Name)] = true
				dists = append(dists, d)
			case strings.HasSuffix(c, ".egg-info"):
				egg = append(egg, c)
			}
		}
		for _, c := range egg {
			d, err := readEggInfo(t, site, c)
			if err != nil {
				return err
			}
			if d == nil || seen[NormalizeName(d.pkg.Name)] {
				continue
			}
			seen[NormalizeName(d.pkg.Name)] = true
			dists = append(dists, d)
		}
	}
	slices.SortFunc(dists, func(x, y *pyDist) int { return strings.Compare(x.pkg.Path, y.pkg.Path) })
	b.owners = map[string]string{}
	byName := map[string]*Package{}
	for _, d := range dists {
		own := func(p string) {
			if _, taken := b.owners[p]; !taken {
				b.owners[p] = d.pkg.Path
			}
		}
		own(d.pkg.Path)
		for _, f := range d.files {
			own(path.Join(d.site, f))
		}
		if len(d.files) == 0 {
			// No file list: the top-level modules and packages are its.
			for _, m := range d.top {
				for _, cand := range []string{m, m + ".py"} {
					if p := path.Join(d.site, cand); t.exists(p) {
						own(p)
					}
				}
				for _, c := range t.children[d.siteReal(t)] {
					if strings.HasPrefix(c, m+".") && strings.HasSuffix(c, ".so") {
						own(path.Join(d.site, c))
					}
				}
			}
		}
		if _, dup := byName[NormalizeName(d.pkg.Name)]; !dup {
			byName[NormalizeName(d.pkg.Name)] = d.pkg
		}
	}
	ownDirs(b)
	b.strayPth = strayPthFiles(t, b)
	for _, d := range dists {
		d.pkg.Modules = pythonModules(t, b, d)
		d.pkg.Pth = pthFiles(t, b, d)
		for _, dep := range d.deps {
			if q := byName[dep]; q != nil && q != d.pkg {
				d.pkg.Requires = append(d.pkg.Requires, q.Path)
			}
		}
		slices.Sort(d.pkg.Requires)
		d.pkg.Requires = slices.Compact(d.pkg.Requires)
		b.Packages = append(b.Packages, d.pkg)
	}
	b.byPath = make(map[string]*Package, len(b.Packages))
	for _, p := range b.Packages {
		b.byPath[p.Path] = p
	}
	return nil
}

// ownDirs gives each directory all of whose listed files one distribution
// installed to that distribution (so that files no RECORD lists, such as
// __pycache__/*.pyc, belong to it too). Directories shared by several
// (namespace packages) belong to none.
func ownDirs(b *Bundle) {
	dirs := map[string]string{}
	const shared = "\x00"
	for f, owner := range b.owners {
		for d := path.Dir(f); d != "." && d != "/"; d = path.Dir(d) {
			if slices.Contains(b.SiteDirs, d) {
				break
			}
			if prev, ok := dirs[d]; ok && prev != owner {
				dirs[d] = shared
			} else if !ok {
				dirs[d] = owner
			}
		}
	}
	for d, owner := range dirs {
		if _, ok := b.owners[d]; !ok && owner != shared {
			b.owners[d] = owner
		}
	}
}

func (d *pyDist) siteReal(t *tree) string {
	real, _ := t.dir(d.site)
	return real
}

// exists reports whether p is a file or directory of the bundle.
func (t *tree) exists(p string) bool {
	_, e := t.lookup(p)
	return e != nil && (e.kind == kindFile || e.kind == kindDir)
}

// readDistInfo reads site/dir (a *.dist-info directory): METADATA for
// name, version and Requires-Dist, RECORD for the files, top_level.txt.
// A *.dist-info that is not a directory is skipped.
func readDistInfo(t *tree, site, dir string) (*pyDist, error) {
	p := path.Join(site, dir)
	if _, ok := t.dir(p); !ok {
		return nil, nil
	}
	meta := path.Join(p, "METADATA")
	hdr, err := readMetadata(t, meta)
	if err != nil {
		return nil, err
	}
	d := &pyDist{site: site, pkg: &Package{Path: p, Ecosystem: EcosystemPyPI}}
	if err := d.fill(meta, hdr, dir, ".dist-info"); err != nil {
		return nil, err
	}
	for _, r := range hdr["requires-dist"] {
		if n := requirementName(r); n != "" {
			d.deps = append(d.deps, n)
		}
	}
	if data, ok, err := readOptional(t, path.Join(p, "RECORD")); err != nil {
		return nil, err
	} else if ok {
		if d.files, err = parseRecord(path.Join(p, "RECORD"), data); err != nil {
			return nil, err
		}
	}
	if data, ok, err := readOptional(t, path.Join(p, "top_level.txt")); err != nil {
		return nil, err
	} else if ok {
		d.top = lines(data)
	}
	return d, nil
}

// readEggInfo reads a legacy site/name (*.egg-info): a directory with
// PKG-INFO, requires.txt, installed-files.txt and top_level.txt, or a
// single PKG-INFO-format file (distutils).
func readEggInfo(t *tree, site, name string) (*pyDist, error) {
	p := path.Join(site, name)
	d := &pyDist{site: site, pkg: &Package{Path: p, Ecosystem: EcosystemPyPI}}
	meta := p
	if _, isDir := t.dir(p); isDir {
		meta = path.Join(p, "PKG-INFO")
	} else if !t.isFile(p) {
		return nil, nil
	}
	hdr, err := readMetadata(t, meta)
	if err != nil {
		return nil, err
	}
	if err := d.fill(meta, hdr, name, ".egg-info"); err != nil {
		return nil, err
	}
	if meta == p {
		return d, nil
	}
	if data, ok, err := readOptional(t, path.Join(p, "requires.txt")); err != nil {
		return nil, err
	} else if ok {
		for _, l := range lines(data) {
			if strings.HasPrefix(l, "[") {
				break // [extra] and [:marker] sections follow the unconditional ones
			}
			if n := requirementName(l); n != "" {
				d.deps = append(d.deps, n)
			}
		}
	}
	if data, ok, err := readOptional(t, path.Join(p, "installed-files.txt")); err != nil {
		return nil, err
	} else if ok {
		for _, l := range lines(data) {
			if f, ok := siteRelative(path.Join(name, l)); ok {
				d.files = append(d.files, f)
			}
		}
	}
	if data, ok, err := readOptional(t, path.Join(p, "top_level.txt")); err != nil {
		return nil, err
	} else if ok {
		d.top = lines(data)
	}
	return d, nil
}

// fill sets name and version from the metadata headers, falling back on
// the directory name ("name-version.dist-info") for the version only.
func (d *pyDist) fill(file string, hdr map[string][]string, dir, suffix string) error {
	d.pkg.Name = first(hdr["name"])
	d.pkg.Version = first(hdr["version"])
	if d.pkg.Name == "" {
		return inputErr(file, "has no Name header; reinstall the distribution (pip install -t .) or remove %s", dir)
	}
	if d.pkg.Version == "" {
		stem := strings.TrimSuffix(dir, suffix)
		if i := strings.IndexByte(stem, '-'); i > 0 {
			d.pkg.Version = strings.SplitN(stem[i+1:], "-", 2)[0]
		}
	}
	return nil
}

func first(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return l[0]
}

// readOptional reads a small metadata file; ok is false when it is absent.
func readOptional(t *tree, p string) (data []byte, ok bool, err error) {
	real, e := t.lookup(p)
	if e == nil || e.kind != kindFile {
		return nil, false, nil
	}
	if e.size > maxConfigBytes {
		return nil, false, limitErr(p, "", "is larger than %d bytes; a distribution's metadata is never that large, reinstall it", maxConfigBytes)
	}
	data, err = t.readFile(real)
	if err != nil {
		return nil, false, stageErr(p, err)
	}
	return data, true, nil
}

// readMetadata parses a METADATA or PKG-INFO file (RFC 822 headers, the
// body after the first blank line ignored) into lower-cased header names
// and their values in order.
func readMetadata(t *tree, p string) (map[string][]string, error) {
	data, ok, err := readOptional(t, p)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, inputErr(p, "is missing; the distribution's metadata is incomplete, reinstall it (pip install -t .) or remove the directory")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, inputErr(p, "is binary, not distribution metadata; reinstall the distribution or remove it")
	}
	hdr := map[string][]string{}
	var last string
	for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if strings.TrimSpace(l) == "" {
			break
		}
		if (l[0] == ' ' || l[0] == '\t') && last != "" {
			vs := hdr[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(l)
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue // tolerated, as pip tolerates it
		}
		last = strings.ToLower(strings.TrimSpace(k))
		hdr[last] = append(hdr[last], strings.TrimSpace(v))
	}
	return hdr, nil
}

// requirementName returns the normalised distribution name of a
// requirement ("requests (>=2.0) ; python_version < '4'" → "requests"),
// or "" for requirements that only apply with an extra.
func requirementName(r string) string {
	if _, marker, ok := strings.Cut(r, ";"); ok && strings.Contains(marker, "extra") {
		return ""
	}
	m := reqNameRe.FindStringSubmatch(r)
	if m == nil {
		return ""
	}
	return NormalizeName(m[1])
}

// parseRecord reads a RECORD file (CSV: path, hash, size) and returns the
// site-relative paths it lists, leaving out those outside the site
// directory (scripts installed into ../../bin).
func parseRecord(name string, data []byte) ([]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var out []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &InputError{Path: name, Msg: "is not a valid RECORD (CSV of path, hash, size); reinstall the distribution", Err: err}
		}
		if len(rec) == 0 || rec[0] == "" {
			continue
		}
		if f, ok := siteRelative(rec[0]); ok {
			out = append(out, f)
		}
	}
	return out, nil
}

// siteRelative cleans a site-relative path and reports whether it stays
// inside the site directory.
func siteRelative(p string) (string, bool) {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	if path.IsAbs(p) || p == "." || p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

func lines(data []byte) []string {
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// pythonModules lists the modules importing a distribution means: its
// top-level packages and modules (top_level.txt, else the top-level names
// of its files); for a namespace package (a directory without
// __init__.py), the packages below it that the distribution owns.
func pythonModules(t *tree, b *Bundle, d *pyDist) []string {
	tops := slices.Clone(d.top)
	if len(tops) == 0 {
		seen := map[string]bool{}
		for _, f := range d.files {
			top, _, nested := strings.Cut(f, "/")
			switch {
			case nested && !strings.HasSuffix(top, ".dist-info") && !strings.HasSuffix(top, ".egg-info") && top != "__pycache__":
			case !nested && strings.HasSuffix(top, ".py"):
				top = strings.TrimSuffix(top, ".py")
			case !nested && strings.HasSuffix(top, ".so"):
				top = strings.SplitN(top, ".", 2)[0]
			default:
				continue
			}
			if !seen[top] {
				seen[top] = true
				tops = append(tops, top)
			}
		}
	}
	var out []string
	for _, m := range tops {
		m = strings.ReplaceAll(strings.TrimSpace(m), "/", ".")
		if !identRe.MatchString(strings.ReplaceAll(m, ".", "_")) || strings.HasPrefix(m, ".") {
			continue
		}
		dir := path.Join(d.site, strings.ReplaceAll(m, ".", "/"))
		real, isDir := t.dir(dir)
		if !isDir || t.isFile(path.Join(dir, "__init__.py")) || t.exists(path.Join(dir, "__init__.pyc")) {
			if isDir || t.isFile(dir+".py") || t.hasExtension(d.site, m) {
				out = append(out, m)
			}
			continue
		}
		// A namespace package: import the packages of it this distribution owns.
		for _, c := range t.children[real] {
			sub := path.Join(dir, c)
			if !identRe.MatchString(strings.TrimSuffix(c, ".py")) || b.Owner(sub) != d.pkg.Path && b.Owner(path.Join(sub, "__init__.py")) != d.pkg.Path {
				continue
			}
			if t.isFile(path.Join(sub, "__init__.py")) || strings.HasSuffix(c, ".py") {
				out = append(out, m+"."+strings.TrimSuffix(c, ".py"))
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	// Private top-level modules (C speed-ups, compatibility shims such as
	// PyYAML's _yaml) are what the public ones load, not an entry point.
	if public := slices.DeleteFunc(slices.Clone(out), func(m string) bool { return strings.HasPrefix(m, "_") }); len(public) > 0 {
		return public
	}
	return out
}

// hasExtension reports whether site holds a compiled module m
// ("m.cpython-312-x86_64-linux-gnu.so", "m.abi3.so", "m.so").
func (t *tree) hasExtension(site, m string) bool {
	if strings.Contains(m, ".") {
		return false
	}
	real, _ := t.dir(site)
	for _, c := range t.children[real] {
		if strings.HasPrefix(c, m+".") && strings.HasSuffix(c, ".so") {
			return true
		}
	}
	return false
}

// pthFiles lists the .pth files of d's site directory that d installed.
func pthFiles(t *tree, b *Bundle, d *pyDist) []string {
	var out []string
	for _, c := range t.children[d.siteReal(t)] {
		p := path.Join(d.site, c)
		if strings.HasSuffix(c, ".pth") && t.isFile(p) && b.owners[p] == d.pkg.Path {
			out = append(out, p)
		}
	}
	return out
}

// PthFiles lists every .pth file in the bundle's site directories, with
// the install path of the distribution that installed it ("" when none
// did), sorted by path.
func (b *Bundle) PthFiles() []PthFile {
	var out []PthFile
	for _, p := range b.Packages {
		for _, f := range p.Pth {
			out = append(out, PthFile{Path: f, Owner: p.Path})
		}
	}
	for _, f := range b.strayPth {
		out = append(out, PthFile{Path: f})
	}
	slices.SortFunc(out, func(x, y PthFile) int { return strings.Compare(x.Path, y.Path) })
	return out
}

// PthFile is a .pth file of a site directory.
type PthFile struct {
	Path  string // bundle-relative
	Owner string // install path of the distribution that installed it; "" none
}

// strayPthFiles lists the .pth files no distribution claims.
func strayPthFiles(t *tree, b *Bundle) []string {
	var out []string
	for _, site := range b.SiteDirs {
		real, _ := t.dir(site)
		for _, c := range t.children[real] {
			p := path.Join(site, c)
			if strings.HasSuffix(c, ".pth") && t.isFile(p) && b.owners[p] == "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// OwnedFiles maps bundle-relative paths (files, and directories whose whole
// content one distribution installed) to the install path of that
// distribution, for Python bundles; nil for others. The in-sandbox hook
// uses it to attribute frames.
func (b *Bundle) OwnedFiles() map[string]string { return b.owners }

// pythonOwner is Owner for Python bundles: the distribution whose RECORD
// lists the file or one of its directories; a compiled __pycache__ file
// belongs to whoever installed its source.
func (b *Bundle) pythonOwner(p string) string {
	if dir, base := path.Split(p); path.Base(dir) == "__pycache__" && strings.HasSuffix(base, ".pyc") {
		src := path.Join(path.Dir(path.Clean(dir)), strings.SplitN(base, ".", 2)[0]+".py")
		if o := b.owners[src]; o != "" {
			return o
		}
	}
	for {
		if o := b.owners[p]; o != "" {
			return o
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}
