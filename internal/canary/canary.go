// Package canary makes the fake secrets depbox plants in the sandbox —
// environment variables and bait files that look like the credentials a
// Lambda function holds — and finds them again in data that left the code
// under test (network payloads, DNS names, process arguments, written
// files), raw or encoded.
//
// Every value is random, drawn fresh for each run, and FAKE: it was never
// issued by AWS, GitHub, npm or anyone else and grants nothing. The formats
// are realistic (prefixes, lengths, alphabets) so that malware that checks
// the shape of what it steals still takes them; the GitHub and npm tokens
// carry a deliberately wrong checksum so that secret scanners that verify
// one do not mistake them for real tokens.
package canary

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"net/url"
	"path"
	"slices"
	"strings"
)

// Canary is one fake secret.
type Canary struct {
	// Name is the environment variable that holds it ("AWS_SECRET_ACCESS_KEY"),
	// or, for a secret that only lives in a bait file, a descriptive name
	// ("SSH_PRIVATE_KEY").
	Name  string
	Value string
}

// Set is the canaries of one run.
type Set struct {
	canaries []Canary
	env      []string // names of the canaries that are environment variables, in order
	dbPass   string   // the DATABASE_URL password, also searched on its own
	sshKey   []byte   // the fake private key file
	needles  []needle
}

// Match is a canary found in data, and how it was encoded there.
type Match struct {
	Canary   string // Canary.Name
	Encoding string // "raw", "base64", "hex" or "url"
}

// Encodings, as Match.Encoding reports them.
const (
	Raw    = "raw"
	Base64 = "base64"
	Hex    = "hex"
	URL    = "url"
)

const (
	upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	alnum      = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64chars   = alnum + "+/"
)

// New draws a new set of canaries from r: crypto/rand.Reader in
// production; tests pass a seeded reader for reproducible values.
func New(r io.Reader) (*Set, error) {
	if r == nil {
		return nil, errors.New("canary: no source of randomness")
	}
	g := &gen{r: r}
	s := &Set{}
	add := func(name, value string, env bool) {
		s.canaries = append(s.canaries, Canary{Name: name, Value: value})
		if env {
			s.env = append(s.env, name)
		}
	}
	add("AWS_ACCESS_KEY_ID", "AKIA"+g.str(16, upperAlnum), true)
	add("AWS_SECRET_ACCESS_KEY", g.str(40, b64chars), true)
	// Session tokens of real STS credentials start with this base64 text.
	add("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2Vj"+g.str(340, b64chars), true)
	s.dbPass = g.str(24, alnum)
	add("DATABASE_URL", "postgres://app:"+s.dbPass+"@db.internal.invalid:5432/app", true)
	add("GITHUB_TOKEN", g.checksummed("ghp_"), true)
	add("NPM_TOKEN", g.checksummed("npm_"), true)
	keyLine := g.str(64, b64chars)
	add("SSH_PRIVATE_KEY", keyLine, false)
	s.sshKey = g.pem(keyLine)
	if g.err != nil {
		return nil, fmt.Errorf("drawing canary secrets: %w", g.err)
	}
	s.index()
	return s, nil
}

// Canaries returns every canary, environment variables first.
func (s *Set) Canaries() []Canary { return slices.Clone(s.canaries) }

