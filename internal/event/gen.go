package event

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Region is the AWS region every synthetic event is in.
const Region = "us-east-1"

// epochBase is the start of the year seeds map into; see Epoch.
var epochBase = time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC)

// Epoch returns the fixed point in time the events of a seed are built
// around: a whole second within the year 2025, derived from the seed alone.
// Each event adds a deterministic offset of less than an hour.
func Epoch(seed int64) time.Time {
	const year = 365 * 24 * 60 * 60
	return epochBase.Add(time.Duration(uint64(seed)%year) * time.Second)
}

// AccountID returns the 12-digit AWS account id the events of a seed use,
// so that other parts of the fake world can agree with them.
func AccountID(seed int64) string {
	r := rand.New(rand.NewPCG(uint64(seed), 0x6163636f756e74)) // "account"
	return fmt.Sprintf("%d%011d", 1+r.IntN(9), r.Int64N(100_000_000_000))
}

// generator is one source in the registry.
type generator struct {
	name        string
	aliases     []string
	description string
	noInjection bool // the source has no field an outsider controls
	build       func(g *gen) (any, error)
	// strip lists JSON key paths removed after marshalling ("*" walks an
	// array): fields the typed structs always emit but Lambda never sends.
	strip [][]string
}

func (s *generator) variants() []string {
	if s.noInjection {
		return []string{VariantDefault}
	}
	return slices.Clone(allVariants)
}

func (s *generator) event(variant string, seed int64) (Event, error) {
	g := newGen(s.name, variant, seed)
	v, err := s.build(g)
	if err != nil {
		return Event{}, fmt.Errorf("building %s/%s event: %w", s.name, variant, err)
	}
	b, err := marshal(v)
	if err != nil {
		return Event{}, fmt.Errorf("encoding %s/%s event: %w", s.name, variant, err)
	}
	for _, p := range s.strip {
		if b, err = removePath(b, p); err != nil {
			return Event{}, fmt.Errorf("encoding %s/%s event: %w", s.name, variant, err)
		}
	}
	return Event{Source: s.name, Variant: variant, Name: s.name + "/" + variant, Payload: b}, nil
}

// gen carries what one event is built from: a random stream seeded by
// (seed, source, variant), the injection to apply, the event's time and the
// account.
type gen struct {
	r       *rand.Rand
	in      injection
	t       time.Time
	account string
}

func newGen(source, variant string, seed int64) *gen {
	h := fnv.New64a()
	h.Write([]byte(source + "/" + variant))
	r := rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
	t := Epoch(seed).Add(time.Duration(r.IntN(3600_000)) * time.Millisecond)
	return &gen{r: r, in: injection{variant: variant}, t: t, account: AccountID(seed)}
}

const (
	lowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789"
	mixedAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	lowerHex   = "0123456789abcdef"
	upperHex   = "0123456789ABCDEF"
	digitChars = "0123456789"
)

func (g *gen) chars(set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[g.r.IntN(len(set))]
	}
	return string(b)
}

func (g *gen) hex(n int) string    { return g.chars(lowerHex, n) }
func (g *gen) upHex(n int) string  { return g.chars(upperHex, n) }
func (g *gen) alnum(n int) string  { return g.chars(mixedAlnum, n) }
func (g *gen) lower(n int) string  { return g.chars(lowerAlnum, n) }
func (g *gen) upper(n int) string  { return g.chars(upperAlnum, n) }
func (g *gen) digits(n int) string { return g.chars(digitChars, n) }

// uuid returns a version 4 UUID.
func (g *gen) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

func (g *gen) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return b
}

func (g *gen) b64(n int) string { return base64.StdEncoding.EncodeToString(g.bytes(n)) }

// docNets are the documentation address ranges (RFC 5737).
var docNets = []string{"192.0.2.", "198.51.100.", "203.0.113."}

