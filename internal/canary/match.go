package canary

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// MinRandomChars is how many randomly drawn characters of a canary, in a
// row, are enough to name it: a window of the value (or of its encoding)
// covering fewer random bits is never matched. Fixed parts (the "AKIA" of a
// key id, the STS token prefix, a URL around a password) do not count.
const MinRandomChars = 12

// minBits is MinRandomChars in bits of the value: raw and URL windows are
// 12 characters, hex 24, base64 16, base32 20.
const minBits = MinRandomChars * 8

// secret is a canary's text as the matcher indexes it.
type secret struct {
	name   string
	value  []byte
	random []bool // random[i]: value[i] was drawn at random
}

// Encodings by index, as refs carry them.
const (
	encRaw uint8 = iota
	encBase64
	encBase32
	encHex
	encURL
)

var encNames = [...]string{Raw, Base64, Base32, Hex, URL}

// alwaysFolded: encodings matched case-insensitively in every channel (a
// hex or base32 alphabet is one case or the other).
func alwaysFolded(enc uint8) bool { return enc == encHex || enc == encBase32 }

// ref says whose a window or needle is: the secret, the encoding, and
// which bits of the value [lo, hi) it stands for.
type ref struct {
	sec    int32 // index into matcher.secrets
	enc    uint8
	lo, hi int32
}

// whole is one complete encoded form of a value.
type whole struct {
	ref
	b, lower []byte
}

// matcher finds canaries in data: complete encoded forms (wholes), and
// windows of MinRandomChars random characters in each encoding, kept in
// maps by window width, case-sensitive (exact) and lower-cased (folded).
type matcher struct {
	secrets []secret
	widths  []int
	exact   map[int]map[string]ref
	folded  map[int]map[string]ref
	wholes  []whole
	// exactF and foldedF hold a bit for the first 8 bytes of every window
	// of exact and folded: most positions of the data are ruled out by one
	// bit test instead of a map lookup per window width.
	exactF, foldedF filter
}

// filter is a one-hash Bloom filter over 8-byte prefixes.
type filter []uint64

const filterBits = 1 << 22

func prefixHash(b []byte) uint32 {
	return uint32((binary.LittleEndian.Uint64(b) * 0x9E3779B97F4A7C15) >> (64 - 22))
}

func (f filter) add(key string) {
	h := prefixHash([]byte(key[:8]))
	f[h/64] |= 1 << (h % 64)
}

func (f filter) has(b []byte) bool {
	h := prefixHash(b)
	return f[h/64]&(1<<(h%64)) != 0
}

// errCollision is returned when two canaries share a window.
type errCollision struct{ a, b, window string }

func (e *errCollision) Error() string {
	return fmt.Sprintf("canaries %s and %s share the window %q", e.a, e.b, e.window)
}

// newMatcher indexes the secrets; it fails when a window would name two
// different canaries (New then draws again).
func newMatcher(secrets []secret) (*matcher, error) {
	m := &matcher{secrets: secrets, exact: map[int]map[string]ref{}, folded: map[int]map[string]ref{},
		exactF: make(filter, filterBits/64), foldedF: make(filter, filterBits/64)}
	for i, s := range secrets {
		if err := m.index(int32(i), s); err != nil {
			return nil, err
		}
	}
	for w := range m.folded {
		m.widths = append(m.widths, w)
	}
	slices.Sort(m.widths)
	// Longest first, so that redaction replaces a whole form before a
	// shorter one inside it.
	slices.SortStableFunc(m.wholes, func(a, b whole) int { return len(b.b) - len(a.b) })
	return m, nil
}

