package canary_test

import (
	"bytes"
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
		"AWS_ACCESS_KEY_ID":     `^AKIA[A-Z0-9]{16}$`,
		"AWS_SECRET_ACCESS_KEY": `^[A-Za-z0-9+/]{40}$`,
		"AWS_SESSION_TOKEN":     `^IQoJb3JpZ2luX2Vj[A-Za-z0-9+/]{300,}$`,
		"DATABASE_URL":          `^postgres://app:[A-Za-z0-9]{24}@db\.internal\.invalid:5432/app$`,
		"GITHUB_TOKEN":          `^ghp_[A-Za-z0-9]{36}$`,
		"NPM_TOKEN":             `^npm_[A-Za-z0-9]{36}$`,
		"SSH_PRIVATE_KEY":       `^[A-Za-z0-9+/]{64}$`,
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
	want := []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "DATABASE_URL", "GITHUB_TOKEN", "NPM_TOKEN"}
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
		"/home/sbx_user/.aws/credentials": {s.Value("AWS_ACCESS_KEY_ID"), s.Value("AWS_SECRET_ACCESS_KEY"), s.Value("AWS_SESSION_TOKEN"), "[default]"},
		"/home/sbx_user/.aws/config":      {"region = us-east-1"},
		"/home/sbx_user/.npmrc":           {"//registry.npmjs.org/:_authToken=" + s.Value("NPM_TOKEN")},
		"/home/sbx_user/.ssh/id_rsa":      {"-----BEGIN RSA PRIVATE KEY-----", s.Value("SSH_PRIVATE_KEY"), "-----END RSA PRIVATE KEY-----"},
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

func TestFind(t *testing.T) {
	s := seeded(t, 3)
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	dump := "HOME=/root\nAWS_SECRET_ACCESS_KEY=" + secret + "\nPATH=/bin\n"
	pass := strings.TrimPrefix(strings.SplitN(s.Value("DATABASE_URL"), "@", 2)[0], "postgres://app:")
	one := func(enc string) []canary.Match {
		return []canary.Match{{Canary: "AWS_SECRET_ACCESS_KEY", Encoding: enc}}
	}
	tests := []struct {
		name string
		data string
		want []canary.Match
	}{
		{"nothing", "GET / HTTP/1.1\r\nHost: example.invalid\r\n\r\n", nil},
		{"empty", "", nil},
		{"raw", "k=" + secret, one(canary.Raw)},
		{"base64 alone", base64.StdEncoding.EncodeToString([]byte(secret)), one(canary.Base64)},
		{"base64url unpadded", base64.RawURLEncoding.EncodeToString([]byte(secret)), one(canary.Base64)},
		{"base64 of an env dump", base64.StdEncoding.EncodeToString([]byte(dump)), one(canary.Base64)},
		{"base64 of an env dump, shifted 1", base64.StdEncoding.EncodeToString([]byte("x" + dump)), one(canary.Base64)},
		{"base64 of an env dump, shifted 2", base64.URLEncoding.EncodeToString([]byte("xy" + dump)), one(canary.Base64)},
		{"hex", "d=" + hex.EncodeToString([]byte(dump)), one(canary.Hex)},
		{"HEX", strings.ToUpper(hex.EncodeToString([]byte(secret))), one(canary.Hex)},
		{"query escaped", "/c?d=" + url.QueryEscape(dump), one(canary.URL)},
		{"path escaped", "/c/" + url.PathEscape(secret), one(canary.URL)},
		{"database password alone", "pw=" + pass, []canary.Match{{Canary: "DATABASE_URL", Encoding: canary.Raw}}},
		{"several, sorted and deduplicated", secret + " " + secret + " " + s.Value("AWS_ACCESS_KEY_ID") + " " + hex.EncodeToString([]byte(secret)),
			[]canary.Match{{"AWS_ACCESS_KEY_ID", canary.Raw}, {"AWS_SECRET_ACCESS_KEY", canary.Hex}, {"AWS_SECRET_ACCESS_KEY", canary.Raw}}},
		{"dns label", hex.EncodeToString([]byte(s.Value("AWS_ACCESS_KEY_ID"))) + ".exfil.invalid",
			[]canary.Match{{"AWS_ACCESS_KEY_ID", canary.Hex}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := s.FindString(tc.data)
			if tc.name == "query escaped" || tc.name == "path escaped" {
				// A secret without characters to escape is found raw instead.
				if url.QueryEscape(secret) == secret {
					tc.want = one(canary.Raw)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Find(%.60q…) = %v, want %v", tc.data, got, tc.want)
			}
		})
	}
}

// TestFindEveryCanaryEveryEncoding: each canary is found in each encoding,
// at each alignment inside a larger base64 blob.
func TestFindEveryCanaryEveryEncoding(t *testing.T) {
	s := seeded(t, 4)
	for _, c := range s.Canaries() {
		v := []byte(c.Value)
		cases := map[string]string{
			canary.Raw: c.Value,
			canary.Hex: hex.EncodeToString(v),
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
				t.Errorf("%s not found as %s", c.Name, enc)
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
}
