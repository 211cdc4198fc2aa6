package profile

import (
	"fmt"
	"reflect"
	"strings"
	"unicode/utf8"
)

// MaxString bounds every string a profile holds: names, versions, paths,
// command lines, DNS names, messages. Longer values (a 5 MB version string
// from a hostile package.json) are cut and marked.
const MaxString = 1024

// Sanitize makes every string in the profile safe to show and bounded:
// control characters (C0, DEL, C1), Unicode line and paragraph separators,
// bidirectional overrides and invalid UTF-8 become visible escapes (\x1b,
// \n, \u202e), and strings longer than MaxString bytes are cut with a note
// of how much was dropped. Package code chooses these strings — its name,
// version and install path, the paths it opens, the names it resolves, the
// commands it runs — and must not be able to draw on a reader's terminal or
// fake a row of a report. Sanitize is idempotent.
func (p *Profile) Sanitize() { sanitizeValue(reflect.ValueOf(p).Elem()) }

func sanitizeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			if s := v.String(); s != "" {
				if c := CleanString(s); c != s {
					v.SetString(c)
				}
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			sanitizeValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				sanitizeValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			sanitizeValue(v.Index(i))
		}
	case reflect.Map:
		// Keys (phase names) are depbox's own; values are rebuilt when
		// they are strings, walked when they are pointers.
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			switch e.Kind() {
			case reflect.Pointer, reflect.Interface:
				sanitizeValue(e)
			case reflect.String:
				if c := CleanString(e.String()); c != e.String() {
					v.SetMapIndex(k, reflect.ValueOf(c).Convert(e.Type()))
				}
			}
		}
	}
}

// CleanString escapes what a terminal or a report would interpret and
// bounds the length (see Sanitize).
func CleanString(s string) string {
	clean := len(s) <= MaxString
	for i := 0; clean && i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || unsafeRune(r) {
			clean = false
		}
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
		if b.Len() > 2*MaxString {
			return cut(b.String(), len(s)-i)
		}
	}
	return cut(b.String(), 0)
}

// cut bounds an escaped string to MaxString bytes, noting how many bytes
// (of it, plus dropped more of the original) were left out; the result is
// clean, so cleaning it again changes nothing.
func cut(s string, dropped int) string {
	if len(s) <= MaxString && dropped == 0 {
		return s
	}
	keep := MaxString - 40
	for keep > 0 && !utf8.RuneStart(s[keep]) {
		keep--
	}
	return s[:keep] + fmt.Sprintf("…[%d more bytes]", len(s)-keep+dropped)
}

// unsafeRune reports characters a terminal or a bidi-aware viewer acts on.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi
		return true
	}
	return false
}
