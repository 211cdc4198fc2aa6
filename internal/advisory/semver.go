package advisory

import (
	"errors"
	"strings"
)

// version is an npm (Semantic Versioning 2.0.0) version. Numeric parts are
// kept as digit strings so that arbitrarily long numbers compare correctly.
type version struct {
	core [3]string // major, minor, patch; leading zeros trimmed
	pre  []string  // pre-release identifiers; empty for a release
}

var errBadVersion = errors.New("not a semantic version")

// parseVersion parses an npm version leniently, the way OSV ranges for npm
// are written: an optional "v" or "=" prefix, one to three numeric parts
// (missing ones are 0, so "1.0" is 1.0.0), an optional "-pre.release" and an
// optional "+build" (ignored in comparisons).
func parseVersion(s string) (version, error) {
	var v version
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, "=vV")
	if s == "" {
		return v, errBadVersion
	}
	if i := strings.IndexByte(s, '+'); i >= 0 {
		if !validIdents(s[i+1:]) {
			return v, errBadVersion
		}
		s = s[:i]
	}
	if i := strings.IndexByte(s, '-'); i >= 0 {
		pre := s[i+1:]
		if !validIdents(pre) {
			return v, errBadVersion
		}
		v.pre = strings.Split(pre, ".")
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 3 {
		return v, errBadVersion
	}
	for i := range v.core {
		v.core[i] = "0"
	}
	for i, p := range parts {
		if !isDigits(p) {
			return v, errBadVersion
		}
		v.core[i] = trimZeros(p)
	}
	return v, nil
}

// validIdents reports whether s is a dot-separated list of non-empty
// [0-9A-Za-z-] identifiers.
func validIdents(s string) bool {
	if s == "" {
		return false
	}
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return false
		}
		for i := 0; i < len(id); i++ {
			c := id[i]
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
				return false
			}
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func trimZeros(s string) string {
	t := strings.TrimLeft(s, "0")
	if t == "" {
		return "0"
	}
	return t
}

// cmpNum compares two digit strings numerically.
func cmpNum(a, b string) int {
	a, b = trimZeros(a), trimZeros(b)
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// compare orders versions by SemVer 2.0.0 precedence (section 11): core
// numerically, a pre-release before its release, pre-release identifiers
// numerically when both are numeric, numeric before alphanumeric,
// alphanumeric in ASCII order, and a shorter list of equal identifiers first.
func (v version) compare(w version) int {
	for i := range v.core {
		if c := cmpNum(v.core[i], w.core[i]); c != 0 {
			return c
		}
	}
	switch {
	case len(v.pre) == 0 && len(w.pre) == 0:
		return 0
	case len(v.pre) == 0:
		return 1
	case len(w.pre) == 0:
		return -1
	}
	for i := 0; i < len(v.pre) && i < len(w.pre); i++ {
		a, b := v.pre[i], w.pre[i]
		an, bn := isDigits(a), isDigits(b)
		var c int
		switch {
		case an && bn:
			c = cmpNum(a, b)
		case an:
			c = -1
		case bn:
			c = 1
		default:
			c = strings.Compare(a, b)
		}
		if c != 0 {
			return c
		}
	}
	switch {
	case len(v.pre) < len(w.pre):
		return -1
	case len(v.pre) > len(w.pre):
		return 1
	}
	return 0
}

func (v version) String() string {
	s := v.core[0] + "." + v.core[1] + "." + v.core[2]
	if len(v.pre) > 0 {
		s += "-" + strings.Join(v.pre, ".")
	}
	return s
}