// index adds every window and complete form of one secret.
func (m *matcher) index(id int32, s secret) error {
	v := s.value
	// Raw: 8 bits a character.
	if err := m.windows(id, encRaw, string(v), 0, 8, s.random, true); err != nil {
		return err
	}
	// Hex: 4 bits a character; one case or the other.
	if err := m.windows(id, encHex, hex.EncodeToString(v), 0, 4, s.random, false); err != nil {
		return err
	}
	// base64 (both alphabets) at each of the three alignments a value can
	// have inside a larger encoded blob: the encoding of v[a:] is what the
	// blob's encoding holds from the first whole 3-byte group on.
	for _, e := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		for a := 0; a < 3 && a < len(v); a++ {
			if err := m.windows(id, encBase64, e.EncodeToString(v[a:]), 8*a, 6, s.random, true); err != nil {
				return err
			}
		}
	}
	// base32 at each of the five alignments of its 5-byte groups; the
	// alphabet has one case only, and DNS exfiltration lower-cases it.
	for a := 0; a < 5 && a < len(v); a++ {
		if err := m.windows(id, encBase32, base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(v[a:]), 8*a, 5, s.random, false); err != nil {
			return err
		}
	}
	// Complete forms, padding included, for redaction.
	m.addWhole(id, encRaw, string(v))
	for _, e := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		m.addWhole(id, encBase64, e.EncodeToString(v))
	}
	m.addWhole(id, encHex, hex.EncodeToString(v))
	m.addWhole(id, encBase32, base32.StdEncoding.EncodeToString(v))
	for _, u := range []string{url.QueryEscape(string(v)), url.PathEscape(string(v))} {
		if u != string(v) {
			m.addWhole(id, encURL, u)
			m.addWhole(id, encURL, lowerPercent(u))
		}
	}
	return nil
}

// windows indexes every window of enc that covers at least minBits random
// bits of the value. Character i of enc stands for bits [off+i*bits,
// off+(i+1)*bits) of the value; bits past its end are padding.
func (m *matcher) windows(id int32, e uint8, enc string, off, bits int, random []bool, exact bool) error {
	width := (minBits + bits - 1) / bits
	for i := 0; i+width <= len(enc); i++ {
		lo := off + i*bits
		hi := min(lo+width*bits, 8*len(random))
		if randomBits(random, lo, hi) < minBits {
			continue
		}
		r := ref{sec: id, enc: e, lo: int32(lo), hi: int32(hi)}
		w := enc[i : i+width]
		if exact {
			if err := m.put(m.exact, m.exactF, width, w, r); err != nil {
				return err
			}
		}
		if err := m.put(m.folded, m.foldedF, width, strings.ToLower(w), r); err != nil {
			return err
		}
	}
	return nil
}

func (m *matcher) put(tables map[int]map[string]ref, f filter, width int, key string, r ref) error {
	t := tables[width]
	if t == nil {
		t = map[string]ref{}
		tables[width] = t
	}
	if old, ok := t[key]; ok {
		if a, b := m.secrets[old.sec].name, m.secrets[r.sec].name; a != b {
			return &errCollision{a, b, key}
		}
		return nil // the same canary: its key line inside its key file
	}
	t[key] = r
	f.add(key)
	return nil
}

func (m *matcher) addWhole(id int32, e uint8, s string) {
	if len(s) < MinRandomChars {
		return
	}
	for _, w := range m.wholes {
		if w.sec == id && string(w.b) == s {
			return
		}
	}
	r := ref{sec: id, enc: e, lo: 0, hi: int32(8 * len(m.secrets[id].value))}
	m.wholes = append(m.wholes, whole{ref: r, b: []byte(s), lower: []byte(strings.ToLower(s))})
}

// randomBits counts the bits of [lo, hi) that belong to random bytes.
func randomBits(random []bool, lo, hi int) int {
	n := 0
	for b := lo / 8; b*8 < hi && b < len(random); b++ {
		if !random[b] {
			continue
		}
		n += min(hi, b*8+8) - max(lo, b*8)
	}
	return n
}

// lowerPercent lowercases the hex digits of percent escapes (%2F → %2f).
func lowerPercent(s string) string {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1] = toLower(b[i+1])
			b[i+2] = toLower(b[i+2])
		}
	}
	return string(b)
}

func toLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func lowerASCII(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = toLower(c)
	}
	return out
}

// hit is one match in a view: bytes [start, end) belong to a canary.
type hit struct {
	ref
	start, end int
}

