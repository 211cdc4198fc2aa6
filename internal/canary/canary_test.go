package canary_test

import (
	"bytes"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"math/rand/v2"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
)

func seeded(t *testing.T, seed byte) *canary.Set {
	t.Helper()
	var key [32]byte
	key[0] = seed
	s, err := canary.New(rand.NewChaCha8(key))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestFormats(t *testing.T) {
	s := seeded(t, 1)
	formats := map[string]string{
		"AWS_ACCESS_KEY_ID":           `^AKIA[A-Z0-9]{16}$`,
		"AWS_SECRET_ACCESS_KEY":       `^[A-Za-z0-9+/]{40}$`,
		"AWS_SESSION_TOKEN":           `^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}$`,
		"DATABASE_URL":                `^postgres://app:[A-Za-z0-9]{24}@db\.internal\.invalid:5432/app$`,
		"GITHUB_TOKEN":                `^ghp_[A-Za-z0-9]{36}$`,
		"NPM_TOKEN":                   `^npm_[A-Za-z0-9]{36}$`,
		"SSH_PRIVATE_KEY":             `^[A-Za-z0-9+/]{64}$`,
		"IMDS_ACCESS_KEY_ID":          `^ASIA[A-Z0-9]{16}$`,
		"IMDS_SECRET_ACCESS_KEY":      `^[A-Za-z0-9+/]{40}$`,
		"IMDS_SESSION_TOKEN":          `^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}$`,
		"CONTAINER_ACCESS_KEY_ID":     `^ASIA[A-Z0-9]{16}$`,
		"CONTAINER_SECRET_ACCESS_KEY": `^[A-Za-z0-9+/]{40}$`,
		"CONTAINER_SESSION_TOKEN":     `^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}$`,
		"BROWSER_LOGIN_DATA":          `^[A-Za-z0-9]{20}$`,
		"WALLET_PRIVATE_KEY":          `^xprv9s21ZrQH143K[1-9A-HJ-NP-Za-km-z]{95}$`,
	}
	got := map[string]bool{}
	for _, c := range s.Canaries() {
		re, ok := formats[c.Name]
		if !ok {
			t.Errorf("unexpected canary %s", c.Name)
			continue
		}
		got[c.Name] = true
		if !regexp.MustCompile(re).MatchString(c.Value) {
			t.Errorf("%s = %q does not match %s", c.Name, c.Value, re)
		}
	}
	for name := range formats {
		if !got[name] {
			t.Errorf("missing canary %s", name)
		}
	}
}

// TestTokenChecksumsAreWrong: GitHub and npm tokens end in a base62 CRC32 of
// their body; ours must not, so that no verifying scanner takes them for
// real tokens.
func TestTokenChecksumsAreWrong(t *testing.T) {
	const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	for seed := range byte(50) {
		s := seeded(t, seed)
		for _, name := range []string{"GITHUB_TOKEN", "NPM_TOKEN"} {
			v := s.Value(name)
			body, sum := v[4:34], v[34:]
			c := crc32.ChecksumIEEE([]byte(body))
			want := make([]byte, 6)
			for i := 5; i >= 0; i-- {
				want[i] = digits[c%62]
				c /= 62
			}
			if sum == string(want) {
				t.Errorf("%s %s carries a valid checksum", name, v)
			}
		}
	}
}

func TestDeterministicPerSeed(t *testing.T) {
	a, b, c := seeded(t, 7), seeded(t, 7), seeded(t, 8)
	if !slices.Equal(a.Canaries(), b.Canaries()) {
		t.Error("the same seed gave different canaries")
	}
	for i, x := range a.Canaries() {
		if x.Value == c.Canaries()[i].Value {
			t.Errorf("%s is the same for two seeds", x.Name)
		}
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("no entropy") }

func TestNewReportsReadErrors(t *testing.T) {
	if _, err := canary.New(failing{}); err == nil {
		t.Error("New with a failing reader succeeded")
	}
	if _, err := canary.New(nil); err == nil {
		t.Error("New with a nil reader succeeded")
	}
}

func TestEnvAndFiles(t *testing.T) {
	s := seeded(t, 2)
	env := s.Env()
	// EnvNames is what every run plants (the verdict judges by it).
	want := canary.EnvNames
	if len(env) != len(want) {
		t.Fatalf("Env() = %q", env)
	}
	for i, kv := range env {
		if kv != want[i]+"="+s.Value(want[i]) {
			t.Errorf("Env()[%d] = %q", i, kv)
		}
	}
	if string(s.EnvFile()) != strings.Join(env, "\n")+"\n" {
		t.Errorf("EnvFile() = %q", s.EnvFile())
	}
	files := s.BaitFiles("/home/sbx_user")
	contains := map[string][]string{
		"/home/sbx_user/.aws/credentials":                         {s.Value("AWS_ACCESS_KEY_ID"), s.Value("AWS_SECRET_ACCESS_KEY"), s.Value("AWS_SESSION_TOKEN"), "[default]"},
		"/home/sbx_user/.aws/config":                              {"region = us-east-1"},
		"/home/sbx_user/.npmrc":                                   {"//registry.npmjs.org/:_authToken=" + s.Value("NPM_TOKEN")},
		"/home/sbx_user/.ssh/id_rsa":                              {"-----BEGIN RSA PRIVATE KEY-----", s.Value("SSH_PRIVATE_KEY"), "-----END RSA PRIVATE KEY-----"},
		"/home/sbx_user/.config/google-chrome/Default/Login Data": {"SQLite format 3\x00", s.Value("BROWSER_LOGIN_DATA")},
		"/home/sbx_user/.electrum/wallets/default_wallet":         {`"xprv": "` + s.Value("WALLET_PRIVATE_KEY") + `"`},
	}
	if len(files) != len(contains) {
		t.Errorf("BaitFiles has %d files, want %d", len(files), len(contains))
	}
	for p, subs := range contains {
		for _, sub := range subs {
			if !bytes.Contains(files[p], []byte(sub)) {
				t.Errorf("%s lacks %q:\n%s", p, sub, files[p])
			}
		}
	}
	// Every bait file gives its canaries away when read.
	for p, b := range files {
		if strings.HasSuffix(p, "config") {
			continue
		}
		if len(s.Find(b)) == 0 {
			t.Errorf("Find does not recognise the bait file %s", p)
		}
	}
}

// TestFind: one table per channel: what a canary looks like when it leaves
// whole, cut short, chunked, lower-cased or encoded.
func TestFind(t *testing.T) {
	s := seeded(t, 3)
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	token := s.Value("NPM_TOKEN")
	dump := "HOME=/root\nAWS_SECRET_ACCESS_KEY=" + secret + "\nPATH=/bin\n"
	pass := strings.TrimPrefix(strings.SplitN(s.Value("DATABASE_URL"), "@", 2)[0], "postgres://app:")
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding)
	m := func(c, enc string, partial bool) canary.Match {
		return canary.Match{Canary: c, Encoding: enc, Partial: partial}
	}
	sk := "AWS_SECRET_ACCESS_KEY"
	tests := []struct {
		name string
		data string
		want []canary.Match
	}{
		{"nothing", "GET / HTTP/1.1\r\nHost: example.invalid\r\n\r\n", nil},
		{"empty", "", nil},
		{"raw", "k=" + secret, []canary.Match{m(sk, canary.Raw, false)}},
		{"raw, first 12 characters", "k=" + secret[:12], []canary.Match{m(sk, canary.Raw, true)}},
		{"raw, 11 characters are not enough", "k=" + secret[:11], nil},
		{"raw, lower-cased: case counts outside DNS", strings.ToLower(secret), nil},
		{"base64 alone", base64.StdEncoding.EncodeToString([]byte(secret)), []canary.Match{m(sk, canary.Base64, false)}},
		{"base64url unpadded", base64.RawURLEncoding.EncodeToString([]byte(secret)), []canary.Match{m(sk, canary.Base64, false)}},
		{"base64 of an env dump", base64.StdEncoding.EncodeToString([]byte(dump)), []canary.Match{m(sk, canary.Base64, false)}},
		{"base64 of an env dump, shifted 1", base64.StdEncoding.EncodeToString([]byte("x" + dump)), []canary.Match{m(sk, canary.Base64, false)}},
		{"base64 of an env dump, shifted 2", base64.URLEncoding.EncodeToString([]byte("xy" + dump)), []canary.Match{m(sk, canary.Base64, false)}},
		{"base64 of the first 14 characters", base64.StdEncoding.EncodeToString([]byte(secret[:14])), []canary.Match{m(sk, canary.Base64, true)}},
		{"hex", "d=" + hex.EncodeToString([]byte(dump)), []canary.Match{m(sk, canary.Hex, false)}},
		{"HEX", strings.ToUpper(hex.EncodeToString([]byte(secret))), []canary.Match{m(sk, canary.Hex, false)}},
		{"hex of the first 20 characters", hex.EncodeToString([]byte(secret[:20])), []canary.Match{m(sk, canary.Hex, true)}},
		{"hex of characters 5 to 17", hex.EncodeToString([]byte(secret[5:17])), []canary.Match{m(sk, canary.Hex, true)}},
		{"base32", base32.StdEncoding.EncodeToString([]byte(secret)), []canary.Match{m(sk, canary.Base32, false)}},
		{"base32, lower-case, unpadded", strings.ToLower(b32.EncodeToString([]byte(secret))), []canary.Match{m(sk, canary.Base32, false)}},
		{"base32 inside a dump, shifted 3", b32.EncodeToString([]byte("abc" + dump)), []canary.Match{m(sk, canary.Base32, false)}},
		{"base32 of the first 15 characters", b32.EncodeToString([]byte(secret[:15])), []canary.Match{m(sk, canary.Base32, true)}},
		{"query escaped", "/c?d=" + url.QueryEscape(dump), []canary.Match{m(sk, canary.URL, false)}},
		{"query escaped, cut short", "/c?d=" + url.QueryEscape(secret[:30]), []canary.Match{m(sk, canary.URL, true)}},
		{"path escaped", "/c/" + url.PathEscape(secret), []canary.Match{m(sk, canary.URL, false)}},
		{"database password alone", "pw=" + pass, []canary.Match{m("DATABASE_URL", canary.Raw, false)}},
		{"database URL", s.Value("DATABASE_URL"), []canary.Match{m("DATABASE_URL", canary.Raw, false)}},
		{"npm token from .npmrc", "x=//registry.npmjs.org/:_authToken=" + token, []canary.Match{m("NPM_TOKEN", canary.Raw, false)}},
		{"npm token without its prefix and checksum", token[4:34], []canary.Match{m("NPM_TOKEN", canary.Raw, false)}},
		{"npm token, 20 of its characters", token[8:28], []canary.Match{m("NPM_TOKEN", canary.Raw, true)}},
		{"token prefix and 8 random characters are not enough", token[:12], nil},
		{"several, sorted and deduplicated", secret + " " + secret + " " + s.Value("AWS_ACCESS_KEY_ID") + " " + hex.EncodeToString([]byte(secret)),
			[]canary.Match{m("AWS_ACCESS_KEY_ID", canary.Raw, false), m(sk, canary.Hex, false), m(sk, canary.Raw, false)}},
		{"metadata credentials", `{"AccessKeyId":"` + s.Value("IMDS_ACCESS_KEY_ID") + `"}`, []canary.Match{m("IMDS_ACCESS_KEY_ID", canary.Raw, false)}},
		{"a line of the private key file", strings.Split(string(s.BaitFiles("/h")["/h/.ssh/id_rsa"]), "\n")[3], []canary.Match{m("SSH_PRIVATE_KEY", canary.Raw, true)}},
		{"the wallet file", string(s.BaitFiles("/h")["/h/.electrum/wallets/default_wallet"]), []canary.Match{m("WALLET_PRIVATE_KEY", canary.Raw, false)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := s.FindString(tc.data)
			if strings.Contains(tc.name, "escaped") && url.QueryEscape(secret) == secret {
				// A secret without characters to escape is found raw instead.
				for i := range tc.want {
					tc.want[i].Encoding = canary.Raw
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Find(%.60q…) = %v, want %v", tc.data, got, tc.want)
			}
		})
	}
}

// TestFindName: DNS names arrive lower-cased and split into labels of at
// most 63 bytes.
func TestFindName(t *testing.T) {
	s := seeded(t, 6)
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	token := s.Value("NPM_TOKEN")
	h := hex.EncodeToString([]byte(secret))
	b32 := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte(token)))
	m := func(c, enc string, partial bool) canary.Match {
		return canary.Match{Canary: c, Encoding: enc, Partial: partial}
	}
	tests := []struct {
		name, dns string
		want      []canary.Match
	}{
		{"plain name", "registry.npmjs.org", nil},
		{"token lower-cased in a label", strings.ToLower(token) + ".t.exfil.invalid", []canary.Match{m("NPM_TOKEN", canary.Raw, false)}},
		{"hex, first 20 characters", hex.EncodeToString([]byte(secret[:20])) + ".x.exfil.invalid", []canary.Match{m("AWS_SECRET_ACCESS_KEY", canary.Hex, true)}},
		{"hex over two labels", h[:63] + "." + h[63:] + ".x.exfil.invalid", []canary.Match{m("AWS_SECRET_ACCESS_KEY", canary.Hex, false)}},
		{"hex in labels of 10", chunk(h[:50], 10) + ".exfil.invalid", []canary.Match{m("AWS_SECRET_ACCESS_KEY", canary.Hex, true)}},
		{"base32 lower-case over labels", chunk(b32, 30) + ".b.exfil.invalid", []canary.Match{m("NPM_TOKEN", canary.Base32, false)}},
		{"base64url lower-cased", strings.ToLower(base64.RawURLEncoding.EncodeToString([]byte(token))) + ".exfil.invalid", []canary.Match{m("NPM_TOKEN", canary.Base64, false)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.FindName(tc.dns); !slices.Equal(got, tc.want) {
				t.Errorf("FindName(%q) = %v, want %v", tc.dns, got, tc.want)
			}
		})
	}
}

