// Package eval measures depbox's verdicts on the evaluation corpus under
// eval/: real npm packages and Lambda-style functions that must pass
// (the benign side) and fixtures re-enacting documented attacks that must
// fail naming the right package (the malicious side). It drives the real
// depbox binary as a user would — `depbox audit`, `depbox gate` — and scores
// the JSON it prints, per rule and per threshold.
package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Package is one line of benign/packages.txt: `npm:name@1.2.3  # category`.
type Package struct {
	// Spec is the npm spec as depbox audit takes it ("npm:name@1.2.3").
	Spec     string
	Name     string
	Version  string
	Category string
	Line     int
}

// Key is "name@version", the key of packages.lock.
func (p Package) Key() string { return p.Name + "@" + p.Version }

// ParsePackages reads a package list. Every spec must be pinned to an exact
// version: the corpus measures the same code run after run.
func ParsePackages(r io.Reader) ([]Package, error) {
	var out []Package
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		cat := ""
		if i := strings.IndexByte(line, '#'); i >= 0 {
			cat = strings.TrimSpace(line[i+1:])
			line = line[:i]
		}
		spec := strings.TrimSpace(line)
		if spec == "" {
			continue
		}
		rest, ok := strings.CutPrefix(spec, "npm:")
		if !ok {
			return nil, fmt.Errorf("line %d: %q: want npm:NAME@VERSION", n, spec)
		}
		at := strings.LastIndexByte(rest, '@')
		if at <= 0 {
			return nil, fmt.Errorf("line %d: %q is not pinned: want npm:NAME@VERSION", n, spec)
		}
		name, version := rest[:at], rest[at+1:]
		if !exactVersion(version) {
			return nil, fmt.Errorf("line %d: %q is not pinned to an exact version", n, spec)
		}
		if prev, dup := seen[name+"@"+version]; dup {
			return nil, fmt.Errorf("line %d: %s is already listed on line %d", n, spec, prev)
		}
		seen[name+"@"+version] = n
		out = append(out, Package{Spec: spec, Name: name, Version: version, Category: cat, Line: n})
	}
	return out, sc.Err()
}