// scan reports every window of a canary in b, and with wholes every
// complete form too (redaction replaces padding with the rest). With fold,
// case is ignored for every encoding (a DNS name); otherwise only for hex
// and base32.
func (m *matcher) scan(b []byte, fold, wholes bool, fn func(hit)) {
	if len(b) < MinRandomChars {
		return
	}
	lower := lowerASCII(b)
	for _, w := range m.wholes {
		if !wholes {
			break
		}
		hay, needle := b, w.b
		if fold || alwaysFolded(w.enc) {
			hay, needle = lower, w.lower
		}
		for off := 0; ; {
			i := bytes.Index(hay[off:], needle)
			if i < 0 {
				break
			}
			fn(hit{ref: w.ref, start: off + i, end: off + i + len(needle)})
			off += i + 1
		}
	}
	for i := 0; i+MinRandomChars <= len(b); i++ {
		if !fold && m.exactF.has(b[i:]) {
			for _, width := range m.widths {
				if i+width > len(b) {
					break
				}
				if r, ok := m.exact[width][string(b[i:i+width])]; ok {
					fn(hit{ref: r, start: i, end: i + width})
				}
			}
		}
		if m.foldedF.has(lower[i:]) {
			for _, width := range m.widths {
				if i+width > len(lower) {
					break
				}
				if r, ok := m.folded[width][string(lower[i:i+width])]; ok && (fold || alwaysFolded(r.enc)) {
					fn(hit{ref: r, start: i, end: i + width})
				}
			}
		}
	}
}

// view is data as a channel transformed it (labels joined, escapes
// decoded), with where each byte came from in the original.
type view struct {
	b []byte
	// pos[i] is where b[i] starts in the original and n[i] how many
	// original bytes it stands for; nil for the original itself.
	pos, n []int
	url    bool // percent escapes were decoded
	// enc, when set, is the encoding every hit in the view is reported
	// in: base64 was decoded or data decompressed (nested.go).
	enc string
	// span, when set, is the stretch [span[0], span[0]+span[1]) of the
	// original every byte stands for (a decoded run or stream: nested.go),
	// in place of pos and n.
	span *[2]int
}

func (v view) orig(start, end int) (int, int) {
	if v.span != nil {
		return v.span[0], v.span[0] + v.span[1]
	}
	if v.pos == nil {
		return start, end
	}
	return v.pos[start], v.pos[end-1] + v.n[end-1]
}

// stripped is b without the byte sep (the dots of a DNS name).
func stripped(b []byte, sep byte) view {
	v := view{b: make([]byte, 0, len(b)), pos: make([]int, 0, len(b)), n: make([]int, 0, len(b))}
	for i, c := range b {
		if c != sep {
			v.b = append(v.b, c)
			v.pos = append(v.pos, i)
			v.n = append(v.n, 1)
		}
	}
	return v
}

// unescaped is b with its percent escapes decoded; ok is false when it
// has none.
func unescaped(b []byte) (v view, ok bool) {
	if bytes.IndexByte(b, '%') < 0 {
		return view{}, false
	}
	v = view{b: make([]byte, 0, len(b)), pos: make([]int, 0, len(b)), n: make([]int, 0, len(b)), url: true}
	for i := 0; i < len(b); i++ {
		if b[i] == '%' && i+2 < len(b) {
			if x, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				v.b = append(v.b, byte(x))
				v.pos = append(v.pos, i)
				v.n = append(v.n, 3)
				ok = true
				i += 2
				continue
			}
		}
		v.b = append(v.b, b[i])
		v.pos = append(v.pos, i)
		v.n = append(v.n, 1)
	}
	return v, ok
}

// views are the forms of data a channel may have carried a canary in;
// starts are where pieces of data begin. The bounds decompression reached
// are recorded in s.
func (s *Set) views(data []byte, labels bool, starts []int) []view {
	vs := []view{{b: data}}
	if labels && bytes.IndexByte(data, '.') >= 0 {
		vs = append(vs, stripped(data, '.'))
	}
	if u, ok := unescaped(data); ok {
		vs = append(vs, u)
	}
	derived, bounds := derivedViews(data, starts)
	s.addBounds(bounds)
	return append(vs, derived...)
}

// found collects the matches of one search, one per canary and encoding,
// with the piece each was first seen in and which bytes of each secret
// the hits covered.
type found struct {
	m   *matcher
	out []*result
}

type result struct {
	SeriesMatch
	covered map[int32][]bool // secret → covered bytes of its value
}

