// Package canary makes the fake secrets depbox plants in the sandbox —
// environment variables, bait files and the credentials the fake cloud
// metadata endpoints hand out — and finds them again in data that left the
// code under test (network payloads, DNS names, process arguments, written
// files), whole or in part, raw or encoded.
//
// Every value is random, drawn fresh for each run, and FAKE: it was never
// issued by AWS, GitHub, npm or anyone else and grants nothing. The formats
// are realistic (prefixes, lengths, alphabets) so that malware that checks
// the shape of what it steals still takes them; the GitHub and npm tokens
// carry a deliberately wrong checksum so that secret scanners that verify
// one do not mistake them for real tokens.
//
// Matching (match.go) works on windows of at least MinRandomChars randomly
// drawn characters, in every encoding depbox knows, so that a secret cut
// short, split over DNS labels or queries, or lower-cased on the way is
// still recognised; New draws the canaries so that every such window
// belongs to exactly one canary.
package canary

import (
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"path"
	"slices"
	"strings"
	"sync"
)

// Canary is one fake secret.
type Canary struct {
	// Name is the environment variable that holds it ("AWS_SECRET_ACCESS_KEY"),
	// or, for a secret that lives in a bait file or comes from a fake
	// endpoint, a descriptive name ("SSH_PRIVATE_KEY", "IMDS_SECRET_ACCESS_KEY").
	Name  string
	Value string
}

// Set is the canaries of one run.
type Set struct {
	canaries []Canary
	env      []string // names of the canaries that are environment variables, in order
	sshKey   []byte   // the fake private key file
	login    []byte   // the fake browser password store
	wallet   []byte   // the fake wallet file
	// marker, imdsToken, account and instance are random values of the fake
	// world that are not secrets (not searched for).
	marker, imdsToken, account, instance string
	// secrets are what the matcher indexes: every canary's text with the
	// positions that were drawn at random.
	secrets []secret
	m       *matcher
	// bounds are the limits searches reached in compressed data since
	// Bounds was last called.
	mu     sync.Mutex
	bounds []Bound
}

// EnvNames are the environment variables every run plants a canary in (the
// credentials malicious packages go for), in the order New draws them.
var EnvNames = []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "DATABASE_URL", "GITHUB_TOKEN", "NPM_TOKEN"}

// Names of the canaries that are not environment variables.
const (
	SSHPrivateKey = "SSH_PRIVATE_KEY"
	// IMDS* are the instance role's credentials the fake EC2 instance
	// metadata service hands out.
	IMDSAccessKeyID     = "IMDS_ACCESS_KEY_ID"
	IMDSSecretAccessKey = "IMDS_SECRET_ACCESS_KEY"
	IMDSSessionToken    = "IMDS_SESSION_TOKEN"
	// Container* are the task role's credentials the fake container
	// credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI) hands out.
	ContainerAccessKeyID     = "CONTAINER_ACCESS_KEY_ID"
	ContainerSecretAccessKey = "CONTAINER_SECRET_ACCESS_KEY"
	ContainerSessionToken    = "CONTAINER_SESSION_TOKEN"
	// BrowserLoginData is a saved password in a browser's login store.
	BrowserLoginData = "BROWSER_LOGIN_DATA"
	// WalletPrivateKey is the extended private key of a cryptocurrency wallet.
	WalletPrivateKey = "WALLET_PRIVATE_KEY"
)

// Match is a canary found in data, and how it was encoded there.
type Match struct {
	Canary   string // Canary.Name
	Encoding string // Raw, Base64, Base32, Hex, URL, or Gzip, Zlib, Deflate or Brotli
	// Partial is set when only part of the value was found (at least
	// MinRandomChars of its random characters): cut short, or chunked with
	// the rest elsewhere.
	Partial bool
}

// Encodings, as Match.Encoding reports them.
const (
	Raw    = "raw"
	Base64 = "base64"
	Base32 = "base32"
	Hex    = "hex"
	URL    = "url"
)