// exactVersion reports whether v is a plain semver version (1.2.3, 1.2.3-rc.1),
// not a range or tag.
func exactVersion(v string) bool {
	core, _, _ := strings.Cut(v, "-")
	core, _, _ = strings.Cut(core, "+")
	parts := strings.Split(core, ".")
	if len(parts) != 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// Lock maps "name@version" to the registry integrity of its tarball
// ("sha512-…"): benign/packages.lock.
type Lock map[string]string

// ReadLock reads a lock file: one "name@version integrity" per line.
func ReadLock(r io.Reader) (Lock, error) {
	l := Lock{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 || !strings.HasPrefix(f[1], "sha512-") {
			return nil, fmt.Errorf("line %d: want \"name@version sha512-…\"", n)
		}
		l[f[0]] = f[1]
	}
	return l, sc.Err()
}

// Write writes the lock sorted by key.
func (l Lock) Write(w io.Writer) error {
	keys := make([]string, 0, len(l))
	for k := range l {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# name@version  registry integrity of the tarball; written by depbox-eval -update-lock, checked on every run")
	for _, k := range keys {
		fmt.Fprintf(bw, "%s %s\n", k, l[k])
	}
	return bw.Flush()
}

// subdirs returns the absolute paths of dir's subdirectories, in name
// order (missing dir: none).
func subdirs(dir string) ([]string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}

// Function is a Lambda-style function of the benign side:
// benign/functions/<name>/ with its handler and either package.json and
// package-lock.json (Node.js) or distributions.txt (Python: the
// distributions the eval copies beside the handler).
type Function struct {
	Name string
	Dir  string
	// Distributions is a Python function's distributions.txt (nil for a
	// Node.js function).
	Distributions []Distribution
}

// LoadFunctions lists the functions under dir (missing dir: none), with
// absolute paths.
func LoadFunctions(dir string) ([]Function, error) {
	dirs, err := subdirs(dir)
	if err != nil {
		return nil, err
	}
	var out []Function
	for _, d := range dirs {
		name := filepath.Base(d)
		if _, err := os.Stat(filepath.Join(d, DistributionsFile)); err == nil {
			ds, err := readDistributions(d)
			if err != nil {
				return nil, fmt.Errorf("function %s: %w", name, err)
			}
			out = append(out, Function{Name: name, Dir: d, Distributions: ds})
			continue
		}
		for _, f := range []string{"package.json", "package-lock.json"} {
			if _, err := os.Stat(filepath.Join(d, f)); err != nil {
				return nil, fmt.Errorf("function %s: %w", name, err)
			}
		}
		out = append(out, Function{Name: name, Dir: d})
	}
	return out, nil
}

// Expect is a malicious fixture's expect.json (eval/README.md).
type Expect struct {
	Incident string `json:"incident"`
	// Package is the install path that must be named ("node_modules/x").
	Package string `json:"package"`
	// Rules must each fire on Package.
	Rules []string `json:"rules"`
	// CanaryTheft requires DBX001 on Package.
	CanaryTheft bool `json:"canary_theft"`
	// Handler and Args are passed to depbox gate (--handler, extra flags).
	Handler string   `json:"handler,omitempty"`
	Args    []string `json:"args,omitempty"`
	// Channel is a free-form tag for the table ("dns", "install-script").
	Channel string `json:"channel,omitempty"`
	// ExpectExit is the gate's expected exit code when it is not 1 (a
	// fixture whose point is to break the analysis expects 3).
	ExpectExit int `json:"expect_exit,omitempty"`
}

// Fixture is one malicious fixture: a bundle directory with expect.json.
type Fixture struct {
	ID     string
	Dir    string
	Expect Expect
}

// LoadFixtures reads every <dir>/<id>/expect.json (missing dir: none),
// with absolute paths.
func LoadFixtures(dir string) ([]Fixture, error) {
	dirs, err := subdirs(dir)
	if err != nil {
		return nil, err
	}
	var out []Fixture
	for _, d := range dirs {
		ex, err := readExpect(filepath.Join(d, "expect.json"))
		if err != nil {
			return nil, fmt.Errorf("fixture %s: %w", filepath.Base(d), err)
		}
		out = append(out, Fixture{ID: filepath.Base(d), Dir: d, Expect: ex})
	}
	return out, nil
}

func readExpect(path string) (Expect, error) {
	var ex Expect
	b, err := os.ReadFile(path)
	if err != nil {
		return ex, err
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ex); err != nil {
		return ex, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	switch {
	case ex.Package == "" && ex.ExpectExit == 0:
		return ex, errors.New("expect.json: \"package\" (the install path that must be named) is required")
	case ex.Package != "" && !installPath(ex.Package):
		return ex, fmt.Errorf("expect.json: package %q is not an install path (node_modules/…, a bundled package's <file>#node_modules/…, a layer's /opt/nodejs/…, a Python distribution's NAME-VERSION.dist-info, or . for the function's own code)", ex.Package)
	case ex.ExpectExit != 0 && ex.ExpectExit != 1 && ex.ExpectExit != 3:
		return ex, fmt.Errorf("expect.json: expect_exit %d: want 1 or 3", ex.ExpectExit)
	}
	for _, r := range ex.Rules {
		if !ruleID(r) {
			return ex, fmt.Errorf("expect.json: %q is not a rule ID (DBX…)", r)
		}
	}
	if ex.CanaryTheft && !slices.Contains(ex.Rules, "DBX001") {
		ex.Rules = append(ex.Rules, "DBX001")
	}
	return ex, nil
}

func ruleID(s string) bool {
	rest, ok := strings.CutPrefix(s, "DBX")
	return ok && len(rest) == 3 && strings.Trim(rest, "0123456789") == ""
}

// installPath reports whether p is an install path as profiles give them:
// "node_modules/x", a package bundled into a file of the function
// ("index.js#node_modules/x"), a layer's ("/opt/nodejs/node_modules/x"),
// a Python distribution's metadata directory ("x-1.0.dist-info", a
// legacy "x-1.0.egg-info", under a layer's "python/…" too), or "." for
// the function's own code (a backdoored first-party file).
func installPath(p string) bool {
	_, bundled, ok := strings.Cut(p, "#")
	return p == "." || strings.HasPrefix(p, "node_modules/") || ok && strings.HasPrefix(bundled, "node_modules/") || strings.HasPrefix(p, "/opt/nodejs/") || pythonInstallPath(p)
}

// pythonInstallPath reports whether p names a Python distribution's
// metadata directory, as Python profiles name distributions.
func pythonInstallPath(p string) bool {
	base := p[strings.LastIndexByte(p, '/')+1:]
	stem, dist := strings.CutSuffix(base, ".dist-info")
	if !dist {
		if stem, dist = strings.CutSuffix(base, ".egg-info"); !dist {
			return false
		}
	}
	name, version, _ := strings.Cut(stem, "-")
	return name != "" && version != "" && !slices.Contains(strings.Split(p, "/"), "..")
}
