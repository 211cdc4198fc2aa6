package event

import (
	"net/url"
	"strings"
)

// The injection payloads. They are data: strings a handler or a dependency
// might pass to a database, a shell, the file system or an object merge.
// None of them reaches anything outside the sandbox, none contains NUL, and
// the shell one only runs harmless commands if something does execute it.
const (
	sqlText   = `' OR '1'='1'; DROP TABLE users;--`
	shellText = "$(id) `uname -a`; cat /etc/passwd | id && whoami #"
	pathText  = "../../../../etc/passwd"
	protoText = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`
	// unicodeText mixes a right-to-left override that makes "gnp.exe" read as
	// "exe.png", zero-width characters, a byte order mark, emoji with
	// zero-width joiners and skin tones, combining marks, full-width and
	// Cyrillic look-alike letters, mathematical letters, JavaScript's line
	// terminators U+2028/U+2029, and Arabic and Hebrew text.
	unicodeText = "\u202egnp.exe\u202c \u200b\u200c\u200d\ufeff 🧨👩🏽‍💻 Z\u0351\u0352\u0353 ＡＤＭＩＮ \u0430dmin 𝕏 \u2028\u2029 مرحبا שלום"
	// protoKeyPath is a slash-separated key that walks into the prototype
	// when split and assigned path by path.
	protoKeyPath = "__proto__/polluted"
)

// pollution is merged into JSON objects in the proto-pollution variant.
func pollution() map[string]any {
	return map[string]any{
		"__proto__":   map[string]any{"polluted": true},
		"constructor": map[string]any{"prototype": map[string]any{"polluted": true}},
	}
}

// injection turns default values into the values of one variant.
type injection struct{ variant string }

func (in injection) on() bool { return in.variant != VariantDefault }

// text is a free-text value an outsider controls: a header, a query value,
// an attribute, a subject line. size is the oversized length for the field.
func (in injection) text(def string, size int) string {
	switch in.variant {
	case VariantSQL:
		return sqlText
	case VariantShell:
		return shellText
	case VariantPathTraversal:
		return pathText
	case VariantProtoPollution:
		return protoText
	case VariantOversized:
		return strings.Repeat("A", size)
	case VariantUnicode:
		return unicodeText
	}
	return def
}

// key is an object key or URL path tail under prefix: an S3 key, a greedy
// path parameter. Path traversal and prototype pollution ignore prefix, so
// that the value starts with the hostile part; oversized fills to size bytes
// in total.
func (in injection) key(prefix, def, ext string, size int) string {
	switch in.variant {
	case VariantSQL:
		return prefix + sqlText + ext
	case VariantShell:
		return prefix + shellText + ext
	case VariantPathTraversal:
		return pathText
	case VariantProtoPollution:
		return protoKeyPath
	case VariantOversized:
		return prefix + strings.Repeat("A", max(1, size-len(prefix)-len(ext))) + ext
	case VariantUnicode:
		return prefix + "\u202etxt.exe\u202c_\u200b📄_ＲＥＰＯＲＴ_re\u0301sume\u0301" + ext
	}
	return prefix + def + ext
}

// doc is a JSON document an outsider controls: a request body, a message.
// The default is base. SQL, shell, path traversal and unicode replace every
// string in it; prototype pollution adds __proto__ and constructor keys at
// the top level and in every nested object; oversized sets bigField to a
// string of size bytes.
func (in injection) doc(base map[string]any, bigField string, size int) map[string]any {
	switch in.variant {
	case VariantDefault:
		return base
	case VariantProtoPollution:
		return pollute(base).(map[string]any)
	case VariantOversized:
		out := copyJSON(base).(map[string]any)
		out[bigField] = strings.Repeat("A", size)
		return out
	}
	t := in.text("", 0)
	return mapStrings(base, func(string) string { return t }).(map[string]any)
}

// query returns the query parameters a client sent: the defaults with every
// value injected, plus bracketed __proto__ and constructor keys in the
// prototype pollution variant (what qs-style parsers turn into nested
// objects).
func (in injection) query(def pairs, size int) pairs {
	out := make(pairs, len(def))
	for i, kv := range def {
		out[i] = [2]string{kv[0], in.text(kv[1], size)}
	}
	if in.variant == VariantProtoPollution {
		out = append(out,
			[2]string{"__proto__[polluted]", "true"},
			[2]string{"constructor[prototype][polluted]", "true"})
	}
	return out
}

func copyJSON(v any) any { return mapStrings(v, func(s string) string { return s }) }

// mapStrings deep-copies a JSON value built from maps, slices and scalars,
// applying f to every string value (not to keys).
func mapStrings(v any, f func(string) string) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = mapStrings(e, f)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = mapStrings(e, f)
		}
		return out
	case string:
		return f(x)
	}
	return v
}

// pollute deep-copies v and adds the pollution keys to every object.
func pollute(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x)+2)
		for k, e := range x {
			out[k] = pollute(e)
		}
		for k, e := range pollution() {
			out[k] = e
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = pollute(e)
		}
		return out
	}
	return v
}

// queryEscape escapes like a browser's address bar: form encoding, with
// square brackets left as they are.
func queryEscape(s string) string {
	s = url.QueryEscape(s)
	return strings.NewReplacer("%5B", "[", "%5D", "]").Replace(s)
}

// pathEscape percent-encodes a decoded URL path, keeping slashes.
func pathEscape(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// s3KeyEscape encodes an object key the way S3 event notifications do:
// form encoding (spaces become "+"), slashes kept.
func s3KeyEscape(k string) string {
	return strings.ReplaceAll(url.QueryEscape(k), "%2F", "/")
}