const (
	upperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	alnum      = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b64chars   = alnum + "+/"
	base58     = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
	// stsPrefix starts the session tokens of real STS credentials.
	stsPrefix = "IQoJb3JpZ2luX2Vj"
)

// drawAttempts bounds how often New redraws a set whose windows collide
// (which random 12-character windows practically never do).
const drawAttempts = 8

// New draws a new set of canaries from r: crypto/rand.Reader in
// production; tests pass a seeded reader for reproducible values.
func New(r io.Reader) (*Set, error) {
	if r == nil {
		return nil, errors.New("canary: no source of randomness")
	}
	g := &gen{r: r}
	var lastErr error
	for range drawAttempts {
		s := draw(g)
		if g.err != nil {
			return nil, fmt.Errorf("drawing canary secrets: %w", g.err)
		}
		m, err := newMatcher(s.secrets)
		if err == nil {
			s.m = m
			return s, nil
		}
		lastErr = err
	}
	return nil, fmt.Errorf("drawing canary secrets: %w", lastErr)
}

// draw makes one set of values from g.
func draw(g *gen) *Set {
	s := &Set{}
	add := func(name string, t *text, env bool) {
		s.canaries = append(s.canaries, Canary{Name: name, Value: string(t.b)})
		s.secrets = append(s.secrets, secret{name: name, value: t.b, random: t.r})
		if env {
			s.env = append(s.env, name)
		}
	}
	add("AWS_ACCESS_KEY_ID", g.text().fixed("AKIA").rand(16, upperAlnum), true)
	add("AWS_SECRET_ACCESS_KEY", g.text().rand(40, b64chars), true)
	add("AWS_SESSION_TOKEN", g.text().fixed(stsPrefix).rand(340, b64chars), true)
	add("DATABASE_URL", g.text().fixed("postgres://app:").rand(24, alnum).fixed("@db.internal.invalid:5432/app"), true)
	add("GITHUB_TOKEN", g.checksummed("ghp_"), true)
	add("NPM_TOKEN", g.checksummed("npm_"), true)
	keyLine := g.text().rand(64, b64chars)
	add(SSHPrivateKey, keyLine, false)
	// The key file is indexed whole, so that any of its random lines counts.
	pem := g.pem(keyLine)
	s.sshKey = pem.b
	s.secrets = append(s.secrets, secret{name: SSHPrivateKey, value: pem.b, random: pem.r})
	add(IMDSAccessKeyID, g.text().fixed("ASIA").rand(16, upperAlnum), false)
	add(IMDSSecretAccessKey, g.text().rand(40, b64chars), false)
	add(IMDSSessionToken, g.text().fixed(stsPrefix).rand(340, b64chars), false)
	add(ContainerAccessKeyID, g.text().fixed("ASIA").rand(16, upperAlnum), false)
	add(ContainerSecretAccessKey, g.text().rand(40, b64chars), false)
	add(ContainerSessionToken, g.text().fixed(stsPrefix).rand(340, b64chars), false)
	pass := g.text().rand(20, alnum)
	add(BrowserLoginData, pass, false)
	s.login = loginData(pass.b)
	xprv := g.text().fixed("xprv9s21ZrQH143K").rand(95, base58)
	add(WalletPrivateKey, xprv, false)
	s.wallet = []byte(`{"keystore": {"type": "bip32", "xprv": "` + string(xprv.b) + `", "derivation": "m/0h"}, "wallet_type": "standard", "seed_version": 52}` + "\n")
	s.marker = g.str(24, "0123456789abcdef")
	s.imdsToken = "AQAEA" + g.str(51, b64chars)
	s.account = g.str(12, "0123456789")
	s.instance = "i-0" + g.str(16, "0123456789abcdef")
	return s
}

// Marker is a random token the fake internet puts into its HTTP answers:
// code that fetches a payload and evaluates it evaluates the marker.
func (s *Set) Marker() string { return s.marker }

