package canary

import (
	"slices"
	"strings"
)

// Redact replaces canary material in s by "{canary:NAME}", so that what
// depbox stores (DNS names, command lines, destinations, paths) holds no
// secret and is the same from run to run. It uses the matcher Find uses,
// ignoring case: whole values and every run of at least MinRandomChars
// random characters, in any encoding, also across the labels of a DNS
// name (data split to fit 63-byte labels) and inside percent escapes.
// Each stretch of s made of canary material becomes one placeholder,
// labels and dots inside it included.
func (s *Set) Redact(str string) string {
	if len(str) < MinRandomChars {
		return str
	}
	data := []byte(str)
	owner := make([]int32, len(data)) // canary index + 1 of each byte, 0 for none
	for _, v := range s.views(data, true, []int{0}) {
		s.m.scan(v.b, true, true, func(h hit) {
			start, end := v.orig(h.start, h.end)
			for i := start; i < end; i++ {
				if owner[i] == 0 {
					owner[i] = h.sec + 1
				}
			}
		})
	}
	if !slices.ContainsFunc(owner, func(o int32) bool { return o != 0 }) {
		return str
	}
	var b strings.Builder
	for i := 0; i < len(data); {
		if owner[i] == 0 {
			b.WriteByte(data[i])
			i++
			continue
		}
		b.WriteString("{canary:" + s.m.secrets[owner[i]-1].name + "}")
		j := i
		for j < len(data) && (owner[j] != 0 || data[j] == '.' && j+1 < len(data) && owner[j+1] != 0) {
			j++
		}
		i = j
	}
	return b.String()
}
