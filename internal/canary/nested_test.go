package canary_test

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
)

// TestFindNestedBase64: secrets published base64-encoded several times
// (Shai-Hulud 2.0, nx "s1ngularity") are found down to four layers.
func TestFindNestedBase64(t *testing.T) {
	s := seeded(t, 7)
	sk := "AWS_SECRET_ACCESS_KEY"
	dump := "HOME=/root\nAWS_SECRET_ACCESS_KEY=" + s.Value(sk) + "\nPATH=/bin\n"
	layers := func(n int, enc *base64.Encoding, v string) string {
		for range n {
			v = enc.EncodeToString([]byte(v))
		}
		return v
	}
	full := []canary.Match{{Canary: sk, Encoding: canary.Base64}}
	for _, tc := range []struct {
		name string
		data string
		want []canary.Match
	}{
		{"twice, in JSON", `{"content":"` + layers(2, base64.StdEncoding, dump) + `"}`, full},
		{"three times", layers(3, base64.StdEncoding, dump), full},
		{"three times, URL alphabet, unpadded", "/u?d=" + layers(3, base64.RawURLEncoding, dump), full},
		{"four times", layers(4, base64.StdEncoding, dump), full},
		{"five times is deeper than depbox looks", layers(5, base64.StdEncoding, dump), nil},
		{"twice, the first 14 characters", layers(2, base64.StdEncoding, s.Value(sk)[:14]), []canary.Match{{Canary: sk, Encoding: canary.Base64, Partial: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.FindString(tc.data); !slices.Equal(got, tc.want) {
				t.Errorf("Find(%.60q…) = %v, want %v", tc.data, got, tc.want)
			}
		})
	}
	// Redaction uses the same matcher: the whole outer run goes.
	in := "body=" + layers(2, base64.StdEncoding, dump) + "&x=1"
	if got := s.Redact(in); got != "body={canary:"+sk+"}&x=1" {
		t.Errorf("Redact(%q) = %q", in, got)
	}
	if strings.Contains(s.Redact(in), s.Value(sk)) {
		t.Error("the secret survived redaction")
	}
}
