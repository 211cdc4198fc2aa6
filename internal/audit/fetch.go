package audit

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/depbox/depbox/internal/scan"
)

// ErrIntegrity is wrapped when a tarball does not match the integrity the
// registry or the lockfile gives for it (the audit fails closed: exit 3).
var ErrIntegrity = errors.New("integrity check failed")

// InputError wraps errors caused by the spec: no such package or version, an
// unreadable tarball, a dependency tree npm cannot resolve (exit 2).
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Resolved is a spec pinned to one tarball: downloaded (or copied) into a
// private directory and hashed, nothing of it run.
type Resolved struct {
	Spec    Spec
	Name    string
	Version string
	// Integrity is "sha512-<base64>" of the tarball, computed by depbox and
	// checked against what the registry lists.
	Integrity string
	// File is the private copy of the tarball (or wheel).
	File string
	// Path is the package's install path in the profile
	// ("node_modules/<name>" when empty; a wheel's "<name>-<version>.dist-info").
	Path string

	// wheels are a Python distribution's wheel and those of its dependency
	// tree, downloaded and hashed (PyPI).
	wheels []wheelFile
	// sdist is a Python source distribution, unpacked: its wheel is built
	// in the sandbox before it is installed (Auditor.build).
	sdist *scan.Sdist
}

// Label names the resolved package: "npm:name@version" ("pypi:…"), or the
// file's path with the name and version inside it.
func (r *Resolved) Label() string {
	if r.Spec.IsTarball() {
		return fmt.Sprintf("%s (%s@%s)", r.Spec.Tarball, r.Name, r.Version)
	}
	return r.Spec.prefix() + r.Name + "@" + r.Version
}

// BuildPath is, for a Python source distribution, the install path its
// build is reported on in the profile (the sdist's top directory); ""
// for anything else.
func (r *Resolved) BuildPath() string {
	if r.sdist == nil {
		return ""
	}
	return r.sdist.Top
}

// InstallPath is the package's install path in the profile.
func (r *Resolved) InstallPath() string {
	if r.Path != "" {
		return r.Path
	}
	return "node_modules/" + r.Name
}

// Installed is a resolved package installed, inert, into a bundle directory
// that depbox scan takes: package.json depending on exactly that package,
// package-lock.json, and node_modules with its dependency tree.
type Installed struct {
	Dir string
	// Path is the audited package's install path, "node_modules/<name>".
	Path string
}

// Source resolves and installs packages on the host without running any of
// their code. NPM is the real one; tests substitute their own.
type Source interface {
	Resolve(ctx context.Context, s Spec, dir string) (*Resolved, error)
	Install(ctx context.Context, r *Resolved, dir string) (*Installed, error)
}

// NPM fetches with the npm client. Every npm command it runs refuses to run
// scripts (--ignore-scripts, also set in the environment) and refuses git,
// remote-URL and directory dependencies (--allow-git=none and friends), since
// npm prepares git dependencies by running their scripts even with
// --ignore-scripts. npm verifies each registry tarball against the
// integrity in the packument while downloading; depbox also hashes the
// audited tarball itself and checks the lockfile against it.
type NPM struct {
	// Bin is the npm executable (default: npm on $PATH).
	Bin string
	// Env is added to the process environment of npm.
	Env []string
	// Log receives npm's warnings at debug level (nil: discarded).
	Log *slog.Logger

	once    sync.Once
	support error
}

// npmFlags are given to every npm command: no scripts, no network extras,
// JSON output.
var npmFlags = []string{"--ignore-scripts", "--no-audit", "--no-fund", "--no-update-notifier", "--json"}

// installFlags are added for npm install: no git, URL or directory sources
// anywhere in the tree. (npm pack needs none of them: it fetches one
// registry tarball, which it passes on internally as a URL.)
var installFlags = []string{"--allow-git=none", "--allow-remote=none", "--allow-directory=none"}

// requiredConfig are npm settings depbox relies on; an npm that does not know
// them would ignore them with a warning.
var requiredConfig = []string{"ignore-scripts", "allow-git", "allow-remote", "allow-directory", "allow-file"}

