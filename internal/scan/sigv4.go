package scan

import (
	"bytes"
	"net"
	"net/url"

	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profiler"
)

// signingKeys are the planted AWS credentials an AWS SDK signs requests
// with: the access key id, which Signature Version 4 sends as
// Credential=<id>/… (the Authorization header, or X-Amz-Credential in a
// presigned URL), and the session token it sends as X-Amz-Security-Token.
// The secret access key itself is never sent.
var signingKeys = []struct{ id, token string }{
	{"AWS_ACCESS_KEY_ID", "AWS_SESSION_TOKEN"},
	{canary.IMDSAccessKeyID, canary.IMDSSessionToken},
	{canary.ContainerAccessKeyID, canary.ContainerSessionToken},
}

// maskSigning returns the data of an outgoing connection with the planted
// credentials masked where SigV4 puts them, when it goes to an AWS service
// endpoint: an AWS SDK calling AWS sends the key id and session token
// there by design, which is not exfiltration. Anywhere else in the data
// (a body, a path, another header), to any other host, and the secret key
// anywhere, they are still found.
func maskSigning(c *canary.Set, o profiler.Outgoing) []byte {
	if o.Channel != "network" {
		return o.Data
	}
	host, _, err := net.SplitHostPort(o.Destination)
	if err != nil {
		host = o.Destination
	}
	if !verdict.IsAWSEndpoint(host) {
		return o.Data
	}
	d := o.Data
	for _, k := range signingKeys {
		if id := c.Value(k.id); id != "" {
			d = maskAfter(d, id, "credential=")
		}
		if tok := c.Value(k.token); tok != "" {
			d = maskAfter(d, tok, "x-amz-security-token:", "x-amz-security-token: ", "x-amz-security-token=")
			d = maskAfter(d, url.QueryEscape(tok), "x-amz-security-token=")
		}
	}
	return d
}

// maskAfter returns d with every occurrence of v that directly follows one
// of the prefixes (compared without case) replaced by asterisks; d itself
// is left alone.
func maskAfter(d []byte, v string, prefixes ...string) []byte {
	var out []byte
	for from := 0; ; {
		i := bytes.Index(d[from:], []byte(v))
		if i < 0 {
			break
		}
		i += from
		from = i + len(v)
		for _, p := range prefixes {
			if i >= len(p) && bytes.EqualFold(d[i-len(p):i], []byte(p)) {
				if out == nil {
					out = bytes.Clone(d)
				}
				copy(out[i:i+len(v)], bytes.Repeat([]byte("*"), len(v)))
				break
			}
		}
	}
	if out == nil {
		return d
	}
	return out
}