// Value returns the value of the named canary, or "".
func (s *Set) Value(name string) string {
	for _, c := range s.canaries {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// Env returns the canaries that belong in the sandbox's environment, as
// "NAME=value".
func (s *Set) Env() []string {
	out := make([]string, 0, len(s.env))
	for _, n := range s.env {
		out = append(out, n+"="+s.Value(n))
	}
	return out
}

// BaitFiles returns the bait files to place under the home directory home,
// by absolute path: ~/.aws/credentials, ~/.aws/config, ~/.npmrc and
// ~/.ssh/id_rsa. The function's .env file is EnvFile.
func (s *Set) BaitFiles(home string) map[string][]byte {
	creds := fmt.Sprintf("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n",
		s.Value("AWS_ACCESS_KEY_ID"), s.Value("AWS_SECRET_ACCESS_KEY"), s.Value("AWS_SESSION_TOKEN"))
	return map[string][]byte{
		path.Join(home, ".aws/credentials"): []byte(creds),
		path.Join(home, ".aws/config"):      []byte("[default]\nregion = us-east-1\noutput = json\n"),
		path.Join(home, ".npmrc"):           []byte("//registry.npmjs.org/:_authToken=" + s.Value("NPM_TOKEN") + "\n"),
		path.Join(home, ".ssh/id_rsa"):      slices.Clone(s.sshKey),
	}
}

// EnvFile returns a dotenv file (for /var/task/.env) holding the
// environment canaries.
func (s *Set) EnvFile() []byte {
	var b strings.Builder
	for _, kv := range s.Env() {
		b.WriteString(kv)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// needle is one encoded form of one canary.
type needle struct {
	canary, encoding string
	b                []byte
}

// index precomputes every encoded form Find looks for.
func (s *Set) index() {
	seen := map[string]bool{}
	add := func(c, enc, v string) {
		if len(v) < 8 || seen[c+"\x00"+v] {
			return
		}
		seen[c+"\x00"+v] = true
		s.needles = append(s.needles, needle{c, enc, []byte(v)})
	}
	forms := func(c, v string) {
		add(c, Raw, v)
		// base64, std and URL alphabets: the value alone (padded and not),
		// and its whole 3-byte groups at each of the three alignments it can
		// have inside a larger encoded blob.
		for _, e := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			add(c, Base64, e.EncodeToString([]byte(v)))
			add(c, Base64, e.WithPadding(base64.NoPadding).EncodeToString([]byte(v)))
			for skip := 0; skip < 3 && skip < len(v); skip++ {
				part := v[skip:]
				part = part[:len(part)/3*3]
				add(c, Base64, e.WithPadding(base64.NoPadding).EncodeToString([]byte(part)))
			}
		}
		h := hex.EncodeToString([]byte(v))
		add(c, Hex, h)
		add(c, Hex, strings.ToUpper(h))
		for _, u := range []string{url.QueryEscape(v), url.PathEscape(v)} {
			if u != v {
				add(c, URL, u)
				add(c, URL, lowerPercent(u))
			}
		}
	}
	for _, c := range s.canaries {
		forms(c.Name, c.Value)
	}
	forms("DATABASE_URL", s.dbPass)
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

// Find reports every canary present in data, with each encoding it was
// found in, deduplicated and sorted by canary name, then encoding.
func (s *Set) Find(data []byte) []Match {
	if len(data) == 0 {
		return nil
	}
	var out []Match
	for _, n := range s.needles {
		if bytes.Contains(data, n.b) {
			m := Match{Canary: n.canary, Encoding: n.encoding}
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	slices.SortFunc(out, func(a, b Match) int {
		if c := strings.Compare(a.Canary, b.Canary); c != 0 {
			return c
		}
		return strings.Compare(a.Encoding, b.Encoding)
	})
	return out
}

// FindString is Find for a string (a DNS name, a command line).
func (s *Set) FindString(str string) []Match { return s.Find([]byte(str)) }

// gen draws random strings, remembering the first read error.
type gen struct {
	r   io.Reader
	err error
}

func (g *gen) bytes(n int) []byte {
	b := make([]byte, n)
	if g.err == nil {
		_, g.err = io.ReadFull(g.r, b)
	}
	return b
}

// str draws n characters from alphabet, without modulo bias.
func (g *gen) str(n int, alphabet string) string {
	out := make([]byte, 0, n)
	limit := 256 - 256%len(alphabet)
	for len(out) < n && g.err == nil {
		for _, x := range g.bytes(n) {
			if int(x) < limit && len(out) < n {
				out = append(out, alphabet[int(x)%len(alphabet)])
			}
		}
	}
	for len(out) < n { // only after a read error, which New reports
		out = append(out, 'A')
	}
	return string(out)
}

// checksummed draws a GitHub/npm-style token: prefix, 30 random
// characters and 6 base62 checksum characters — a checksum that is
// deliberately wrong, so that no verifying scanner takes it for a real
// token.
func (g *gen) checksummed(prefix string) string {
	body := g.str(30, alnum)
	good := base62(crc32.ChecksumIEEE([]byte(body)), 6)
	bad := []byte(good)
	bad[5] = alnum[(strings.IndexByte(alnum, bad[5])+1)%len(alnum)]
	return prefix + body + string(bad)
}

func base62(v uint32, width int) string {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	b := make([]byte, width)
	for i := width - 1; i >= 0; i-- {
		b[i] = digits[v%62]
		v /= 62
	}
	return string(b)
}

// pem makes a fake RSA private key file: random base64 lines with the
// canary line in the middle. It is not a key.
func (g *gen) pem(canaryLine string) []byte {
	var b strings.Builder
	b.WriteString("-----BEGIN RSA PRIVATE KEY-----\n")
	b.WriteString("MIIEowIBAAKCAQEA" + g.str(48, b64chars) + "\n")
	for i := 0; i < 24; i++ {
		if i == 12 {
			b.WriteString(canaryLine + "\n")
			continue
		}
		b.WriteString(g.str(64, b64chars) + "\n")
	}
	b.WriteString(g.str(36, b64chars) + "==\n")
	b.WriteString("-----END RSA PRIVATE KEY-----\n")
	return []byte(b.String())
}