// IMDSToken is the session token the fake instance metadata service hands
// out (IMDSv2).
func (s *Set) IMDSToken() string { return s.imdsToken }

// AccountID and InstanceID are the fake cloud's account and instance.
func (s *Set) AccountID() string  { return s.account }
func (s *Set) InstanceID() string { return s.instance }

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
// by absolute path: ~/.aws/credentials, ~/.aws/config, ~/.npmrc,
// ~/.ssh/id_rsa, a browser's saved passwords and a wallet. The function's
// .env file is EnvFile.
func (s *Set) BaitFiles(home string) map[string][]byte {
	creds := fmt.Sprintf("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\naws_session_token = %s\n",
		s.Value("AWS_ACCESS_KEY_ID"), s.Value("AWS_SECRET_ACCESS_KEY"), s.Value("AWS_SESSION_TOKEN"))
	return map[string][]byte{
		path.Join(home, ".aws/credentials"):                         []byte(creds),
		path.Join(home, ".aws/config"):                              []byte("[default]\nregion = us-east-1\noutput = json\n"),
		path.Join(home, ".npmrc"):                                   []byte("//registry.npmjs.org/:_authToken=" + s.Value("NPM_TOKEN") + "\n"),
		path.Join(home, ".ssh/id_rsa"):                              slices.Clone(s.sshKey),
		path.Join(home, ".config/google-chrome/Default/Login Data"): slices.Clone(s.login),
		path.Join(home, ".electrum/wallets/default_wallet"):         slices.Clone(s.wallet),
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

// loginData is a stand-in for a browser's "Login Data" file: the header of
// an SQLite database and one saved login. It is not a database.
func loginData(pass []byte) []byte {
	var b strings.Builder
	b.WriteString("SQLite format 3\x00")
	b.WriteString(strings.Repeat("\x00", 84))
	b.WriteString("CREATE TABLE logins (origin_url VARCHAR NOT NULL, username_value VARCHAR, password_value BLOB)\x00")
	b.WriteString("https://console.aws.amazon.invalid/\x00deploy@example.invalid\x00")
	b.Write(pass)
	b.WriteString("\x00")
	return []byte(b.String())
}

// text is a value being built, with which of its bytes are random.
type text struct {
	g *gen
	b []byte
	r []bool
}

func (t *text) fixed(s string) *text {
	t.b = append(t.b, s...)
	for range len(s) {
		t.r = append(t.r, false)
	}
	return t
}

func (t *text) rand(n int, alphabet string) *text {
	t.b = append(t.b, t.g.str(n, alphabet)...)
	for range n {
		t.r = append(t.r, true)
	}
	return t
}

func (t *text) append(o *text) *text {
	t.b = append(t.b, o.b...)
	t.r = append(t.r, o.r...)
	return t
}

// gen draws random strings, remembering the first read error.
type gen struct {
	r   io.Reader
	err error
}

func (g *gen) text() *text { return &text{g: g} }

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
// token. The checksum depends on the body only, so it counts as fixed.
func (g *gen) checksummed(prefix string) *text {
	t := g.text().fixed(prefix).rand(30, alnum)
	body := t.b[len(prefix):]
	good := base62(crc32.ChecksumIEEE(body), 6)
	bad := []byte(good)
	bad[5] = alnum[(strings.IndexByte(alnum, bad[5])+1)%len(alnum)]
	return t.fixed(string(bad))
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
func (g *gen) pem(canaryLine *text) *text {
	t := g.text().fixed("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA").rand(48, b64chars).fixed("\n")
	for i := range 24 {
		if i == 12 {
			t.append(canaryLine).fixed("\n")
			continue
		}
		t.rand(64, b64chars).fixed("\n")
	}
	return t.rand(36, b64chars).fixed("==\n-----END RSA PRIVATE KEY-----\n")
}