func (f *found) add(h hit, v view, piece int) {
	enc := encNames[h.enc]
	if v.url && h.enc == encRaw {
		enc = URL
	}
	if v.enc != "" {
		enc = v.enc
	}
	name := f.m.secrets[h.sec].name
	var r *result
	for _, x := range f.out {
		if x.Canary == name && x.Encoding == enc {
			r = x
			break
		}
	}
	if r == nil {
		r = &result{SeriesMatch: SeriesMatch{Match: Match{Canary: name, Encoding: enc}, Piece: piece}, covered: map[int32][]bool{}}
		f.out = append(f.out, r)
	}
	r.Piece = min(r.Piece, piece)
	c := r.covered[h.sec]
	if c == nil {
		c = make([]bool, len(f.m.secrets[h.sec].value))
		r.covered[h.sec] = c
	}
	for b := h.lo / 8; b*8 < h.hi && int(b) < len(c); b++ {
		c[b] = true
	}
}

// results returns the matches: partial unless some secret of the canary
// had all its random bytes covered (but for the few at either end that an
// encoding's groups mix with neighbouring data), sorted by piece, canary
// and encoding. A canary found percent-encoded is not also reported raw
// (the unescaped stretches between the escapes).
func (f *found) results() []SeriesMatch {
	var out []SeriesMatch
	urls := map[string]bool{}
	for _, r := range f.out {
		if r.Encoding == URL {
			urls[r.Canary] = true
		}
	}
	for _, r := range f.out {
		if r.Encoding == Raw && urls[r.Canary] {
			continue
		}
		r.Partial = true
		for sec, c := range r.covered {
			if wholeCover(f.m.secrets[sec].random, c, groupBytes[r.Encoding]) {
				r.Partial = false
			}
		}
		out = append(out, r.SeriesMatch)
	}
	slices.SortFunc(out, func(a, b SeriesMatch) int {
		if a.Piece != b.Piece {
			return a.Piece - b.Piece
		}
		if c := strings.Compare(a.Canary, b.Canary); c != 0 {
			return c
		}
		return strings.Compare(a.Encoding, b.Encoding)
	})
	return out
}

// groupBytes is how many bytes an encoding's groups hold: at either end of
// a value, group-1 bytes may share a character with the data around it.
var groupBytes = map[string]int{Base64: 3, Base32: 5}

// wholeCover reports whether every random byte is covered, but for fewer
// than group bytes at either end.
func wholeCover(random, covered []bool, group int) bool {
	slack := max(group-1, 0)
	for i, r := range random {
		if r && !covered[i] && i >= slack && i < len(random)-slack {
			return false
		}
	}
	return slices.Contains(covered, true)
}

func matches(sm []SeriesMatch) []Match {
	out := make([]Match, 0, len(sm))
	for _, m := range sm {
		out = append(out, m.Match)
	}
	slices.SortFunc(out, func(a, b Match) int {
		if c := strings.Compare(a.Canary, b.Canary); c != 0 {
			return c
		}
		return strings.Compare(a.Encoding, b.Encoding)
	})
	return out
}

// Find reports every canary present in data — whole or at least
// MinRandomChars of its random characters in a row — with each encoding it
// was found in, sorted by canary name, then encoding. Case counts, except
// in hex and base32; percent escapes are decoded.
func (s *Set) Find(data []byte) []Match { return matches(s.search([][]byte{data}, false, false)) }

// FindString is Find for a string (a command line, a path).
func (s *Set) FindString(str string) []Match { return s.Find([]byte(str)) }

// FindName searches a DNS name: case-insensitively (resolvers and the
// fake DNS server lower-case names), and across its labels (data split to
// fit 63-byte labels).
func (s *Set) FindName(name string) []Match {
	return matches(s.search([][]byte{[]byte(name)}, true, true))
}

// SeriesMatch is a canary found in a series of pieces of data (the DNS
// queries or writes of one process): Piece is the index of the first piece
// in which a match starts.
type SeriesMatch struct {
	Match
	Piece int
}

// FindSeries searches pieces of data one process sent one after another
// (several requests, several writes to one file): each piece on its own
// and all of them joined in order, so that a secret split across them is
// found too. With fold, case is ignored.
func (s *Set) FindSeries(pieces [][]byte, fold bool) []SeriesMatch {
	if len(pieces) == 0 {
		return nil
	}
	return s.search(pieces, fold, false)
}

