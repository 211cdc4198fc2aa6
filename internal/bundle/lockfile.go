package bundle

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// lockfile is the part of a lockfile depbox uses: version and integrity by
// install path (npm's lockfiles) and by package name (every format).
type lockfile struct {
	file   string
	pkgs   map[string]lockEntry   // install path → entry (npm)
	byName map[string][]lockEntry // name → entries, one per version
}

type lockEntry struct{ version, integrity string }

// maxLockfileBytes bounds the lockfile given with Options.Lockfile.
const maxLockfileBytes = 256 << 20

// lockfileNames are tried in npm's order of precedence, then yarn's and
// pnpm's lockfiles (pnpm's hidden copy in its store last).
var lockfileNames = []string{"npm-shrinkwrap.json", "package-lock.json", "node_modules/.package-lock.json", "yarn.lock", "pnpm-lock.yaml", "node_modules/.pnpm/lock.yaml"}

func (l *lockfile) add(installPath, name string, e lockEntry) {
	if installPath != "" {
		l.pkgs[installPath] = e
	}
	if name == "" {
		return
	}
	for _, x := range l.byName[name] {
		if x.version == e.version {
			return
		}
	}
	l.byName[name] = append(l.byName[name], e)
}

// find returns the entry for the package at installPath named name: the
// entry of that install path when its version is version (or either is
// unknown), else the entry of that name and version, else — when version
// is "" — the name's only version.
func (l *lockfile) find(installPath, name, version string) (lockEntry, bool) {
	if l == nil {
		return lockEntry{}, false
	}
	if e, ok := l.pkgs[installPath]; ok && (e.version == "" || version == "" || e.version == version) {
		return e, true
	}
	es := l.byName[name]
	for _, e := range es {
		if version != "" && e.version == version {
			return e, true
		}
	}
	if version == "" && len(es) == 1 {
		return es[0], true
	}
	return lockEntry{}, false
}

// readLockfile reads the first lockfile present in the bundle.
func readLockfile(t *tree) (*lockfile, error) {
	for _, name := range lockfileNames {
		real, e := t.lookup(name)
		if e == nil || e.kind != kindFile {
			continue
		}
		data, err := t.readFile(real)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		lf, err := parseLockfile(name, data)
		if errors.Is(err, errYarnBerry) {
			continue // its checksums are not npm integrity hashes: no use here
		}
		return lf, err
	}
	return nil, nil
}