// check makes sure this npm knows every setting depbox relies on.
func (n *NPM) check(ctx context.Context) error {
	n.once.Do(func() {
		out, _, err := n.run(ctx, "", "config", "ls", "-l", "--json")
		if err != nil {
			n.support = fmt.Errorf("running npm: %w (install Node.js with npm 11.10 or newer, or pass --npm)", err)
			return
		}
		var cfg map[string]any
		if err := json.Unmarshal(out, &cfg); err != nil {
			n.support = fmt.Errorf("reading npm's configuration: %w", err)
			return
		}
		var missing []string
		for _, k := range requiredConfig {
			if _, ok := cfg[k]; !ok {
				missing = append(missing, k)
			}
		}
		if len(missing) > 0 {
			n.support = fmt.Errorf("this npm does not know the settings %s, which keep fetching inert (npm runs the prepare scripts of git dependencies even with --ignore-scripts): upgrade to npm 11.10 or newer (npm install -g npm) or pass --npm", strings.Join(missing, ", "))
		}
	})
	return n.support
}

// run runs npm in dir and returns its standard output. A failure carries
// npm's JSON error (code and summary) when it printed one.
func (n *NPM) run(ctx context.Context, dir string, args ...string) ([]byte, *npmError, error) {
	bin := n.Bin
	if bin == "" {
		var err error
		if bin, err = exec.LookPath("npm"); err != nil {
			return nil, nil, errors.New("npm not found on $PATH")
		}
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), n.Env...)
	// Belt and braces: the same settings as the flags, should a flag be missed.
	cmd.Env = append(cmd.Env, "npm_config_ignore_scripts=true", "npm_config_update_notifier=false",
		"npm_config_fund=false", "npm_config_audit=false")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if n.Log != nil && stderr.Len() > 0 {
		n.Log.Debug("npm", "args", strings.Join(args, " "), "stderr", strings.TrimSpace(stderr.String()))
	}
	if err == nil {
		return stdout.Bytes(), nil, nil
	}
	if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	var je struct {
		Error *npmError `json:"error"`
	}
	if json.Unmarshal(lastJSON(stdout.Bytes()), &je) == nil && je.Error != nil && je.Error.Code != "" {
		return nil, je.Error, je.Error
	}
	return nil, nil, fmt.Errorf("npm %s: %w: %s", args[0], err, tail(stderr.String(), 400))
}

// lastJSON returns the last top-level JSON value npm printed (npm may print
// a result and then an error object).
func lastJSON(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if i := bytes.LastIndex(b, []byte("\n{")); i >= 0 {
		return b[i+1:]
	}
	return b
}

func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// npmError is the error object npm prints with --json.
type npmError struct {
	Code    string `json:"code"`
	Summary string `json:"summary"`
	Detail  string `json:"detail"`
}

func (e *npmError) Error() string {
	msg := e.Summary
	if msg == "" {
		// npm's details mostly suggest installing from git or a URL, which
		// depbox refuses: only shown when there is nothing else.
		msg = strings.Join(strings.Fields(e.Detail), " ")
	}
	return fmt.Sprintf("npm %s: %s", e.Code, msg)
}

// classify turns npm's error into an InputError (the spec is at fault), an
// integrity error, or leaves it (the registry or network is at fault).
func classify(what string, ne *npmError, err error) error {
	err = fmt.Errorf("%s: %w", what, err)
	if ne == nil {
		return err
	}
	switch {
	case ne.Code == "EINTEGRITY":
		return fmt.Errorf("%w: %w", ErrIntegrity, err)
	case ne.Code == "E404", ne.Code == "ETARGET", ne.Code == "ENOVERSIONS", ne.Code == "EINVALIDTAGNAME",
		ne.Code == "EINVALIDPACKAGENAME", ne.Code == "EINVALIDTYPE", ne.Code == "ERESOLVE", ne.Code == "EBADPLATFORM",
		ne.Code == "EJSONPARSE", ne.Code == "TAR_BAD_ARCHIVE", ne.Code == "ENOENT", strings.HasPrefix(ne.Code, "EALLOW"):
		return &InputError{err}
	}
	return err
}

