// Package bundle takes in a serverless function bundle — a directory or a
// Lambda .zip deployment package — and describes it: it stages a validated
// copy that the sandbox mounts read-only at /var/task, detects the runtime
// (Node.js or Python) and handler, and inventories every installed npm
// package (install path, version, integrity, lifecycle scripts, resolved
// dependencies) or Python distribution (dist-info or egg-info, the files
// and modules it installed, its Requires-Dist graph).
// Survey describes a directory bundle the same way without copying it
// (its files' hashes remembered by identity between scans), for a re-scan
// that may need no sandbox.
//
// A bundle is hostile input. Open never writes outside the destination
// directory and never follows a link out of the bundle, and it rejects with
// an error matching ErrInput (an *InputError naming the file and saying what
// to do): zip-slip names, duplicate zip entries, symlinks whose target leaves
// the bundle, device files, fifos and sockets, encrypted entries, archives
// that exceed Options' limits or inflate suspiciously (zip bombs; sizes are
// counted on the bytes actually decompressed, never taken from headers),
// unsupported runtimes and malformed package.json, lockfiles and templates.
//
// Layout decisions:
//
//   - A zip is extracted as is. A zip whose content sits under a single top
//     directory ("fn/index.js", "fn/node_modules/...") is not unwrapped:
//     Lambda runs code from the zip root, and so does depbox.
//   - A directory is copied as is, except for a .git directory at its root
//     (the developer's checkout, never part of a deployment), which is
//     skipped. Nothing else is skipped.
//   - Symlinks are kept when their target, resolved relative to the link's
//     directory and through the bundle's other symlinks, stays inside the
//     bundle (node_modules/.bin links do); a target that does not exist is
//     allowed. An absolute link in a directory bundle that points inside the
//     directory is rewritten to a relative one.
//   - The handler comes from, in order: Options.Handler; a SAM or
//     CloudFormation template at the root (template.yaml, template.yml,
//     template.json): the first AWS::Serverless::Function or
//     AWS::Lambda::Function by logical id that has a plain-string Handler
//     and a Node.js (or unstated) Runtime, SAM Globals applied, its local
//     CodeUri (Code) directory prefixed (and that directory's
//     node_modules listed beside the root's: sam build's layout);
//     serverless.yml (serverless.yaml): the first functions.<name>.handler
//     by name; Options.Function picks another function of either by name; the first existing of
//     index.js, index.mjs, index.cjs, app.js, handler.js, lambda.js,
//     src/index.js ("<file>.handler"); the root package.json "main". The
//     handler module is resolved like the Node.js Lambda runtime does (the
//     name as is, then .js, .mjs, .cjs, then as a directory or package).
//   - Packages are the directories with a package.json below node_modules,
//     nested node_modules and @scope directories included; dot entries
//     (.bin, .package-lock.json, .cache) are not packages. Packages are
//     listed where their files really are (Node resolves symlinks, and so
//     the hook and the syscall stream name them there): pnpm's store
//     (node_modules/.pnpm/<name>@<version>/node_modules/<name>) is read and
//     its links are left to what they point to; a directory symlink to a
//     directory outside any node_modules (an npm, yarn or pnpm workspace
//     package) is the function's own code, whose node_modules are listed.
//   - Python bundles (a Python runtime from the options or a template, or
//     .py files or distributions and no Node.js files): the site
//     directories are the root (pip install -t .), python/ and
//     python/lib/python3.X/site-packages (a layer's layouts). Every
//     *.dist-info directory and legacy *.egg-info directory or file there
//     is a distribution (a dist-info wins over an egg-info of the same
//     PEP 503 name in one directory): name and version from METADATA or
//     PKG-INFO, the files it installed from RECORD (or installed-files.txt;
//     else its top_level.txt modules), the graph from unconditional
//     Requires-Dist (requires.txt). Its install path is the metadata
//     directory's path. The handler is "module.function" ("src/app.handler",
//     "pkg.mod.handler"), resolved to module.py or module/__init__.py; by
//     default lambda_function.py's lambda_handler or app.py's
//     lambda_handler/handler. The target runtime comes from the options, the
//     template, a python/lib/python3.X directory or an extension's ABI tag.
//   - The installed node_modules tree is the truth about what is deployed.
//     The lockfile (npm-shrinkwrap.json, package-lock.json, the hidden
//     node_modules/.package-lock.json, yarn.lock v1, pnpm-lock.yaml or
//     pnpm's node_modules/.pnpm/lock.yaml, in that order) only contributes
//     integrity hashes, and only for packages whose installed version
//     matches it (by install path for npm's, by name and version for yarn's
//     and pnpm's); packages the lockfile lists but that are not installed,
//     and installed packages it lacks, are not errors.
package bundle

