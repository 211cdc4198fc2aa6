package canary

import "encoding/base64"

// Nested base64: malware encodes what it steals more than once (Shai-Hulud
// 2.0 and the nx "s1ngularity" payload published secrets triple
// base64-encoded). One layer is matched by the base64 windows themselves;
// deeper layers are decoded here into views, down to maxLayers.

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

// decodedViews are the base64 runs of b, decoded, layer under layer; each
// byte of a decoded view stands for the whole run it came from in b.
func decodedViews(b []byte) []view {
	budget := maxDecoded
	var out []view
	var walk func(data []byte, start, n, layer int)
	walk = func(data []byte, start, n, layer int) {
		for _, r := range b64Runs(data) {
			d := decodeB64(data[r[0]:r[1]])
			if len(d) < MinRandomChars || len(d) > budget {
				continue
			}
			budget -= len(d)
			s, l := start+r[0], r[1]-r[0]
			for k := r[1]; k < len(data) && k < r[1]+2 && data[k] == '='; k++ {
				l++ // the padding goes with the run
			}
			if layer > 0 { // a run inside a decoded view stands for the outer run
				s, l = start, n
			}
			v := view{b: d, pos: make([]int, len(d)), n: make([]int, len(d)), b64: true}
			for i := range d {
				v.pos[i], v.n[i] = s, l
			}
			out = append(out, v)
			if layer+1 < maxLayers {
				walk(d, s, l, layer+1)
			}
		}
	}
	walk(b, 0, len(b), 0)
	return out
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
