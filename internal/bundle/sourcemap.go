package bundle

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
)

// sourceMap is the part of a source map (revision 3) depbox reads: which
// original source each stretch of the generated file comes from. Index maps
// (sections) are flattened by readSourceMap.
type sourceMap struct {
	Version        int       `json:"version"`
	SourceRoot     string    `json:"sourceRoot"`
	Sources        []string  `json:"sources"`
	SourcesContent []*string `json:"sourcesContent"`
	Mappings       string    `json:"mappings"`
	Sections       []struct {
		Offset struct {
			Line   int `json:"line"`
			Column int `json:"column"`
		} `json:"offset"`
		Map *sourceMap `json:"map"`
	} `json:"sections"`
}

// position is a place in a generated file: line and column both 1-based,
// as V8 reports them in call sites.
type position struct{ line, col int }

func (a position) less(b position) bool {
	return a.line < b.line || a.line == b.line && a.col < b.col
}

// segmentStart is where one generated segment begins and which original
// source it comes from (-1: none, code the bundler generated).
type segmentStart struct {
	at     position
	source int
}

// parseSourceMap decodes a source map's JSON.
func parseSourceMap(name string, data []byte) (*sourceMap, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.TrimPrefix(data, []byte(")]}'")) // the XSSI prefix the specification allows
	var m sourceMap
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, jsonError(name, data, err, "fix the source map or rebuild the bundle")
	}
	if m.Version != 3 {
		return nil, inputErr(name, "is a source map of version %d; only version 3 maps are read (rebuild the bundle with a current bundler)", m.Version)
	}
	return &m, nil
}

// segments returns, in generated order, where each mapped segment starts
// and its index into sources, which it extends with the sources of index
// map sections (all of them, flattened, prefixed by the section's source
// root).
func (m *sourceMap) segments(sources *[]mappedSource) ([]segmentStart, error) {
	if len(m.Sections) > 0 {
		var out []segmentStart
		for i, s := range m.Sections {
			if s.Map == nil {
				return nil, fmt.Errorf("section %d: no inline map (sections with a url are not supported)", i)
			}
			sub, err := s.Map.segments(sources)
			if err != nil {
				return nil, fmt.Errorf("section %d: %w", i, err)
			}
			for _, seg := range sub {
				if seg.at.line == 1 {
					seg.at.col += s.Offset.Column
				}
				seg.at.line += s.Offset.Line
				out = append(out, seg)
			}
		}
		return out, nil
	}
	base := len(*sources)
	for i, s := range m.Sources {
		src := mappedSource{path: joinSourceRoot(m.SourceRoot, s)}
		if i < len(m.SourcesContent) && m.SourcesContent[i] != nil {
			src.content = *m.SourcesContent[i]
		}
		*sources = append(*sources, src)
	}
	return decodeMappings(m.Mappings, base, len(m.Sources))
}

// mappedSource is one original source of a map.
type mappedSource struct {
	path    string
	content string
}

func joinSourceRoot(root, s string) string {
	if root == "" || strings.Contains(s, "://") || path.IsAbs(s) {
		return s
	}
	return strings.TrimSuffix(root, "/") + "/" + s
}

// decodeMappings decodes the "mappings" field: lines separated by ';',
// segments by ',', each segment Base64 VLQ fields (generated column,
// then source index, original line, original column and name, all but the
// generated column relative to the previous segment of the whole map).
// Only the generated column and the source index matter here. Source
// indexes are offset by base; an index outside [0, n) is an error.
func decodeMappings(s string, base, n int) ([]segmentStart, error) {
	var out []segmentStart
	line, src := 1, 0
	for i := 0; i < len(s); {
		col := 0 // the generated column restarts on every line
		for i < len(s) && s[i] != ';' {
			if s[i] == ',' {
				i++
				continue
			}
			var fields [5]int
			nf := 0
			for i < len(s) && s[i] != ',' && s[i] != ';' {
				v, next, err := vlq(s, i)
				if err != nil {
					return nil, err
				}
				if nf < len(fields) {
					fields[nf] = v
				}
				nf++
				i = next
			}
			col += fields[0]
			seg := segmentStart{at: position{line, col + 1}, source: -1}
			if nf >= 4 {
				src += fields[1]
				if src < 0 || src >= n {
					return nil, fmt.Errorf("line %d: source index %d out of range (%d sources)", line, src, n)
				}
				seg.source = base + src
			} else if nf != 1 {
				return nil, fmt.Errorf("line %d: a segment of %d fields", line, nf)
			}
			out = append(out, seg)
		}
		line++
		i++ // the ';'
	}
	return out, nil
}

const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

var vlqValue = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(vlqDigits); i++ {
		t[vlqDigits[i]] = int8(i)
	}
	return t
}()

// vlq decodes one Base64 VLQ number starting at s[i].
func vlq(s string, i int) (v, next int, err error) {
	shift := 0
	for {
		if i >= len(s) {
			return 0, i, errors.New("mappings end inside a number")
		}
		d := vlqValue[s[i]]
		if d < 0 {
			return 0, i, fmt.Errorf("mappings hold %q, not a Base64 VLQ digit", s[i])
		}
		i++
		if shift > 30 {
			return 0, i, errors.New("mappings hold a number too large")
		}
		v |= int(d&31) << shift
		shift += 5
		if d&32 == 0 {
			break
		}
	}
	if v&1 != 0 {
		return -(v >> 1), i, nil
	}
	return v >> 1, i, nil
}

// sourceMappingURL returns the URL of the last sourceMappingURL comment of
// a JavaScript file ("//# sourceMappingURL=…" or the older "//@"), or "".
func sourceMappingURL(js []byte) string {
	for end := len(js); end > 0; {
		i := bytes.LastIndex(js[:end], []byte("sourceMappingURL="))
		if i < 0 {
			return ""
		}
		end = i
		if i < 4 || (js[i-1] != ' ' && js[i-1] != '\t') || js[i-3] != '/' || js[i-4] != '/' || (js[i-2] != '#' && js[i-2] != '@') {
			continue
		}
		if i >= 5 && js[i-5] != '\n' && js[i-5] != '\r' {
			continue // not at the start of a line: inside a string or other code
		}
		rest := js[i+len("sourceMappingURL="):]
		if j := bytes.IndexAny(rest, " \t\r\n"); j >= 0 {
			rest = rest[:j]
		}
		return string(rest)
	}
	return ""
}

// inlineMap decodes a data: URL source map; ok is false for other URLs.
func inlineMap(u string) (data []byte, ok bool, err error) {
	rest, isData := strings.CutPrefix(u, "data:")
	if !isData {
		return nil, false, nil
	}
	meta, payload, found := strings.Cut(rest, ",")
	if !found {
		return nil, true, errors.New("a data: URL without a comma")
	}
	if strings.HasSuffix(meta, ";base64") {
		b, err := base64.StdEncoding.DecodeString(payload)
		if err != nil {
			b, err = base64.RawStdEncoding.DecodeString(payload)
		}
		return b, true, err
	}
	s, err := url.PathUnescape(payload)
	return []byte(s), true, err
}