// Resolve pins s to one tarball in dir: for a registry spec, npm pack
// downloads it exactly as npm install would choose it (npm checks it
// against the registry's integrity); for a local tarball, a private copy is
// made. Either way depbox then hashes the copy and reads the name and
// version from its package.json.
func (n *NPM) Resolve(ctx context.Context, s Spec, dir string) (*Resolved, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if s.IsTarball() {
		return resolveTarball(s, dir)
	}
	if err := n.check(ctx); err != nil {
		return nil, err
	}
	// npm takes the nearest directory with a package.json as the project
	// and reads its .npmrc: this one, not whatever lies above the temp dir.
	if err := writePackageJSON(dir, "depbox-audit-resolve", "resolving "+s.String()); err != nil {
		return nil, err
	}
	out, ne, err := n.run(ctx, dir, append([]string{"pack", s.npmArg(), "--pack-destination", dir}, npmFlags...)...)
	if err != nil {
		return nil, classify("downloading "+s.String(), ne, err)
	}
	var packed []struct {
		Name, Version, Integrity, Filename string
	}
	if err := json.Unmarshal(lastJSON(out), &packed); err != nil || len(packed) != 1 {
		return nil, fmt.Errorf("downloading %s: unexpected output from npm pack: %q", s, tail(string(out), 200))
	}
	pk := packed[0]
	if pk.Name != s.Name {
		return nil, fmt.Errorf("downloading %s: npm fetched %s instead", s, pk.Name)
	}
	file := filepath.Join(dir, filepath.Base(pk.Filename))
	sum, err := hashFile(file)
	if err != nil {
		return nil, fmt.Errorf("downloading %s: %w", s, err)
	}
	if want := sha512Of(pk.Integrity); want == "" || want != sum {
		return nil, fmt.Errorf("%w: %s@%s: the tarball hashes to %s, the registry lists %q", ErrIntegrity, pk.Name, pk.Version, sum, pk.Integrity)
	}
	// Some old tarballs are laid out oddly; npm copes, and has checked the
	// bytes. When depbox can read the package.json, it must agree.
	if name, version, err := tarballPackage(file); err == nil && (name != pk.Name || version != pk.Version) {
		return nil, fmt.Errorf("%w: %s@%s: its tarball's package.json says %s@%s", ErrIntegrity, pk.Name, pk.Version, name, version)
	}
	return &Resolved{Spec: s, Name: pk.Name, Version: pk.Version, Integrity: sum, File: file}, nil
}

func resolveTarball(s Spec, dir string) (*Resolved, error) {
	in, err := os.Open(s.Tarball)
	if err != nil {
		return nil, &InputError{fmt.Errorf("tarball %s: %w", s.Tarball, err)}
	}
	defer in.Close()
	if fi, err := in.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, &InputError{fmt.Errorf("tarball %s: not a regular file", s.Tarball)}
	}
	// The copy is what gets hashed and installed: the user's file may change
	// in between, the copy cannot.
	file := filepath.Join(dir, "package.tgz")
	out, err := os.OpenFile(file, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(out, io.LimitReader(in, maxTarball+1)); err != nil {
		out.Close()
		return nil, fmt.Errorf("copying %s: %w", s.Tarball, err)
	}
	if err := out.Close(); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(file); err == nil && fi.Size() > maxTarball {
		return nil, &InputError{fmt.Errorf("tarball %s is larger than %d MiB", s.Tarball, maxTarball>>20)}
	}
	sum, err := hashFile(file)
	if err != nil {
		return nil, err
	}
	name, version, err := tarballPackage(file)
	if err != nil {
		return nil, &InputError{fmt.Errorf("tarball %s: %w", s.Tarball, err)}
	}
	if len(name) > 214 || !nameRE.MatchString(name) {
		return nil, &InputError{fmt.Errorf("tarball %s: its package.json names %q, not a valid npm package name", s.Tarball, name)}
	}
	return &Resolved{Spec: s, Name: name, Version: version, Integrity: sum, File: file}, nil
}

// Limits for reading a tarball on the host: depbox reads one small file
// from it, and gives up rather than inflate a bomb.
const (
	maxTarball     = 512 << 20
	maxScanned     = 1 << 30
	maxPackageJSON = 1 << 20
)

// tarballPackage reads name and version from the package.json at the top of
// an npm tarball (in its first directory, which npm calls "package" but
// need not be), without unpacking anything.
func tarballPackage(file string) (name, version string, err error) {
	f, err := os.Open(file)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", "", fmt.Errorf("not a gzip-compressed tarball: %w", err)
	}
	lim := &io.LimitedReader{R: gz, N: maxScanned}
	tr := tar.NewReader(lim)
	sdist := false
	for {
		h, err := tr.Next()
		if err != nil {
			if errors.Is(err, io.EOF) && sdist {
				return "", "", errors.New("it is a Python sdist (PKG-INFO at its top), not an npm tarball")
			}
			if errors.Is(err, io.EOF) {
				return "", "", errors.New("no package.json at the top of the tarball")
			}
			if lim.N <= 0 {
				return "", "", fmt.Errorf("more than %d MiB uncompressed before a package.json", maxScanned>>20)
			}
			return "", "", fmt.Errorf("reading the tarball: %w", err)
		}
		p := strings.TrimPrefix(path.Clean("/"+h.Name), "/")
		dir, base := path.Split(p)
		sdist = sdist || base == "PKG-INFO" && strings.Count(dir, "/") == 1
		if base != "package.json" || strings.Count(dir, "/") != 1 || h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(io.LimitReader(tr, maxPackageJSON+1))
		if err != nil {
			return "", "", err
		}
		if len(data) > maxPackageJSON {
			return "", "", fmt.Errorf("%s is larger than %d KiB", h.Name, maxPackageJSON>>10)
		}
		var pj struct {
			Name    string `json:"name"`
			Version string `json:"version"`
		}
		if err := json.Unmarshal(data, &pj); err != nil {
			return "", "", fmt.Errorf("%s: %w", h.Name, err)
		}
		if pj.Name == "" || pj.Version == "" {
			return "", "", fmt.Errorf("%s has no name or no version", h.Name)
		}
		return pj.Name, pj.Version, nil
	}
}