import (
	"archive/zip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/depbox/depbox/internal/contenthash"
)

// Default limits.
const (
	DefaultMaxFiles      = 200_000
	DefaultMaxTotalBytes = 2 << 30
	DefaultMaxFileBytes  = 256 << 20
)

// Options bound hostile input. Zero values mean the defaults.
type Options struct {
	MaxFiles      int    // files, directories and symlinks; default 200_000
	MaxTotalBytes int64  // uncompressed bytes of all files; default 2 GiB
	MaxFileBytes  int64  // uncompressed bytes of one file; default 256 MiB
	Handler       string // overrides the detected handler ("file.export"); optional
	// Function picks a function of the bundle's SAM/CloudFormation template
	// or serverless.yml by logical id or name (its handler, runtime and
	// code directory); optional, exclusive with Handler.
	Function string
	// Runtime overrides runtime detection: "nodejs", or a Lambda Python
	// runtime such as "python3.12"; optional.
	Runtime string
	// Lockfile is the project's lockfile on the host (package-lock.json,
	// npm-shrinkwrap.json, yarn.lock v1, pnpm-lock.yaml): the versions of
	// packages bundled into the function's JavaScript; optional.
	Lockfile string
	// Layers are the function's Lambda layers (directories or .zip files)
	// in the order Lambda applies them; LayerDir is the empty directory
	// they are staged into, merged, to be mounted read-only at /opt.
	Layers   []string
	LayerDir string
	// Memo is a directory of file-hash memos (contenthash.Tree): staging a
	// directory bundle remembers there the hash of every file it copied,
	// by the file's identity, for a later Survey; optional.
	Memo string
}

func (o Options) withDefaults() Options {
	if o.MaxFiles <= 0 {
		o.MaxFiles = DefaultMaxFiles
	}
	if o.MaxTotalBytes <= 0 {
		o.MaxTotalBytes = DefaultMaxTotalBytes
	}
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	return o
}

// Bundle is a staged, validated function bundle. Its methods only read it
// and are safe for concurrent use.
type Bundle struct {
	Root    string // absolute path of the staged copy (what gets mounted read-only at /var/task); "" for a surveyed bundle (Survey)
	Name    string // root package.json "name", else the base name of the source without .zip
	Digest  string // "sha256:<hex>" over the sorted tree (path, type, content or link target); deterministic
	Runtime string // "nodejs" or "python"
	// Target is the Lambda runtime the bundle is built for: for Python
	// ("python3.12") from the options, a template or the bundle's layout;
	// for Node.js ("nodejs24.x") from the function's template; "" when
	// unknown.
	Target string
	// SiteDirs are the bundle-relative directories Python distributions
	// are installed in ("" is the root: pip install -t .; "python" and
	// "python/lib/python3.X/site-packages" as in a layer). Python only.
	SiteDirs []string
	Handler  string // e.g. "index.handler"; "" if none found
	// Function is the template function the handler is that of ("" when
	// no template named it); Functions are all the functions of that
	// template or serverless.yml with a usable handler, in order.
	Function  string
	Functions []string
	// Unsupported are the template's functions of a runtime depbox does
	// not run, "Name (java21)": not among Functions, never scanned.
	Unsupported []string
	// CodeDir is the function's code directory when its template gives
	// one inside the bundle (SAM CodeUri, as in sam build's output: one
	// directory per function); its node_modules are listed beside the
	// root's. "" when the code is the bundle's root.
	CodeDir     string
	HandlerFile string     // bundle-relative path of the handler module, e.g. "index.mjs"; "" if none
	Lockfile    string     // bundle-relative lockfile the integrity hashes came from ("package-lock.json"), else ""
	Packages    []*Package // every installed and every bundled package, sorted by Path
	// BundleFiles are the function's JavaScript files that carry packages
	// inside them (esbuild, webpack), sorted by Path.
	BundleFiles []*BundleFile
	// Opaque are JavaScript files that look bundled (a bundler's runtime,
	// minified) but name none of their modules: no source map, no region
	// comments. What their packages do is the function's own.
	Opaque []string
	// Layers are the function's layers, in order; LayerRoot is their merged
	// staged copy (mounted read-only at /opt), "" without layers.
	Layers    []Layer
	LayerRoot string

	byPath map[string]*Package
	// owners maps bundle-relative files and directories to the install
	// path of the Python distribution that installed them.
	owners map[string]string
	// strayPth are .pth files of site directories no distribution installed.
	strayPth []string
	// staged is the tree as staging listed and hashed it (DirDigest).
	staged *tree
	// layers is the merged layers' tree as staging hashed it.
	layers *tree
}