// search scans the pieces joined, in every view of the data.
func (s *Set) search(pieces [][]byte, fold, labels bool) []SeriesMatch {
	joined := pieces[0]
	ends := []int{len(pieces[0])} // ends[i]: where piece i ends in joined
	if len(pieces) > 1 {
		joined = bytes.Join(pieces, nil)
		ends = ends[:0]
		n := 0
		for _, p := range pieces {
			n += len(p)
			ends = append(ends, n)
		}
	}
	f := &found{m: s.m}
	for _, v := range s.views(joined, labels, append([]int{0}, ends[:len(ends)-1]...)) {
		s.m.scan(v.b, fold, false, func(h hit) {
			start, _ := v.orig(h.start, h.end)
			i, _ := slices.BinarySearch(ends, start+1)
			f.add(h, v, i)
		})
	}
	return f.results()
}

// FindNames searches the DNS names one process asked for, in order: each
// name on its own (case-insensitively, across its labels), and the data
// parts of names under a common domain joined in query order — or in the
// order of a sequence-number label when every name has one — for a secret
// sent in several queries.
func (s *Set) FindNames(names []string) []SeriesMatch {
	f := &found{m: s.m}
	first := map[string]int{}
	for i, n := range names {
		if _, dup := first[n]; dup {
			continue // retries, and the A and AAAA queries of one lookup
		}
		first[n] = i
		v := stripped([]byte(n), '.')
		s.m.scan(v.b, true, false, func(h hit) { f.add(h, v, i) })
	}
	for _, g := range nameGroups(names, first) {
		var joined []byte
		var piece []int
		for _, p := range g {
			joined = append(joined, p.data...)
			for range p.data {
				piece = append(piece, p.index)
			}
		}
		s.m.scan(joined, true, false, func(h hit) { f.add(h, view{b: joined}, piece[h.start]) })
	}
	return f.results()
}

// namePart is the data part of one DNS name: its labels before the suffix
// its group shares, without dots and without a sequence-number label.
type namePart struct {
	index int
	seq   int // -1 without a sequence-number label
	data  []byte
}

// nameGroups groups distinct names by their last two labels and returns,
// for groups of at least two names, their data parts in sending order.
func nameGroups(names []string, first map[string]int) [][]namePart {
	type group struct {
		labels [][]string
		index  []int
	}
	groups := map[string]*group{}
	var order []string
	for i, n := range names {
		if first[n] != i {
			continue
		}
		labels := strings.Split(n, ".")
		if len(labels) < 3 {
			continue
		}
		d := strings.Join(labels[len(labels)-2:], ".")
		g := groups[d]
		if g == nil {
			g = &group{}
			groups[d] = g
			order = append(order, d)
		}
		g.labels = append(g.labels, labels)
		g.index = append(g.index, i)
	}
	var out [][]namePart
	for _, d := range order {
		g := groups[d]
		if len(g.labels) < 2 {
			continue
		}
		common := commonSuffix(g.labels)
		parts := make([]namePart, 0, len(g.labels))
		allSeq := true
		for k, labels := range g.labels {
			data := labels[:len(labels)-common]
			p := namePart{index: g.index[k], seq: -1}
			if len(data) > 1 {
				if n, err := strconv.Atoi(data[0]); err == nil && n >= 0 {
					p.seq, data = n, data[1:]
				} else if n, err := strconv.Atoi(data[len(data)-1]); err == nil && n >= 0 {
					p.seq, data = n, data[:len(data)-1]
				}
			}
			allSeq = allSeq && p.seq >= 0
			p.data = []byte(strings.Join(data, ""))
			parts = append(parts, p)
		}
		if allSeq {
			slices.SortStableFunc(parts, func(a, b namePart) int { return a.seq - b.seq })
		}
		out = append(out, parts)
	}
	return out
}

// commonSuffix is how many trailing labels every name of a group shares
// (at least the two that grouped them; never all of a name).
func commonSuffix(group [][]string) int {
	shortest := len(group[0])
	for _, l := range group {
		shortest = min(shortest, len(l))
	}
	n := 2
	for n < shortest-1 {
		label := group[0][len(group[0])-1-n]
		same := true
		for _, l := range group[1:] {
			same = same && l[len(l)-1-n] == label
		}
		if !same {
			break
		}
		n++
	}
	return n
}
