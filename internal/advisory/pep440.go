package advisory

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// PyPI matching: OSV's PyPI records name distributions as PyPI does and
// give versions and ECOSYSTEM ranges in PEP 440. Names are compared in
// their PEP 503 normal form, versions by PEP 440's order.

// EcosystemPyPI is OSV's name of the Python Package Index.
const EcosystemPyPI = "PyPI"

var pep503Re = regexp.MustCompile(`[-_.]+`)

// normalizeName is the PEP 503 form of a PyPI name: lower case, runs of
// "-", "_" and "." as one "-". Other ecosystems' names are kept.
func normalizeName(ecosystem, name string) string {
	if ecosystem != EcosystemPyPI {
		return name
	}
	return strings.ToLower(pep503Re.ReplaceAllString(strings.TrimSpace(name), "-"))
}

// pep440 is a parsed PEP 440 version.
type pep440 struct {
	epoch   int
	release []int
	pre     *[2]int // phase (0 a, 1 b, 2 rc) and number
	post    *int
	dev     *int
	local   []string
}

var pep440Re = regexp.MustCompile(`^v?(?:(\d+)!)?(\d+(?:\.\d+)*)` +
	`(?:[-_.]?(a|alpha|b|beta|rc|c|pre|preview)[-_.]?(\d*))?` +
	`(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d*))?` +
	`(?:[-_.]?(dev)[-_.]?(\d*))?` +
	`(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$`)

// parsePEP440 parses a version the way pip does (case-insensitive, with
// PEP 440's normalisations: alpha → a, c/pre/preview → rc, rev/r → post,
// implicit numbers 0, "-1" as a post release, a leading "v").
func parsePEP440(s string) (pep440, error) {
	m := pep440Re.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return pep440{}, fmt.Errorf("%q is not a PEP 440 version", s)
	}
	var v pep440
	v.epoch, _ = strconv.Atoi(m[1])
	for _, p := range strings.Split(m[2], ".") {
		n, err := strconv.Atoi(p)
		if err != nil {
			return pep440{}, fmt.Errorf("%q: release segment %q out of range", s, p)
		}
		v.release = append(v.release, n)
	}
	if m[3] != "" {
		phase := map[string]int{"a": 0, "alpha": 0, "b": 1, "beta": 1, "rc": 2, "c": 2, "pre": 2, "preview": 2}[m[3]]
		n, _ := strconv.Atoi(m[4])
		v.pre = &[2]int{phase, n}
	}
	switch {
	case m[5] != "":
		n, _ := strconv.Atoi(m[5])
		v.post = &n
	case m[6] != "":
		n, _ := strconv.Atoi(m[7])
		v.post = &n
	}
	if m[8] != "" {
		n, _ := strconv.Atoi(m[9])
		v.dev = &n
	}
	if m[10] != "" {
		v.local = strings.FieldsFunc(m[10], func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	}
	return v, nil
}

// comparePEP440 orders versions as PEP 440 (and pip's packaging) does:
// epoch, release (trailing zeros do not count), then a dev release of a
// final before its pre-releases, pre-releases before the final, post
// releases after it, dev releases before what they precede, and a local
// version after the same public one.
func comparePEP440(a, b pep440) int {
	if c := cmp.Compare(a.epoch, b.epoch); c != 0 {
		return c
	}
	n := max(len(a.release), len(b.release))
	for i := range n {
		if c := cmp.Compare(at(a.release, i), at(b.release, i)); c != 0 {
			return c
		}
	}
	pa, pb := preKey(a), preKey(b)
	if c := cmp.Or(cmp.Compare(pa[0], pb[0]), cmp.Compare(pa[1], pb[1])); c != 0 {
		return c
	}
	if c := cmp.Compare(optKey(a.post, -1), optKey(b.post, -1)); c != 0 {
		return c
	}
	if c := cmp.Compare(optKey(a.dev, 1<<62), optKey(b.dev, 1<<62)); c != 0 {
		return c
	}
	return compareLocal(a.local, b.local)
}

func at(r []int, i int) int {
	if i < len(r) {
		return r[i]
	}
	return 0
}

// preKey sorts: dev-only release (-2) < a < b < rc < none (final).
func preKey(v pep440) [2]int {
	switch {
	case v.pre == nil && v.post == nil && v.dev != nil:
		return [2]int{-2, 0}
	case v.pre == nil:
		return [2]int{3, 0}
	}
	return *v.pre
}

func optKey(p *int, absent int) int {
	if p == nil {
		return absent
	}
	return *p
}

// compareLocal: no local sorts first; numeric parts above alphanumeric
// ones; a longer local with the same prefix above.
func compareLocal(a, b []string) int {
	for i := range min(len(a), len(b)) {
		na, ea := strconv.Atoi(a[i])
		nb, eb := strconv.Atoi(b[i])
		var c int
		switch {
		case ea == nil && eb == nil:
			c = cmp.Compare(na, nb)
		case ea == nil:
			c = 1
		case eb == nil:
			c = -1
		default:
			c = strings.Compare(a[i], b[i])
		}
		if c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// affectsPEP440 is affects for PyPI: an exact entry in versions (compared
// as PEP 440 versions, so "1.0" matches "1.0.0"), or an ECOSYSTEM range
// under PEP 440's order.
func (af *affected) affectsPEP440(raw string) bool {
	v, err := parsePEP440(raw)
	ok := err == nil
	if slices.Contains(af.Versions, raw) {
		return true
	}
	if ok {
		for _, s := range af.Versions {
			if w, err := parsePEP440(s); err == nil && comparePEP440(v, w) == 0 {
				return true
			}
		}
	}
	for _, evs := range af.Ranges {
		if rangeAffectsBy(evs, v, ok, parsePEP440, comparePEP440) {
			return true
		}
	}
	return false
}

// ComparePEP440 orders two PEP 440 versions (-1, 0, 1), as pip does.
func ComparePEP440(a, b string) (int, error) {
	va, err := parsePEP440(a)
	if err != nil {
		return 0, err
	}
	vb, err := parsePEP440(b)
	if err != nil {
		return 0, err
	}
	return comparePEP440(va, vb), nil
}
