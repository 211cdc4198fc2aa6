package canary

import "encoding/base64"

// Nested base64: malware encodes what it steals more than once (Shai-Hulud
// 2.0 and the nx "s1ngularity" payload published secrets triple
// base64-encoded). One layer is matched by the base64 windows themselves;
// deeper layers are decoded here into views, down to maxLayers; compressed
// streams (compressed.go) are decompressed in the same walk.

const (
	// maxLayers is how many base64 layers are taken off (the windows match
	// one more).
	maxLayers = 3
	// minB64Run is the shortest run of base64 characters decoded: a window
	// of MinRandomChars random characters is 16 base64 characters, under a
	// further layer at least 24.
	minB64Run = 24
	// maxDecoded bounds the decoded bytes of one search.
	maxDecoded = 1 << 20
)

// derivedViews are the forms data takes once decoded: its base64 runs
// decoded, layer under layer, and its compressed streams decompressed
// (compressed.go), in any mix — a base64 run that holds gzip holding
// base64. Each byte of a derived view stands for the whole run or stream
// it came from in data (for views of views, the outermost one). starts are
// where pieces of data begin (raw deflate and brotli are tried there). A
// view found in compressed data is labelled with the outermost compression
// format, else base64. The bounds are the limits compressed data reached.
func derivedViews(data []byte, starts []int) ([]view, []Bound) {
	b64Budget, packBudget := maxDecoded, maxInflated
	var out []view
	var bounds []Bound
	var walk func(d []byte, starts []int, start, n, b64Layer, packLayer int, label string)
	add := func(d []byte, s, l, b64Layer, packLayer int, label string) {
		out = append(out, view{b: d, span: &[2]int{s, l}, enc: label})
		walk(d, []int{0}, s, l, b64Layer, packLayer, label)
	}
	walk = func(d []byte, starts []int, start, n, b64Layer, packLayer int, label string) {
		// the place in data a run or stream [a, b) of d stands for
		place := func(a, b int) (int, int) {
			if b64Layer+packLayer > 0 {
				return start, n
			}
			return a, b - a
		}
		child := func(own string) string {
			if isPack(label) {
				return label
			}
			return own
		}
		if b64Layer < maxLayers {
			for _, r := range b64Runs(d) {
				dec := decodeB64(d[r[0]:r[1]])
				if len(dec) < MinRandomChars || len(dec) > b64Budget {
					continue
				}
				b64Budget -= len(dec)
				end := r[1]
				for end < len(d) && end < r[1]+2 && d[end] == '=' {
					end++ // the padding goes with the run
				}
				s, l := place(r[0], end)
				add(dec, s, l, b64Layer+1, packLayer, child(Base64))
			}
		}
		if packLayer < maxPackLayers {
			ss, many := streams(d, starts)
			if many {
				bounds = append(bounds, Bound{Limit: "streams"})
			}
			for _, st := range ss {
				if packBudget <= 0 {
					break
				}
				dec, read, bound := inflate(d[st.off:], st.format, packBudget)
				packBudget -= len(dec)
				if bound != nil {
					bounds = append(bounds, *bound)
				}
				if len(dec) < MinRandomChars {
					continue
				}
				s, l := place(st.off, st.off+max(read, 1))
				add(dec, s, l, b64Layer, packLayer+1, child(st.format))
			}
		}
	}
	walk(data, starts, 0, len(data), 0, 0, "")
	return out, bounds
}

func b64Char(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
}

// b64Runs are the [start, end) of runs of at least minB64Run base64
// characters (padding excluded).
func b64Runs(b []byte) [][2]int {
	var runs [][2]int
	for i := 0; i < len(b); {
		if !b64Char(b[i]) {
			i++
			continue
		}
		j := i
		for j < len(b) && b64Char(b[j]) {
			j++
		}
		if j-i >= minB64Run {
			runs = append(runs, [2]int{i, j})
		}
		i = j
	}
	return runs
}

// decodeB64 decodes a run in the standard or URL alphabet, without
// padding; a trailing partial group is dropped. It returns nil when the
// run is neither.
func decodeB64(run []byte) []byte {
	if len(run)%4 == 1 {
		run = run[:len(run)-1]
	}
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		d := make([]byte, enc.DecodedLen(len(run)))
		if n, err := enc.Decode(d, run); err == nil {
			return d[:n]
		}
	}
	return nil
}
