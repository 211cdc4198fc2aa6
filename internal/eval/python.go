package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// DefaultPythonSite is where Debian installs its python3-* distributions:
// the benign Python functions are assembled from there.
const DefaultPythonSite = "/usr/lib/python3/dist-packages"

// DistributionsFile names a Python function's list of distributions
// (benign/functions/<name>/distributions.txt).
const DistributionsFile = "distributions.txt"

// Distribution is one line of a Python function's distributions.txt:
// `name==version  # comment`.
type Distribution struct {
	// Name is as written; Key is its PEP 503 normalised form.
	Name, Version string
	Line          int
}

// Key is the distribution's PEP 503 normalised name ("pyjwt").
func (d Distribution) Key() string { return normalizeDist(d.Name) }

var distSep = regexp.MustCompile(`[-_.]+`)

// normalizeDist is PEP 503's name normalisation.
func normalizeDist(name string) string {
	return distSep.ReplaceAllString(strings.ToLower(name), "-")
}

var distName = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`)

// ParseDistributions reads a distributions.txt. Every distribution must be
// pinned (`name==version`): the corpus measures the same code run after
// run, and the eval refuses a host whose copy has another version.
func ParseDistributions(r io.Reader) ([]Distribution, error) {
	var out []Distribution
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, version, ok := strings.Cut(line, "==")
		name, version = strings.TrimSpace(name), strings.TrimSpace(version)
		if !ok || version == "" || strings.ContainsAny(version, " <>=!~*,;") {
			return nil, fmt.Errorf("line %d: %q: want NAME==VERSION (pinned)", n, line)
		}
		if !distName.MatchString(name) {
			return nil, fmt.Errorf("line %d: %q is not a distribution name", n, name)
		}
		d := Distribution{Name: name, Version: version, Line: n}
		if prev, dup := seen[d.Key()]; dup {
			return nil, fmt.Errorf("line %d: %s is already listed on line %d", n, name, prev)
		}
		seen[d.Key()] = n
		out = append(out, d)
	}
	return out, sc.Err()
}

// readDistributions reads dir's distributions.txt.
func readDistributions(dir string) ([]Distribution, error) {
	f, err := os.Open(filepath.Join(dir, DistributionsFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ds, err := ParseDistributions(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", DistributionsFile, err)
	}
	if len(ds) == 0 {
		return nil, fmt.Errorf("%s lists no distribution", DistributionsFile)
	}
	return ds, nil
}

// installedDist is a distribution's metadata directory in a site directory.
type installedDist struct {
	// Meta is the directory's name ("PyJWT-2.6.0.egg-info").
	Meta    string
	Version string
}

// siteDists indexes site's *.dist-info and *.egg-info directories by
// normalised name.
func siteDists(site string) (map[string]installedDist, error) {
	ents, err := os.ReadDir(site)
	if err != nil {
		return nil, fmt.Errorf("the Python site directory: %w (scripts/install-deps installs Debian's python3-* distributions)", err)
	}
	out := map[string]installedDist{}
	for _, e := range ents {
		stem, ok := strings.CutSuffix(e.Name(), ".dist-info")
		if !ok {
			stem, ok = strings.CutSuffix(e.Name(), ".egg-info")
		}
		if !ok || !e.IsDir() {
			continue
		}
		name, rest, ok := strings.Cut(stem, "-")
		if !ok {
			continue
		}
		version, _, _ := strings.Cut(rest, "-") // an egg's -py3.11 tag
		out[normalizeDist(name)] = installedDist{Meta: e.Name(), Version: version}
	}
	return out, nil
}

// AssemblePython copies the distributions from the site directory into
// dst as `pip install -t dst` lays them out: each one's metadata directory
// and the files its RECORD lists, or (an egg-info, as Debian installs most)
// its top_level.txt modules. A distribution the site lacks, or has at
// another version, is an error saying what installs it. Links are copied
// as the files they point to (Debian links data files to other packages');
// __pycache__ directories are left out.
func AssemblePython(dst, site string, dists []Distribution) error {
	have, err := siteDists(site)
	if err != nil {
		return err
	}
	for _, d := range dists {
		in, ok := have[d.Key()]
		switch {
		case !ok:
			return fmt.Errorf("distribution %s is not installed in %s: scripts/install-deps installs it (Debian's python3-%s)", d.Name, site, d.Key())
		case in.Version != d.Version:
			return fmt.Errorf("distribution %s: %s has %s, the function pins %s (update distributions.txt after reviewing the new version)", d.Name, site, in.Meta, d.Version)
		}
		paths, err := distFiles(site, in.Meta)
		if err != nil {
			return fmt.Errorf("distribution %s: %w", d.Name, err)
		}
		for _, p := range append([]string{in.Meta}, paths...) {
			if err := copyTree(filepath.Join(site, p), filepath.Join(dst, p)); err != nil {
				return fmt.Errorf("distribution %s: %w", d.Name, err)
			}
		}
	}
	return nil
}

// distFiles returns the site-relative paths a distribution installed
// besides its metadata directory: RECORD's entries inside the site (not
// ../../bin scripts, nor the build paths Debian's RECORDs keep, such as
// scripts-3.10/…, which are not installed), else top_level.txt's modules
// and packages.
func distFiles(site, meta string) ([]string, error) {
	var out []string
	if rec, err := os.ReadFile(filepath.Join(site, meta, "RECORD")); err == nil {
		for _, line := range strings.Split(string(rec), "\n") {
			p, _, _ := strings.Cut(line, ",")
			p = filepath.Clean(strings.TrimSpace(p))
			if p == "." || !filepath.IsLocal(p) || strings.HasPrefix(p, meta+string(filepath.Separator)) || strings.Contains(p, "__pycache__") {
				continue
			}
			if _, err := os.Stat(filepath.Join(site, p)); errors.Is(err, fs.ErrNotExist) {
				continue
			}
			out = append(out, p)
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("none of the files %s/RECORD lists is in the site directory", meta)
		}
		return out, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	top, err := os.ReadFile(filepath.Join(site, meta, "top_level.txt"))
	if err != nil {
		return nil, fmt.Errorf("%s has neither RECORD nor top_level.txt: %w", meta, err)
	}
	for _, m := range strings.Fields(string(top)) {
		m, _, _ = strings.Cut(m, "/")
		if !filepath.IsLocal(m) {
			return nil, fmt.Errorf("%s/top_level.txt: %q is not a module name", meta, m)
		}
		more, _ := filepath.Glob(filepath.Join(site, m+".*"))
		if _, err := os.Stat(filepath.Join(site, m)); err == nil {
			more = append(more, filepath.Join(site, m))
		}
		if len(more) == 0 {
			return nil, fmt.Errorf("%s/top_level.txt names %s, which is not in the site directory", meta, m)
		}
		for _, p := range more {
			out = append(out, filepath.Base(p))
		}
	}
	return out, nil
}

// copyTree copies src (a file or a directory, links followed for files)
// to dst, leaving out __pycache__ directories and links to directories.
func copyTree(src, dst string) error {
	fi, err := os.Stat(src)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return copyFile(src, dst, fi.Mode().Perm())
	}
	return filepath.WalkDir(src, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() && e.Name() == "__pycache__" {
			return filepath.SkipDir
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		fi, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if fi.IsDir() { // a link to a directory
			return nil
		}
		return copyFile(p, to, fi.Mode().Perm())
	})
}

func copyFile(src, dst string, perm fs.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm|0o200)
	if err != nil {
		if errors.Is(err, fs.ErrExist) { // listed twice (RECORD and a directory above it)
			return nil
		}
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// assemblePythonFunction makes the bundle of a Python function in a new
// directory under parent: the function's own files (all but
// distributions.txt) and its distributions from site.
func assemblePythonFunction(parent, site string, f Function) (string, error) {
	dir, err := os.MkdirTemp(parent, "depbox-eval-py-")
	if err != nil {
		return "", err
	}
	err = filepath.WalkDir(f.Dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || p == filepath.Join(f.Dir, DistributionsFile) {
			return err
		}
		rel, err := filepath.Rel(f.Dir, p)
		if err != nil {
			return err
		}
		return copyTree(p, filepath.Join(dir, rel))
	})
	if err == nil {
		err = AssemblePython(dir, site, f.Distributions)
	}
	if err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("function %s: %w", f.Name, err)
	}
	return dir, nil
}