func hashFile(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha512.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return "sha512-" + base64.StdEncoding.EncodeToString(h.Sum(nil)), nil
}

// Integrity computes the "sha512-<base64>" integrity of a file, as npm
// writes it into package-lock.json.
func Integrity(file string) (string, error) { return hashFile(file) }

// sha512Of picks the sha512 entry of an SRI string ("sha512-… sha1-…").
func sha512Of(sri string) string {
	for _, f := range strings.Fields(sri) {
		if strings.HasPrefix(f, "sha512-") {
			if i := strings.IndexByte(f, '?'); i >= 0 {
				f = f[:i]
			}
			return f
		}
	}
	return ""
}

// Install installs r into dir, a new bundle directory: a package.json that
// depends on exactly r (the registry version, or the private tarball copy),
// then npm install without scripts. The lockfile must record r's version
// and integrity.
func (n *NPM) Install(ctx context.Context, r *Resolved, dir string) (*Installed, error) {
	if err := n.check(ctx); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := writePackageJSON(dir, "depbox-audit", "depbox audit of "+r.Name+"@"+r.Version); err != nil {
		return nil, err
	}
	arg, allowFile := r.Name+"@"+r.Version, "--allow-file=none"
	if r.Spec.IsTarball() {
		rel, err := filepath.Rel(dir, r.File)
		if err != nil {
			return nil, err
		}
		arg, allowFile = "file:"+filepath.ToSlash(rel), "--allow-file=root"
	}
	args := append([]string{"install", arg, allowFile, "--save-exact", "--package-lock=true"}, installFlags...)
	args = append(args, npmFlags...)
	if _, ne, err := n.run(ctx, dir, args...); err != nil {
		return nil, classify("installing "+r.Label(), ne, err)
	}
	inst := &Installed{Dir: dir, Path: "node_modules/" + r.Name}
	if err := checkLock(filepath.Join(dir, "package-lock.json"), inst.Path, r); err != nil {
		return nil, err
	}
	return inst, nil
}

// checkLock makes sure npm installed r, and nothing from a git, URL or
// directory source.
func checkLock(file, installPath string, r *Resolved) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("npm wrote no lockfile: %w", err)
	}
	var lock struct {
		Packages map[string]struct {
			Version   string `json:"version"`
			Resolved  string `json:"resolved"`
			Integrity string `json:"integrity"`
			Link      bool   `json:"link"`
		} `json:"packages"`
	}
	if err := json.Unmarshal(data, &lock); err != nil {
		return fmt.Errorf("reading npm's lockfile: %w", err)
	}
	e, ok := lock.Packages[installPath]
	if !ok {
		return fmt.Errorf("npm did not install %s at %s", r.Label(), installPath)
	}
	if e.Version != r.Version {
		return fmt.Errorf("%w: npm installed %s@%s, want %s", ErrIntegrity, r.Name, e.Version, r.Version)
	}
	if got := sha512Of(e.Integrity); got != r.Integrity {
		return fmt.Errorf("%w: the lockfile gives %s@%s integrity %q, the tarball hashes to %s", ErrIntegrity, r.Name, r.Version, e.Integrity, r.Integrity)
	}
	for p, e := range lock.Packages {
		if p == "" {
			continue
		}
		if e.Link || strings.HasPrefix(e.Resolved, "git") || strings.HasPrefix(e.Resolved, "file:") && p != installPath {
			return &InputError{fmt.Errorf("%s comes from %q: only registry packages and the audited tarball are installed", p, e.Resolved)}
		}
	}
	return nil
}

// writePackageJSON writes the private project's package.json into dir.
func writePackageJSON(dir, name, description string) error {
	pj, err := json.MarshalIndent(map[string]any{"name": name, "version": "0.0.0", "private": true, "description": description}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "package.json"), append(pj, '\n'), 0o644)
}
