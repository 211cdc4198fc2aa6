package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path"
	"regexp"
	"strings"
)

// Bundles built without a source map still say where each module's code
// comes from when they are not minified:
//
//   - esbuild starts every module's code with a comment line naming its
//     source, after an empty line ("// node_modules/ms/index.js"); it drops
//     every other ordinary comment, so such a line is esbuild's own. CDK's
//     NodejsFunction builds this way by default (no minification, no map).
//   - webpack's development builds key every module by its path
//     ("/***/ \"./node_modules/ms/index.js\":"), and its own bootstrap
//     lines start with "/******/". With the default "eval" devtool a
//     module's code is a string handed to eval() at the top of the module's
//     wrapper: those eval calls are module loading, not code a package ran.
//     The eval'd code names itself with a //# sourceURL, which V8 then gives
//     as its frames' eval origin instead of the eval call's position; such
//     a frame is known by its script's hash (SHA-256 of the source, as V8's
//     CallSite.getScriptHash reports it), computed here from the string.

// jsSourceExt are the extensions of files a region comment may name.
var jsSourceExt = map[string]bool{
	".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true, ".mts": true, ".cts": true, ".tsx": true,
	".json": true, ".node": true,
}

var webpackHeader = regexp.MustCompile(`^/\*\*\*/ "([^"]+)"\s*:?\s*$`)

// regions finds the module regions of a bundle without a source map: the
// start of each region with its source (an index into sources, which it
// extends), the positions of webpack's module eval calls and the hashes of
// the code they evaluate (→ source index). found is false when the file has
// no region comment of either kind.
func regions(js []byte, sources *[]mappedSource) (segs []segmentStart, loaderSites []position, evalHashes map[string]int, found bool) {
	index := map[string]int{}
	sourceIndex := func(p string) int {
		if i, ok := index[p]; ok {
			return i
		}
		index[p] = len(*sources)
		*sources = append(*sources, mappedSource{path: p})
		return index[p]
	}
	prevBlank := true
	inWebpackModule := false
	for n, rest := 1, js; len(rest) > 0; n++ {
		var line []byte
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			line, rest = rest, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		blank := len(bytes.TrimSpace(line)) == 0
		switch t := bytes.TrimLeft(line, " \t"); {
		case prevBlank && bytes.HasPrefix(t, []byte("// ")):
			if p := string(t[3:]); esbuildSource(p) {
				segs = append(segs, segmentStart{at: position{n, 1}, source: sourceIndex(p)})
				found = true
			}
		case bytes.HasPrefix(line, []byte("/******/")):
			if inWebpackModule {
				segs = append(segs, segmentStart{at: position{n, 1}, source: -1})
				inWebpackModule = false
			}
		case bytes.HasPrefix(line, []byte("/***/ ")):
			if m := webpackHeader.FindSubmatch(line); m != nil {
				segs = append(segs, segmentStart{at: position{n, 1}, source: sourceIndex(string(m[1]))})
				inWebpackModule, found = true, true
			}
		case inWebpackModule && bytes.HasPrefix(line, []byte("eval(")):
			loaderSites = append(loaderSites, position{n, 1})
			if h, ok := evalHash(line[len("eval("):]); ok && len(segs) > 0 {
				if evalHashes == nil {
					evalHashes = map[string]int{}
				}
				evalHashes[h] = segs[len(segs)-1].source
			}
		}
		prevBlank = blank
	}
	return segs, loaderSites, evalHashes, found
}

// evalHash returns the hex SHA-256 of the code in the JSON string literal
// at the start of s (webpack writes module code with JSON.stringify).
func evalHash(s []byte) (string, bool) {
	var code string
	if len(s) == 0 || s[0] != '"' || json.NewDecoder(bytes.NewReader(s)).Decode(&code) != nil {
		return "", false
	}
	h := sha256.Sum256([]byte(code))
	return hex.EncodeToString(h[:]), true
}

// esbuildSource reports whether the text of a comment line is a source
// path as esbuild writes it: one word naming a JavaScript, TypeScript or
// JSON file, or esbuild's own "<runtime>", "<stdin>", "<define:…>".
func esbuildSource(p string) bool {
	if p == "" || strings.ContainsAny(p, " \t") {
		return false
	}
	if strings.HasPrefix(p, "<") && strings.HasSuffix(p, ">") {
		return true
	}
	p = strings.TrimPrefix(p, "(disabled):")
	return jsSourceExt[path.Ext(p)]
}

// jsonVersion finds the "version" of a package.json that a bundler
// inlined as JavaScript: esbuild writes an object literal
// (`version: "1.2.3"`) or `var version = "1.2.3"` (named imports of JSON),
// webpack JSON text inside a string (`\"version\":\"1.2.3\"`).
var jsonVersion = regexp.MustCompile(`\\*"?\bversion\\*"?(?:: ?| = )\\*"([0-9][0-9A-Za-z.+-]{0,63})\\*"`)