// Package is one installed npm package.
type Package struct {
	// Name is the name the install path implies (node_modules/<name>); for
	// Python distributions the normalised distribution name.
	Name string `json:"name"`
	// ClaimedName is the name package.json gives when it differs from Name
	// (an npm alias, or a package posing as another).
	ClaimedName string `json:"claimedName,omitempty"`
	Version     string `json:"version"`
	// Path is the install directory, bundle-relative and slash-separated:
	// "node_modules/a", "node_modules/@s/b", "node_modules/a/node_modules/b".
	Path string `json:"path"`
	// Integrity is the lockfile's integrity ("sha512-...") when the lockfile
	// lists this path at the installed version, else "".
	Integrity string `json:"integrity,omitempty"`
	// Scripts holds the lifecycle scripts npm runs on install: preinstall,
	// install, postinstall. A binding.gyp without install or preinstall
	// script counts as install "node-gyp rebuild", as npm does, unless
	// package.json says "gypfile": false.
	Scripts map[string]string `json:"scripts,omitempty"`
	// Dependencies are the declared dependencies and optionalDependencies
	// (name → range).
	Dependencies map[string]string `json:"dependencies,omitempty"`
	// Requires are the install paths the declared dependencies resolve to by
	// Node's resolution (nearest node_modules walking up), sorted.
	// Dependencies that resolve nowhere (optional ones, typically) are left out.
	Requires []string `json:"requires,omitempty"`
	// BundledIn is set for a package bundled into a file of the function
	// (its Path is then "<file>#<install path>"): that file's path.
	BundledIn string `json:"bundledIn,omitempty"`
	// Layer names the layer a package comes from (its Path is then
	// absolute: "/opt/nodejs/node_modules/x").
	Layer string `json:"layer,omitempty"`
	// BundledBy is the install path of the package whose tarball ships
	// this one (npm's bundleDependencies): its code came with that
	// package, not from the registry under its own name and integrity.
	BundledBy  string `json:"bundledBy,omitempty"`
	Module     bool   `json:"module,omitempty"`     // package.json "type": "module"
	Main       string `json:"main,omitempty"`       // package.json "main"
	HasExports bool   `json:"hasExports,omitempty"` // package.json has "exports"

	// Python distributions (Path is the *.dist-info or *.egg-info path,
	// e.g. "requests-2.31.0.dist-info").

	// Ecosystem is "PyPI" for Python distributions, "" for npm packages.
	Ecosystem string `json:"ecosystem,omitempty"`
	// Modules are the modules importing the distribution means: its
	// top-level packages and modules (sub-packages for a namespace package).
	Modules []string `json:"modules,omitempty"`
	// Pth are the .pth files it installed in its site directory: their
	// import lines run at every interpreter start.
	Pth []string `json:"pth,omitempty"`
}

// Open stages the bundle at src (a directory or a .zip Lambda deployment
// package) into dst (an existing empty directory owned by the caller),
// validates it, detects the runtime and handler, and inventories every
// installed npm package. Nothing is ever written outside dst. On error, what
// Open wrote into dst is removed again. Errors caused by the bundle match
// ErrInput.
func Open(src, dst string, opts Options) (b *Bundle, err error) {
	opts = opts.withDefaults()
	dstAbs, err := filepath.Abs(dst)
	if err != nil {
		return nil, fmt.Errorf("staging directory %s: %w", dst, err)
	}
	if ents, err := os.ReadDir(dstAbs); err != nil {
		return nil, fmt.Errorf("staging directory: %w", err)
	} else if len(ents) != 0 {
		return nil, fmt.Errorf("staging directory %s is not empty", dst)
	}
	info, err := os.Stat(src)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &InputError{Path: src, Msg: "does not exist; pass a bundle directory or a .zip deployment package", Err: err}
		}
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}

	root, err := os.OpenRoot(dstAbs)
	if err != nil {
		return nil, fmt.Errorf("staging directory: %w", err)
	}
	defer root.Close()
	defer func() {
		if err != nil {
			emptyDir(root, dstAbs)
		}
	}()

	t := newTree(opts)
	release, err := collectSource(t, src, dstAbs, info)
	if err != nil {
		return nil, err
	}
	defer release()
	if err := t.finish(); err != nil {
		return nil, err
	}
	if opts.Memo != "" && info.IsDir() {
		real, err := realDir(src)
		if err != nil {
			return nil, err
		}
		t.memo = contenthash.OpenTree(opts.Memo, real)
	}
	digest, err := t.materialize(root)
	if err != nil {
		return nil, err
	}
	b = &Bundle{Root: dstAbs, Digest: digest, staged: t}
	if err := describe(b, t, src, opts); err != nil {
		return nil, err
	}
	if t.memo != nil {
		if err := t.memo.Save(); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// realDir is the absolute path of the directory src without symlinks: what
// its memo is known by.
func realDir(src string) (string, error) {
	real, err := filepath.EvalSymlinks(src)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		return "", fmt.Errorf("opening the bundle: %w", err)
	}
	return real, nil
}

