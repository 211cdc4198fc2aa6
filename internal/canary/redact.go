package canary

import (
	"slices"
	"strings"
)

// Redact replaces every canary value in s, in any encoding Find knows, by
// "{canary:NAME}", so that what depbox stores (DNS names, command lines,
// destinations) holds no secret and is the same from run to run. A DNS name
// whose labels together spell a canary (data split to fit 63-byte labels)
// has those labels replaced too.
func (s *Set) Redact(str string) string {
	if str == "" {
		return str
	}
	ns := slices.Clone(s.needles)
	slices.SortStableFunc(ns, func(a, b needle) int { return len(b.b) - len(a.b) })
	for _, n := range ns {
		if strings.Contains(str, string(n.b)) {
			str = strings.ReplaceAll(str, string(n.b), "{canary:"+n.canary+"}")
		}
	}
	if !strings.Contains(str, ".") {
		return str
	}
	m := s.FindString(strings.ReplaceAll(str, ".", ""))
	if len(m) == 0 {
		return str
	}
	labels := strings.Split(str, ".")
	out := labels[:0]
	replaced := false
	for _, l := range labels {
		if len(l) >= 16 && strings.Trim(l, "0123456789abcdefABCDEFghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ+/=_-") == "" {
			if !replaced {
				out = append(out, "{canary:"+m[0].Canary+"}")
				replaced = true
			}
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, ".")
}
