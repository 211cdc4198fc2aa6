package canary_test

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/base64"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/depbox/depbox/internal/canary"
)

func compress(t *testing.T, format string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w interface {
		Write([]byte) (int, error)
		Close() error
	}
	switch format {
	case canary.Gzip:
		w = gzip.NewWriter(&b)
	case canary.Zlib:
		w = zlib.NewWriter(&b)
	case canary.Deflate:
		fw, err := flate.NewWriter(&b, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		w = fw
	case canary.Brotli:
		w = brotli.NewWriter(&b)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestFindCompressed: secrets sent compressed — gzip, zlib, raw deflate or
// brotli, on their own, base64-encoded in JSON (approval-guardian 2026),
// after other bytes, cut short — are found, and named by the compression.
func TestFindCompressed(t *testing.T) {
	s := seeded(t, 11)
	sk := "AWS_SECRET_ACCESS_KEY"
	dump := []byte("HOME=/root\nAWS_SECRET_ACCESS_KEY=" + s.Value(sk) + "\nPATH=/usr/bin:/bin\n" + strings.Repeat("LANG=C.UTF-8\n", 40))
	// The approval-guardian shape: files base64-encoded in JSON, gzipped,
	// base64-encoded, in a JSON body.
	loot := []byte(`{"host":"x","files":{".aws/credentials":"` + base64.StdEncoding.EncodeToString(dump) + `"}}`)
	full := func(enc string) []canary.Match { return []canary.Match{{Canary: sk, Encoding: enc}} }
	gz := compress(t, canary.Gzip, dump)
	for _, tc := range []struct {
		name string
		data []byte
		want []canary.Match
	}{
		{"gzip", gz, full(canary.Gzip)},
		{"gzip after an HTTP header", append([]byte("POST /c HTTP/1.1\r\nContent-Encoding: gzip\r\n\r\n"), gz...), full(canary.Gzip)},
		{"zlib after other bytes", append([]byte{0, 1, 2, 3, 0xff}, compress(t, canary.Zlib, dump)...), full(canary.Zlib)},
		{"raw deflate", compress(t, canary.Deflate, dump), full(canary.Deflate)},
		{"brotli", compress(t, canary.Brotli, dump), full(canary.Brotli)},
		{"gzip, base64, in JSON", []byte(`{"t":1,"d":"` + base64.StdEncoding.EncodeToString(compress(t, canary.Gzip, loot)) + `"}`), full(canary.Gzip)},
		{"raw deflate, base64", []byte("d=" + base64.RawURLEncoding.EncodeToString(compress(t, canary.Deflate, dump))), full(canary.Deflate)},
		{"brotli, base64", []byte("d=" + base64.StdEncoding.EncodeToString(compress(t, canary.Brotli, dump))), full(canary.Brotli)},
		{"gzip cut short", gz[:len(gz)*2/3], full(canary.Gzip)},
		{"gzip of gzip", compress(t, canary.Gzip, compress(t, canary.Gzip, dump)), full(canary.Gzip)},
		{"gzip without the secret", compress(t, canary.Gzip, []byte(strings.Repeat("LANG=C.UTF-8\n", 40))), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Find(tc.data); !slices.Equal(got, tc.want) {
				t.Errorf("Find = %v, want %v", got, tc.want)
			}
			if b := s.Bounds(); len(b) != 0 {
				t.Errorf("bounds reached: %v", b)
			}
		})
	}

	// In a series, the piece the stream is in is named.
	pieces := [][]byte{[]byte("hello"), []byte("plain text, nothing"), compress(t, canary.Deflate, dump)}
	if got := s.FindSeries(pieces, false); len(got) != 1 || got[0].Piece != 2 || got[0].Encoding != canary.Deflate {
		t.Errorf("FindSeries = %+v, want one deflate match in piece 2", got)
	}

	// Redaction uses the same matcher: the whole encoded stream goes.
	in := `{"d":"` + base64.StdEncoding.EncodeToString(gz) + `"}`
	if got := s.Redact(in); got != `{"d":"{canary:`+sk+`}"}` {
		t.Errorf("Redact = %q", got)
	}
}

// TestCompressedBounds: a decompression bomb costs a bounded amount of
// work, and the bound it reaches is reported; garbage that only starts
// like a stream is no bound.
func TestCompressedBounds(t *testing.T) {
	s := seeded(t, 12)
	sk := "NPM_TOKEN"
	secret := []byte("\nNPM_TOKEN=" + s.Value(sk) + "\n")

	// 200 MiB of zeros, then the secret: over 1000:1.
	var bomb bytes.Buffer
	w := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 200 {
		w.Write(zeros)
	}
	w.Write(secret)
	w.Close()

	// Two streams of 5 MiB at under 100:1: together past the 8 MiB a
	// search decompresses.
	rnd := rand.New(rand.NewPCG(1, 2))
	block := make([]byte, 4096)
	for i := range block {
		block[i] = byte(rnd.Uint32())
	}
	big := compress(t, canary.Gzip, bytes.Repeat(block, 5<<20/len(block)))

	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(rnd.Uint32())
	}

	for _, tc := range []struct {
		name  string
		data  []byte
		limit string // "" for no bound
	}{
		{"gzip bomb", bomb.Bytes(), "ratio"},
		{"two large streams", append(slices.Clone(big), big...), "size"},
		{"random bytes", garbage, ""},
		{"1 MiB of JavaScript (zlib-shaped pairs such as \"(S\")", bytes.Repeat([]byte("f(String(a)), g(Symbol.x) && x^y; H5 8A\n"), 1<<20/40), ""},
		{"data crafted full of gzip headers", bytes.Repeat([]byte{0x1f, 0x8b, 8, 0}, 100000), "streams"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := s.Find(tc.data); len(got) != 0 {
				t.Errorf("Find = %v, want nothing", got)
			}
			b := s.Bounds()
			if tc.limit == "" {
				if len(b) != 0 {
					t.Errorf("bounds = %v, want none", b)
				}
				return
			}
			if len(b) == 0 || b[0].Limit != tc.limit || tc.limit != "streams" && b[0].Format != canary.Gzip {
				t.Fatalf("bounds = %v, want a gzip %s bound", b, tc.limit)
			}
			if !strings.Contains(b[0].String(), "not searched") {
				t.Errorf("bound message %q does not say what was missed", b[0])
			}
			if again := s.Bounds(); len(again) != 0 {
				t.Errorf("Bounds did not forget: %v", again)
			}
		})
	}
}