// describe fills in what the tree t of the bundle src says: its name,
// runtime, handler, layers and packages.
func describe(b *Bundle, t *tree, src string, opts Options) error {
	rootPkg, err := readPackageJSON(t, "package.json")
	if err != nil {
		return err
	}
	b.Name = strings.TrimSpace(rootPkg.name)
	if b.Name == "" {
		base, _ := filepath.Abs(src)
		base = filepath.Base(base)
		if strings.EqualFold(filepath.Ext(base), ".zip") {
			base = base[:len(base)-len(".zip")]
		}
		b.Name = base
	}
	if err := detect(b, t, rootPkg, opts); err != nil {
		return err
	}
	if len(opts.Layers) > 0 {
		if err := openLayers(b, opts); err != nil {
			return err
		}
	}
	if b.Runtime == RuntimePython {
		return inventoryPython(b, t)
	}
	return inventory(b, t, opts)
}

// collectSourceDir lists the directory src into t (nothing is written yet);
// the returned close releases the directory once t is materialized. dst
// is the staging directory ("" when nothing is staged: Survey).
func collectSourceDir(t *tree, src, dst string) (func(), error) {
	srcAbs, err := filepath.Abs(src)
	if err != nil {
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	srcReal, err := filepath.EvalSymlinks(srcAbs)
	if err != nil {
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	if dst != "" {
		dstReal, err := filepath.EvalSymlinks(dst)
		if err != nil {
			return nil, fmt.Errorf("staging directory: %w", err)
		}
		if within(srcReal, dstReal) || within(dstReal, srcReal) {
			return nil, fmt.Errorf("the staging directory %s and the bundle %s overlap; stage the bundle elsewhere", dst, src)
		}
	}
	sr, err := os.OpenRoot(srcReal)
	if err != nil {
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	files, err := newDirFDs(sr)
	if err != nil {
		sr.Close()
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	release := func() { files.Close(); sr.Close() }
	if err := collectDir(t, files, []string{srcReal, srcAbs}); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// collectSourceZip lists the zip archive src into t (nothing is
// extracted yet); the returned close releases the archive once t is
// materialized.
func collectSourceZip(t *tree, src string, size int64) (func(), error) {
	if size > t.opts.MaxTotalBytes {
		return nil, limitErr(src, "MaxTotalBytes", "is %d bytes, more than the limit of %d for the whole bundle; raise the limit or shrink the bundle", size, t.opts.MaxTotalBytes)
	}
	f, err := os.Open(src)
	if err != nil {
		return nil, fmt.Errorf("opening the bundle: %w", err)
	}
	if n, ok := countZipEntries(f, size, t.opts.MaxFiles); ok && n > t.opts.MaxFiles {
		f.Close()
		return nil, limitErr(src, "MaxFiles", "the zip has more than %d entries; remove unneeded files (dev dependencies, caches) or raise the limit", t.opts.MaxFiles)
	}
	zr, err := zip.NewReader(f, size)
	if err != nil && !(errors.Is(err, zip.ErrInsecurePath) && zr != nil) {
		f.Close()
		return nil, &InputError{Path: src, Msg: "is not a directory or a readable zip file; pass a bundle directory or a .zip deployment package", Err: err}
	}
	if err := collectZip(t, zr); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// collectSource lists a directory or zip file into t.
func collectSource(t *tree, src, dst string, info os.FileInfo) (func(), error) {
	switch {
	case info.IsDir():
		return collectSourceDir(t, src, dst)
	case info.Mode().IsRegular():
		return collectSourceZip(t, src, info.Size())
	}
	return nil, inputErr(src, "is neither a directory nor a zip file; pass a bundle directory or a .zip deployment package")
}

// within reports whether p is parent or below it.
func within(parent, p string) bool {
	rel, err := filepath.Rel(parent, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// emptyDir removes everything below dst (best effort, after a failed Open).
func emptyDir(root *os.Root, dst string) {
	ents, err := os.ReadDir(dst)
	if err != nil {
		return
	}
	for _, e := range ents {
		_ = root.RemoveAll(e.Name())
	}
}