func chunk(s string, n int) string {
	var parts []string
	for len(s) > n {
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return strings.Join(append(parts, s), ".")
}

// TestFindNames: a secret sent over several DNS queries of one process.
func TestFindNames(t *testing.T) {
	s := seeded(t, 7)
	h := hex.EncodeToString([]byte(s.Value("GITHUB_TOKEN")))
	sm := func(c, enc string, partial bool, piece int) canary.SeriesMatch {
		return canary.SeriesMatch{Match: canary.Match{Canary: c, Encoding: enc, Partial: partial}, Piece: piece}
	}
	tests := []struct {
		name  string
		names []string
		want  []canary.SeriesMatch
	}{
		{"unrelated names", []string{"a.example.invalid", "b.example.invalid"}, nil},
		{"8 hex characters a query, in order", []string{
			h[0:8] + ".q.exfil.invalid", h[0:8] + ".q.exfil.invalid", // A and AAAA
			h[8:16] + ".q.exfil.invalid", h[16:24] + ".q.exfil.invalid", h[24:32] + ".q.exfil.invalid",
		}, []canary.SeriesMatch{sm("GITHUB_TOKEN", canary.Hex, true, 2)}}, // hex("ghp_") is not random
		{"numbered chunks, out of order, with an id label", []string{
			"2." + h[28:38] + ".c0ffee.oast.invalid", "0." + h[8:18] + ".c0ffee.oast.invalid", "1." + h[18:28] + ".c0ffee.oast.invalid",
		}, []canary.SeriesMatch{sm("GITHUB_TOKEN", canary.Hex, true, 1)}},
		{"chunks under another domain do not join", []string{h[0:8] + ".a.one.invalid", h[8:16] + ".a.two.invalid", h[16:24] + ".a.one.invalid"}, nil},
		{"a whole label in one query", []string{"x.example.invalid", h + ".d.exfil.invalid"}, []canary.SeriesMatch{sm("GITHUB_TOKEN", canary.Hex, false, 1)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.FindNames(tc.names); !slices.Equal(got, tc.want) {
				t.Errorf("FindNames = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFindSeries: a secret written in several pieces.
func TestFindSeries(t *testing.T) {
	s := seeded(t, 8)
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	pieces := [][]byte{[]byte("k=" + secret[:7]), []byte(secret[7:15]), []byte(secret[15:])}
	got := s.FindSeries(pieces, false)
	want := []canary.SeriesMatch{{Match: canary.Match{Canary: "AWS_SECRET_ACCESS_KEY", Encoding: canary.Raw}, Piece: 0}} // whole
	if !slices.Equal(got, want) {
		t.Errorf("FindSeries = %v, want %v", got, want)
	}
	if got := s.FindSeries([][]byte{[]byte(secret[:7]), []byte("--"), []byte(secret[7:15])}, false); len(got) != 0 {
		t.Errorf("pieces that do not join up matched: %v", got)
	}
}

// TestFindEveryCanaryEveryEncoding: each canary is found in each encoding,
// whole, and by MinRandomChars random characters of its own.
func TestFindEveryCanaryEveryEncoding(t *testing.T) {
	s := seeded(t, 4)
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding)
	for _, c := range s.Canaries() {
		v := []byte(c.Value)
		cases := map[string]string{
			canary.Raw:    c.Value,
			canary.Hex:    hex.EncodeToString(v),
			canary.Base32: b32.EncodeToString(v),
		}
		for shift := range 3 {
			blob := append(bytes.Repeat([]byte{'z'}, shift), v...)
			blob = append(blob, "tail"...)
			if len(s.FindString(base64.StdEncoding.EncodeToString(blob))) == 0 {
				t.Errorf("%s not found in base64 at shift %d", c.Name, shift)
			}
		}
		for enc, data := range cases {
			if !slices.Contains(s.FindString(data), canary.Match{Canary: c.Name, Encoding: enc}) {
				t.Errorf("%s not found whole as %s", c.Name, enc)
			}
		}
		// The last MinRandomChars characters are random in every canary
		// but DATABASE_URL (whose random part is the password).
		tail := v[len(v)-canary.MinRandomChars:]
		if c.Name == "DATABASE_URL" {
			tail = []byte(strings.TrimPrefix(strings.SplitN(c.Value, "@", 2)[0], "postgres://app:"))[:canary.MinRandomChars]
		}
		if c.Name == "GITHUB_TOKEN" || c.Name == "NPM_TOKEN" {
			tail = v[10:22]
		}
		if got := s.FindString(hex.EncodeToString(tail)); len(got) != 1 || got[0].Canary != c.Name {
			t.Errorf("%s: %d random characters in hex found %v", c.Name, canary.MinRandomChars, got)
		}
	}
}

// TestWindowsAreUnique: New draws canaries whose windows each belong to
// one canary; over many draws no window is shared, so no match can name
// the wrong canary.
func TestWindowsAreUnique(t *testing.T) {
	for seed := range byte(20) {
		s := seeded(t, seed)
		for _, c := range s.Canaries() {
			v := c.Value
			for i := 0; i+canary.MinRandomChars <= len(v); i++ {
				for _, m := range s.FindName(v[i : i+canary.MinRandomChars]) {
					if m.Canary != c.Name {
						t.Fatalf("seed %d: %q of %s matched %s", seed, v[i:i+canary.MinRandomChars], c.Name, m.Canary)
					}
				}
			}
		}
	}
}

func TestNoFalsePositivesOnRandomData(t *testing.T) {
	s := seeded(t, 5)
	r := rand.NewChaCha8([32]byte{9})
	data := make([]byte, 1<<20)
	r.Read(data)
	if m := s.Find(data); len(m) != 0 {
		t.Errorf("random data matched %v", m)
	}
	if m := s.FindString(base64.StdEncoding.EncodeToString(data[:4096])); len(m) != 0 {
		t.Errorf("random base64 matched %v", m)
	}
	if m := s.FindName(hex.EncodeToString(data[:4096])); len(m) != 0 {
		t.Errorf("random hex as a DNS name matched %v", m)
	}
	// Another run's canaries are not this run's.
	other := seeded(t, 6)
	for _, c := range other.Canaries() {
		if m := s.FindName(c.Value); len(m) != 0 {
			t.Errorf("%s of another run matched %v", c.Name, m)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	var key [32]byte
	s, err := canary.New(rand.NewChaCha8(key))
	if err != nil {
		b.Fatal(err)
	}
	data := make([]byte, 64<<10)
	rand.NewChaCha8([32]byte{1}).Read(data)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s.Find(data)
	}
}
