package audit

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// ErrSpec is wrapped by every error about a package spec or a list of them
// (a usage error: exit 2).
var ErrSpec = errors.New("bad package spec")

// SpecHint says what a spec looks like; it ends spec errors.
const SpecHint = "give npm:NAME, npm:NAME@VERSION, npm:NAME@RANGE or npm:NAME@TAG (e.g. npm:left-pad@1.3.0, npm:@scope/name@^2), pypi:NAME or pypi:NAME@VERSION (e.g. pypi:requests@2.31.0), or a local .tgz or .whl file"

// Ecosystems a spec names. The npm registry is the zero value.
const (
	EcosystemNPM  = ""
	EcosystemPyPI = "pypi"
)

// Spec is one package to audit: a name and version, range or tag from the
// npm registry, a name and version from a Python package index, or a
// local file (an npm tarball or a wheel).
type Spec struct {
	// Ecosystem is EcosystemNPM or EcosystemPyPI.
	Ecosystem string `json:"ecosystem,omitempty"`
	// Name is the registry package name (empty for a local file).
	Name string `json:"name,omitempty"`
	// Version is the version, range or tag asked for ("" means latest).
	Version string `json:"version,omitempty"`
	// Tarball is the path of a local .tgz or .tar.gz file, or of a wheel.
	Tarball string `json:"tarball,omitempty"`
}

// IsTarball reports whether the spec names a local file.
func (s Spec) IsTarball() bool { return s.Tarball != "" }

// IsPyPI reports whether the spec names a Python distribution.
func (s Spec) IsPyPI() bool { return s.Ecosystem == EcosystemPyPI }

// prefix is the spec's ecosystem prefix, "npm:" or "pypi:".
func (s Spec) prefix() string {
	if s.IsPyPI() {
		return "pypi:"
	}
	return "npm:"
}

// String renders the spec the way it is written on the command line.
func (s Spec) String() string {
	if s.IsTarball() {
		return s.Tarball
	}
	if s.Version == "" {
		return s.prefix() + s.Name
	}
	return s.prefix() + s.Name + "@" + s.Version
}

// npmArg is the spec as npm takes it ("name@version"; "name@latest" when no
// version was given).
func (s Spec) npmArg() string {
	v := s.Version
	if v == "" {
		v = "latest"
	}
	return s.Name + "@" + v
}

var (
	// npm package names: optional scope, URL-safe characters, no leading
	// dot or underscore; old names may have capitals.
	nameRE = regexp.MustCompile(`^(?:@[a-z0-9~-][a-z0-9._~-]*/)?[a-zA-Z0-9~-][a-zA-Z0-9._~-]*$`)
	// Versions, ranges (^1.2, >=1 <2, 1.x || 2.x) and dist-tags. Nothing
	// that would make npm fetch from git, a URL or a directory (':', '/',
	// '#', '@').
	versionRE = regexp.MustCompile(`^[A-Za-z0-9.+^~<>=*|_ -]+$`)
	// PEP 508 distribution names, and PEP 440 versions (exact ones: what
	// pip is asked for is NAME==VERSION).
	pypiNameRE    = regexp.MustCompile(`^(?i:[A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$`)
	pypiVersionRE = regexp.MustCompile(`^[A-Za-z0-9.!+_-]+$`)
)

// parsePyPI parses the part of a pypi: spec after the prefix.
func parsePyPI(raw, rest string) (Spec, error) {
	name, version, _ := strings.Cut(rest, "@")
	if strings.Contains(rest, "@") && version == "" {
		return Spec{}, fmt.Errorf("%w: %q has an empty version after '@': %s", ErrSpec, raw, SpecHint)
	}
	if len(name) > 200 || !pypiNameRE.MatchString(name) {
		return Spec{}, fmt.Errorf("%w: %q is not a valid Python distribution name (PEP 508): %s", ErrSpec, name, SpecHint)
	}
	if version != "" && (len(version) > 128 || !pypiVersionRE.MatchString(version)) {
		return Spec{}, fmt.Errorf("%w: %q is not a version (pypi: specs take one exact version; no ranges, URLs or files): %s", ErrSpec, version, SpecHint)
	}
	return Spec{Ecosystem: EcosystemPyPI, Name: name, Version: version}, nil
}