// readLockfileFile reads a lockfile given on the command line (the project's
// package-lock.json, npm-shrinkwrap.json, yarn.lock v1 or pnpm-lock.yaml),
// for the versions of bundled packages. Errors match ErrInput.
func readLockfileFile(file string) (*lockfile, error) {
	fi, err := os.Stat(file)
	if err != nil {
		return nil, &InputError{Path: file, Msg: "the lockfile cannot be read; pass the project's package-lock.json, yarn.lock or pnpm-lock.yaml", Err: err}
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxLockfileBytes {
		return nil, inputErr(file, "is not a regular file of at most %d bytes; pass the project's lockfile", maxLockfileBytes)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	lf, err := parseLockfile(path.Base(file), data)
	if errors.Is(err, errYarnBerry) {
		return nil, inputErr(file, "is a yarn 2+ lockfile; depbox reads package-lock.json, npm-shrinkwrap.json, yarn.lock v1 and pnpm-lock.yaml")
	}
	if err != nil {
		return nil, err
	}
	lf.file = file
	return lf, nil
}

var errYarnBerry = errors.New("a yarn 2+ lockfile")

// parseLockfile parses a lockfile by its base name: yarn.lock, a pnpm-lock
// YAML file, else npm's JSON.
func parseLockfile(name string, data []byte) (*lockfile, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lf := &lockfile{file: name, pkgs: map[string]lockEntry{}, byName: map[string][]lockEntry{}}
	switch base := path.Base(name); {
	case strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml"):
		return lf, parsePnpmLock(lf, name, data)
	case !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) && (base == "yarn.lock" || bytes.Contains(data, []byte("# yarn lockfile v1")) || bytes.Contains(data, []byte("__metadata:"))):
		return lf, parseYarnLock(lf, name, data)
	}
	const fix = "fix it or regenerate it with npm install --package-lock-only"
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return nil, inputErr(name, "is not a JSON object; %s", fix)
	}
	var raw struct {
		Packages map[string]struct {
			Name      string `json:"name"`
			Version   string `json:"version"`
			Integrity string `json:"integrity"`
			Link      bool   `json:"link"`
		} `json:"packages"`
		Dependencies map[string]lockDepV1 `json:"dependencies"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, jsonError(name, data, err, fix)
	}
	if raw.Packages != nil {
		for p, v := range raw.Packages {
			if p == "" || v.Link {
				continue
			}
			n := v.Name
			if n == "" {
				n = packageNameFromPath(p)
			}
			lf.add(p, n, lockEntry{version: v.Version, integrity: v.Integrity})
		}
	} else {
		addV1(lf, "", raw.Dependencies)
	}
	return lf, nil
}

// lockDepV1 is a lockfileVersion 1 "dependencies" entry.
type lockDepV1 struct {
	Version      string               `json:"version"`
	Integrity    string               `json:"integrity"`
	Dependencies map[string]lockDepV1 `json:"dependencies"`
}

func addV1(lf *lockfile, parent string, deps map[string]lockDepV1) {
	for name, d := range deps {
		p := path.Join(parent, "node_modules", name)
		lf.add(p, name, lockEntry{version: d.Version, integrity: d.Integrity})
		addV1(lf, p, d.Dependencies)
	}
}

// parseYarnLock reads a yarn v1 lockfile: entries headed by their
// comma-separated "name@range" keys, with indented version and integrity
// fields. It has no install paths: entries are found by name.
func parseYarnLock(lf *lockfile, name string, data []byte) error {
	if bytes.Contains(data, []byte("\n__metadata:")) || bytes.HasPrefix(data, []byte("__metadata:")) {
		return errYarnBerry
	}
	var names []string
	var cur lockEntry
	flush := func() {
		for _, n := range names {
			lf.add("", n, cur)
		}
		names, cur = nil, lockEntry{}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), " \r")
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case s[0] != ' ':
			flush()
			if !strings.HasSuffix(s, ":") {
				return inputErr(name, "line %d: %q is not an entry header of a yarn v1 lockfile; regenerate it with yarn install", line, s)
			}
			for _, k := range strings.Split(strings.TrimSuffix(s, ":"), ",") {
				k = strings.Trim(strings.TrimSpace(k), `"`)
				at := strings.LastIndexByte(k, '@')
				if at <= 0 {
					return inputErr(name, "line %d: %q is not name@range; regenerate it with yarn install", line, k)
				}
				if n := k[:at]; !slices.Contains(names, n) {
					names = append(names, n)
				}
			}
		case strings.HasPrefix(s, "  ") && !strings.HasPrefix(s, "   "):
			k, v, _ := strings.Cut(strings.TrimSpace(s), " ")
			v = strings.Trim(v, `"`)
			switch k {
			case "version":
				cur.version = v
			case "integrity":
				cur.integrity = v
			}
		}
	}
	if err := sc.Err(); err != nil {
		return inputErr(name, "cannot be read as a yarn lockfile (%v); regenerate it with yarn install", err)
	}
	flush()
	return nil
}

// parsePnpmLock reads pnpm-lock.yaml's "packages" map, whose keys are
// "/name/1.2.3" (lockfile 5), "/name@1.2.3" (6) or "name@1.2.3" (9), with a
// peer suffix in parentheses or after "_", and whose entries hold
// resolution.integrity.
func parsePnpmLock(lf *lockfile, name string, data []byte) error {
	var raw struct {
		Packages map[string]struct {
			Resolution struct {
				Integrity string `yaml:"integrity"`
			} `yaml:"resolution"`
			Version string `yaml:"version"`
		} `yaml:"packages"`
	}
	if err := yaml.Unmarshal(data, &raw); err != nil {
		return &InputError{Path: name, Msg: "malformed YAML; regenerate it with pnpm install --lockfile-only", Err: err}
	}
	for k, v := range raw.Packages {
		k = strings.TrimPrefix(k, "/")
		if i := strings.IndexByte(k, '('); i >= 0 {
			k = k[:i]
		}
		var n, ver string
		if at := strings.LastIndexByte(k, '@'); at > 0 {
			n, ver = k[:at], k[at+1:]
		} else if i := strings.LastIndexByte(k, '/'); i > 0 { // lockfile 5: /name/1.2.3
			n, ver = k[:i], k[i+1:]
		} else {
			continue
		}
		if i := strings.IndexByte(ver, '_'); i >= 0 {
			ver = ver[:i]
		}
		if v.Version != "" {
			ver = v.Version
		}
		lf.add("", n, lockEntry{version: ver, integrity: v.Resolution.Integrity})
	}
	return nil
}