// ip returns an address from a documentation range.
func (g *gen) ip() string {
	return fmt.Sprintf("%s%d", docNets[g.r.IntN(len(docNets))], 1+g.r.IntN(254))
}

// traceID returns an X-Ray trace id header value for the event's time.
func (g *gen) traceID() string {
	return fmt.Sprintf("Root=1-%08x-%s", g.t.Unix(), g.hex(24))
}

// at returns the event time plus d.
func (g *gen) at(d time.Duration) time.Time { return g.t.Add(d) }

// marshal encodes v compactly without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// removePath deletes the key at path from the JSON document, keeping the
// order of everything else. "*" in path stands for every element of an
// array. A path that does not exist is not an error.
func removePath(doc []byte, path []string) ([]byte, error) {
	if len(path) == 0 {
		return doc, nil
	}
	trim := bytes.TrimSpace(doc)
	switch {
	case path[0] == "*" && len(trim) > 0 && trim[0] == '[':
		var elems []json.RawMessage
		if err := json.Unmarshal(trim, &elems); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		buf.WriteByte('[')
		for i, e := range elems {
			ne, err := removePath(e, path[1:])
			if err != nil {
				return nil, err
			}
			if i > 0 {
				buf.WriteByte(',')
			}
			buf.Write(ne)
		}
		buf.WriteByte(']')
		return buf.Bytes(), nil
	case len(trim) > 0 && trim[0] == '{':
		keys, vals, err := splitObject(trim)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		buf.WriteByte('{')
		n := 0
		for i, k := range keys {
			v := vals[i]
			if k == path[0] {
				if len(path) == 1 {
					continue
				}
				if v, err = removePath(v, path[1:]); err != nil {
					return nil, err
				}
			}
			if n > 0 {
				buf.WriteByte(',')
			}
			kb, err := marshal(k)
			if err != nil {
				return nil, err
			}
			buf.Write(kb)
			buf.WriteByte(':')
			buf.Write(v)
			n++
		}
		buf.WriteByte('}')
		return buf.Bytes(), nil
	}
	return doc, nil
}

// splitObject returns the keys and raw values of a JSON object in order.
func splitObject(obj []byte) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(obj))
	if _, err := dec.Token(); err != nil {
		return nil, nil, err
	}
	var keys []string
	var vals []json.RawMessage
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, ok := tok.(string)
		if !ok {
			return nil, nil, fmt.Errorf("object key is %T", tok)
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	return keys, vals, nil
}

// pairs is an ordered list of name/value pairs: headers or query parameters
// as a client sent them.
type pairs [][2]string

func (p pairs) single() map[string]string {
	m := make(map[string]string, len(p))
	for _, kv := range p {
		m[kv[0]] = kv[1] // last wins, like API Gateway REST APIs
	}
	return m
}

func (p pairs) multi() map[string][]string {
	m := make(map[string][]string, len(p))
	for _, kv := range p {
		m[kv[0]] = append(m[kv[0]], kv[1])
	}
	return m
}

// joined merges repeated names with commas, like HTTP APIs and function URLs.
func (p pairs) joined() map[string]string {
	m := make(map[string]string, len(p))
	for _, kv := range p {
		if old, ok := m[kv[0]]; ok {
			m[kv[0]] = old + "," + kv[1]
		} else {
			m[kv[0]] = kv[1]
		}
	}
	return m
}

// rawQuery encodes the pairs in order as a client would send them.
func (p pairs) rawQuery() string {
	var b strings.Builder
	for i, kv := range p {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(queryEscape(kv[0]))
		b.WriteByte('=')
		b.WriteString(queryEscape(kv[1]))
	}
	return b.String()
}

// encoded returns the pairs with names and values left percent-encoded, as
// an ALB passes query parameters on.
func (p pairs) encoded() pairs {
	out := make(pairs, len(p))
	for i, kv := range p {
		out[i] = [2]string{queryEscape(kv[0]), queryEscape(kv[1])}
	}
	return out
}