// ParseSpec parses one package spec: "npm:name", "npm:name@version|range|tag",
// "npm:@scope/name@1.0.0", or a path ending in .tgz or .tar.gz. Errors wrap
// ErrSpec and say what to give instead.
func ParseSpec(raw string) (Spec, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return Spec{}, fmt.Errorf("%w: empty spec: %s", ErrSpec, SpecHint)
	case strings.HasPrefix(s, "pypi:"):
		return parsePyPI(raw, strings.TrimPrefix(s, "pypi:"))
	case strings.HasSuffix(s, ".whl"):
		if strings.Contains(s, "://") {
			return Spec{}, fmt.Errorf("%w: %q: only local wheels can be audited, not URLs: %s", ErrSpec, raw, SpecHint)
		}
		return Spec{Ecosystem: EcosystemPyPI, Tarball: strings.TrimPrefix(s, "file:")}, nil
	case !strings.HasPrefix(s, "npm:") && (strings.HasSuffix(s, ".tgz") || strings.HasSuffix(s, ".tar.gz")):
		if strings.Contains(s, "://") {
			return Spec{}, fmt.Errorf("%w: %q: only local tarballs can be audited, not URLs: %s", ErrSpec, raw, SpecHint)
		}
		return Spec{Tarball: strings.TrimPrefix(s, "file:")}, nil
	}
	rest, ok := strings.CutPrefix(s, "npm:")
	if !ok {
		hint := SpecHint
		if _, err := ParseSpec("npm:" + s); err == nil {
			hint = fmt.Sprintf("did you mean npm:%s? (registry packages take the npm: prefix)", s)
		}
		return Spec{}, fmt.Errorf("%w: %q: %s", ErrSpec, raw, hint)
	}
	name, version := rest, ""
	// A scoped name starts with '@': the version separator is the next one.
	if i := strings.LastIndex(rest, "@"); i > 0 {
		name, version = rest[:i], rest[i+1:]
		if version == "" {
			return Spec{}, fmt.Errorf("%w: %q has an empty version after '@': %s", ErrSpec, raw, SpecHint)
		}
	}
	if len(name) > 214 || !nameRE.MatchString(name) {
		return Spec{}, fmt.Errorf("%w: %q is not a valid npm package name: %s", ErrSpec, name, SpecHint)
	}
	if version != "" && (len(version) > 256 || !versionRE.MatchString(version)) {
		return Spec{}, fmt.Errorf("%w: %q is not a version, range or tag (git, URL, alias and file specs are not audited): %s", ErrSpec, version, SpecHint)
	}
	return Spec{Name: name, Version: strings.TrimSpace(version)}, nil
}

// Against returns the spec to compare s with: against is a spec of its own
// ("npm:foo@1.9.3", "./foo-1.9.3.tgz", "pypi:foo@1.0") or a version, range
// or tag of the package named name (s's name, or the name inside s's
// file) in s's ecosystem.
func Against(s Spec, name, against string) (Spec, error) {
	a := strings.TrimSpace(against)
	if strings.HasPrefix(a, "npm:") || strings.HasPrefix(a, "pypi:") || strings.HasSuffix(a, ".tgz") || strings.HasSuffix(a, ".tar.gz") || strings.HasSuffix(a, ".whl") {
		return ParseSpec(a)
	}
	if name == "" {
		return Spec{}, fmt.Errorf("%w: --against %q: no package name to take the version of", ErrSpec, against)
	}
	return ParseSpec(s.prefix() + name + "@" + a)
}

// Job is one line of a batch: a spec, and optionally a version to compare it with.
type Job struct {
	Spec Spec `json:"spec"`
	// Against is the --against value ("" for a plain audit).
	Against string `json:"against,omitempty"`
}

// Label is how progress and reports name the job.
func (j Job) Label() string {
	if j.Against != "" {
		return j.Spec.String() + " --against " + j.Against
	}
	return j.Spec.String()
}

// ParseList reads a batch list: one spec per line, optionally followed by
// "--against VERSION"; blank lines and lines starting with '#' are skipped,
// and repeated lines are audited once. Errors name the line.
func ParseList(r io.Reader, name string) ([]Job, error) {
	var jobs []Job
	seen := map[Job]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		j := Job{}
		spec, err := ParseSpec(fields[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		j.Spec = spec
		switch rest := fields[1:]; {
		case len(rest) == 0:
		case len(rest) == 2 && rest[0] == "--against":
			j.Against = rest[1]
		case len(rest) == 1 && strings.HasPrefix(rest[0], "--against="):
			j.Against = strings.TrimPrefix(rest[0], "--against=")
		default:
			return nil, fmt.Errorf("%s:%d: %w: unexpected %q after the spec (a line is SPEC or SPEC --against VERSION)", name, n, ErrSpec, strings.Join(rest, " "))
		}
		if j.Against != "" && !j.Spec.IsTarball() {
			if _, err := Against(j.Spec, j.Spec.Name, j.Against); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
		}
		if !seen[j] {
			seen[j] = true
			jobs = append(jobs, j)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return jobs, nil
}

// ParseShard parses "i/n" (1 ≤ i ≤ n).
func ParseShard(s string) (i, n int, err error) {
	if _, err := fmt.Sscanf(s, "%d/%d", &i, &n); err != nil || n < 1 || i < 1 || i > n || fmt.Sprintf("%d/%d", i, n) != s {
		return 0, 0, fmt.Errorf("%w: --shard %q: want i/n with 1 ≤ i ≤ n, e.g. 2/4", ErrSpec, s)
	}
	return i, n, nil
}

// Shard returns the jobs shard i of n runs: every n-th job, starting with the
// i-th. Every machine reads the same list, so the shards are disjoint and
// together cover it.
func Shard(jobs []Job, i, n int) []Job {
	if n <= 1 {
		return jobs
	}
	var out []Job
	for k, j := range jobs {
		if k%n == i-1 {
			out = append(out, j)
		}
	}
	return out
}
