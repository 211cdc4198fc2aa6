package scan

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

// TestBoundProblems: a decompression bomb the fake internet received makes
// the profile incomplete (the canary search could not cover it), said
// once, and a normal run has no such problem.
func TestBoundProblems(t *testing.T) {
	c, err := canary.New(rand.NewChaCha8([32]byte{5}))
	if err != nil {
		t.Fatal(err)
	}
	var bomb bytes.Buffer
	w := gzip.NewWriter(&bomb)
	zeros := make([]byte, 1<<20)
	for range 64 {
		w.Write(zeros)
	}
	w.Close()
	for _, tc := range []struct {
		name  string
		data  []byte
		fatal bool
	}{
		{"bomb", append([]byte("POST /x HTTP/1.1\r\nContent-Encoding: gzip\r\n\r\n"), bomb.Bytes()...), true},
		{"plain request", []byte("GET / HTTP/1.1\r\nHost: example.invalid\r\n\r\n"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &profile.Profile{}
			rec := fakenet.Record{Kind: "tcp", Name: "collect.invalid", Port: 80, Data: tc.data}
			applyFakeNet(p, []fakenet.Record{rec, rec}, c, map[string]bool{})
			boundProblems(p, c)
			n := 0
			for _, pr := range p.Problems {
				if pr.Code == ProblemCanarySearch {
					n++
				}
			}
			if tc.fatal && (n != 1 || !p.Incomplete) {
				t.Errorf("problems %+v, incomplete %v: want one fatal %s", p.Problems, p.Incomplete, ProblemCanarySearch)
			}
			if !tc.fatal && n != 0 {
				t.Errorf("problems %+v: want none", p.Problems)
			}
		})
	}
}
