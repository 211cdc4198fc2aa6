package baseline

import (
	"path"
	"regexp"
	"strings"
	"unicode"
)

// Placeholders written in place of the parts of a value that change from run
// to run. They are part of the baseline schema (docs/baseline.md).
const (
	PlaceholderPID     = "{pid}"
	PlaceholderNumber  = "{n}"
	PlaceholderVersion = "{version}"
	PlaceholderRandom  = "{random}"
)

// tempRoots are the directories whose entries are scratch files with
// generated names.
var tempRoots = []string{"/tmp", "/var/tmp", "/dev/shm"}

// versionRE matches a semantic version (optionally prefixed with v, with a
// common pre-release tag) inside a path component.
var versionRE = regexp.MustCompile(`v?[0-9]+\.[0-9]+\.[0-9]+(?:-(?:alpha|beta|rc|pre|next|canary|dev)[0-9A-Za-z]*(?:\.[0-9]+)*)?`)

// NormalizePath masks the parts of an absolute or relative path that differ
// between two runs of the same bundle:
//
//   - /proc/<pid>/… becomes /proc/{pid}/…, other numbers under /proc and /dev/pts become {n};
//   - version numbers (1.2.3, v20.11.1, 2.0.0-beta.1) become {version};
//   - random-looking runs (hex digests, UUIDs, base64, key material) become {random};
//   - below /tmp, /var/tmp and /dev/shm, generated names (a run of six or more
//     letters and digits mixing digits or cases, as mkdtemp makes, or a number) are masked too.
func NormalizePath(p string) string {
	if p == "" {
		return p
	}
	abs := strings.HasPrefix(p, "/")
	if abs {
		p = path.Clean(p)
	}
	parts := strings.Split(p, "/")
	underProc := abs && len(parts) > 1 && parts[1] == "proc"
	underPts := abs && len(parts) > 2 && parts[1] == "dev" && parts[2] == "pts"
	tempDepth := 0
	if abs {
		for _, r := range tempRoots {
			if p == r || strings.HasPrefix(p, r+"/") {
				tempDepth = strings.Count(r, "/") + 1
				break
			}
		}
	}
	for i, c := range parts {
		switch {
		case c == "" || c == "." || c == "..":
			continue
		case underProc && i == 2 && allDigits(c):
			parts[i] = PlaceholderPID
			continue
		case (underProc || underPts) && allDigits(c):
			parts[i] = PlaceholderNumber
			continue
		}
		c = versionRE.ReplaceAllString(c, PlaceholderVersion)
		c = maskRandomRuns(c, false)
		if tempDepth > 0 && i >= tempDepth {
			c = maskTempName(c)
		}
		parts[i] = c
	}
	return strings.Join(parts, "/")
}

// maskTempName masks the generated tokens of a file name below a temp root:
// the name is split at '-', '_' and '.', and a token that is a number, or six
// or more letters and digits mixing digits with letters or upper with lower
// case, is replaced.
func maskTempName(name string) string {
	var b strings.Builder
	start := 0
	flush := func(end int) {
		tok := name[start:end]
		switch {
		case tok == "" || strings.HasPrefix(tok, "{"):
			b.WriteString(tok)
		case allDigits(tok):
			b.WriteString(PlaceholderNumber)
		case len(tok) >= 6 && generated(tok):
			b.WriteString(PlaceholderRandom)
		default:
			b.WriteString(tok)
		}
	}
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '-', '_', '.':
			flush(i)
			b.WriteByte(name[i])
			start = i + 1
		}
	}
	flush(len(name))
	return b.String()
}

// generated reports whether an alphanumeric token looks machine-made: it
// mixes letters and digits, or upper and lower case inside the word.
func generated(tok string) bool {
	var digit, upper, lower, other bool
	for i, r := range tok {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'A' && r <= 'Z':
			if i > 0 {
				upper = true
			}
		case r >= 'a' && r <= 'z':
			lower = true
		default:
			other = true
		}
	}
	if other {
		return false
	}
	return (digit && (upper || lower)) || (upper && lower)
}

// maskRandomRuns replaces every run of 16 or more characters of the base64,
// hex and key alphabets that looks random with {random}. With slash, '/' is
// part of the alphabet (free text); in a path component it never is. '=' is
// not: it separates keys from values, and base64 padding needs no masking.
func maskRandomRuns(s string, slash bool) string {
	inRun := func(r byte) bool {
		return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' ||
			r == '+' || r == '_' || r == '-' || (slash && r == '/')
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !inRun(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && inRun(s[j]) {
			j++
		}
		if run := s[i:j]; looksRandom(run) {
			b.WriteString(PlaceholderRandom)
		} else {
			b.WriteString(run)
		}
		i = j
	}
	return b.String()
}

// looksRandom reports whether a run is key material or an identifier
// generated per run: 16 or more characters that are hex (with dashes, as in a
// UUID), or that mix digits with upper-case letters (AKIA… keys, base64).
func looksRandom(run string) bool {
	if len(run) < 16 {
		return false
	}
	var digits, upper, lower, hex int
	for _, r := range run {
		switch {
		case r >= '0' && r <= '9':
			digits++
			hex++
		case r >= 'a' && r <= 'f':
			lower++
			hex++
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'g' && r <= 'z':
			lower++
		case r == '-':
			hex++
		}
	}
	switch {
	case hex == len(run) && digits > 0 && digits < len(run):
		return true
	case digits > 0 && upper > 0:
		return true
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// NormalizeText masks run-specific parts of free text such as a process
// argument or an exfiltration destination: embedded absolute paths are
// normalised like NormalizePath, and random-looking runs (canary values,
// tokens) become {random}.
func NormalizeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if pathStart(s, i) {
			j := i
			for j < len(s) && !isDelim(rune(s[j])) {
				j++
			}
			b.WriteString(NormalizePath(s[i:j]))
			i = j
			continue
		}
		j := i
		for j < len(s) && !pathStart(s, j) {
			j++
		}
		b.WriteString(maskRandomRuns(s[i:j], true))
		i = j
	}
	return b.String()
}

// pathStart reports whether an absolute path starts at s[i]: a '/' at the
// beginning or after a delimiter, not followed by another '/' (as in a URL).
func pathStart(s string, i int) bool {
	return s[i] == '/' && (i == 0 || isDelim(rune(s[i-1]))) && (i+1 == len(s) || s[i+1] != '/')
}

func isDelim(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(`=:,;'"`+"`", r)
}

// NormalizeHost masks random-looking DNS labels (as DNS exfiltration
// produces) with {random} and lower-cases the name.
func NormalizeHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	labels := strings.Split(h, ".")
	for i, l := range labels {
		if len(l) >= 16 && randomLabel(l) {
			labels[i] = PlaceholderRandom
		}
	}
	return strings.Join(labels, ".")
}

// randomLabel reports whether a lower-cased DNS label of 16+ characters
// looks encoded: it mixes letters and digits.
func randomLabel(l string) bool {
	var digit, letter bool
	for _, r := range l {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r >= 'a' && r <= 'z':
			letter = true
		}
	}
	return digit && letter
}
