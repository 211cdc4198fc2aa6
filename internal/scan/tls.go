package scan

import (
	"fmt"
	"net"

	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/profiler"
	"github.com/depbox/depbox/sandbox"
)

// caBundlePaths are where the sandbox's programs look for the authorities
// they trust: the CA bundle of Debian's curl and wget (GnuTLS), and
// OpenSSL's default file (Python's ssl.create_default_context, any
// program linked with OpenSSL). In the root file system they link to the
// control directory's hook.ExtraCAPath, which every run fills with the
// authority the fake internet's certificates come from: made for that run,
// never a fixed key, and no environment variable (SSL_CERT_FILE) that the
// code under test would see.
var caBundlePaths = []string{"/etc/ssl/certs/ca-certificates.crt", "/usr/lib/ssl/cert.pem"}

// addCABundle links caBundlePaths to the run's authority in s.
func addCABundle(s *sandbox.RootfsSpec) {
	if s.Links == nil {
		s.Links = map[string]string{}
	}
	for _, p := range caBundlePaths {
		s.Links[p] = hook.ExtraCAPath
	}
}

// addFakeTLS makes the run's TLS authority: the fake internet issues
// every HTTPS server's certificate with it, and the run's clients trust it
// — node and Python through their hooks, which add it to every secure
// context they make, other programs through caBundlePaths.
func addFakeTLS(p *plan.Plan) error {
	ca, err := fakenet.NewTLS()
	if err != nil {
		return fmt.Errorf("the fake internet's HTTPS: %w", err)
	}
	p.TLS = ca
	if p.Files == nil {
		p.Files = map[string][]byte{}
	}
	p.Files[hook.ExtraCAPath] = ca.CertPEM
	return nil
}

// namedDestinations changes out in place and returns it: each destination that is a sinkhole
// address of the fake internet ("127.77.1.2:443", what a Python hook record
// of a TLS write names) replaced by the name it stands for
// ("dynamodb.us-east-1.amazonaws.com:443"), as the profile's network
// endpoints are (nameSinkholes): the evidence names the host, and an AWS
// SDK's signed request to an AWS endpoint is recognised as one
// (maskSigning) whichever record saw it.
func namedDestinations(out []profiler.Outgoing, sinkholes map[string]string) []profiler.Outgoing {
	for i, o := range out {
		host, port, err := net.SplitHostPort(o.Destination)
		if err != nil {
			continue
		}
		if name, ok := sinkholes[host]; ok {
			out[i].Destination = net.JoinHostPort(name, port)
		}
	}
	return out
}
