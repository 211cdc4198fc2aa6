package scan

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/depbox/depbox/internal/bundle"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/internal/plan"
	"github.com/depbox/depbox/sandbox"
)

// addFakeNet gives a plan the fake internet: DNS and TCP sinkholes, the
// cloud's metadata endpoints answering with canary credentials, the marker
// of remote code in HTTP answers, and HTTPS answered with certificates of
// an authority made for this run alone (tls.go), which the run's clients
// trust.
func addFakeNet(p *plan.Plan, o Options) error {
	p.FakeNet = true
	p.Cloud = cloud(o.Canaries)
	p.HTTPMarker = o.Canaries.Marker()
	if o.world != nil {
		p.Geo = o.world.Geo
	}
	p.Env = append(p.Env, "AWS_CONTAINER_CREDENTIALS_FULL_URI=http://"+fakenet.ContainerAddr.String()+p.Cloud.ContainerPath)
	return addFakeTLS(p)
}

// cloud is the fake AWS account behind the metadata endpoints.
func cloud(c *canary.Set) *fakenet.Cloud {
	return &fakenet.Cloud{
		Region: "us-east-1", AccountID: c.AccountID(), InstanceID: c.InstanceID(), Role: "service-role-app",
		Instance: fakenet.Credentials{
			AccessKeyID: c.Value(canary.IMDSAccessKeyID), SecretAccessKey: c.Value(canary.IMDSSecretAccessKey), Token: c.Value(canary.IMDSSessionToken),
		},
		Container: fakenet.Credentials{
			AccessKeyID: c.Value(canary.ContainerAccessKeyID), SecretAccessKey: c.Value(canary.ContainerSecretAccessKey), Token: c.Value(canary.ContainerSessionToken),
		},
		ContainerPath: "/v2/credentials/" + c.InstanceID()[2:],
		IMDSToken:     c.IMDSToken(),
	}
}

// lambdaHostname is the host name the sandbox shows: Lambda's execution
// environments are named by a link-local address, never "sandbox". It
// depends on the function's name only, so that names built from it (a
// beacon's DNS query) are the same from scan to scan.
func lambdaHostname(b *bundle.Bundle, o Options) string {
	if o.world != nil && o.world.Hostname != "" {
		return o.world.Hostname // a world variant's (worlds.go)
	}
	name := o.FunctionName
	if name == "" {
		name = sanitizeName(b.Name)
	}
	h := sha256.Sum256([]byte(name))
	return fmt.Sprintf("169.254.%d.%d", 1+int(h[0])%253, 1+int(h[1])%253)
}

// searchDomain is the domain the sandbox's resolver appends to a name
// before (a name with no dot) or after (a name that failed) asking for it
// as given: with no search line in resolv.conf, glibc takes what follows
// the host name's first dot ("169.254.7.9" → "254.7.9"). A lookup of
// "db" is then also a query for "db.254.7.9", which no hook record names.
func searchDomain(hostname string) string {
	_, d, _ := strings.Cut(hostname, ".")
	return d
}

// kernelRelease is what /proc shows as the kernel of the sandbox: a
// release of the Amazon Linux kernels Lambda's execution environments run,
// in place of gVisor's own.
const kernelRelease = "5.10.240-258.930.amzn2.x86_64"

// procFiles are files bind-mounted over /proc in the sandbox, so that code
// that reads them sees Lambda's values (path in the sandbox → content).
func procFiles() map[string]string {
	return map[string]string{
		"/proc/version": "Linux version " + kernelRelease + " (mockbuild@ip-10-0-47-12) (gcc10-gcc (GCC) 10.5.0 20230707 " +
			"(Red Hat 10.5.0-1), GNU ld version 2.35.2-9.amzn2.0.1) #1 SMP Tue Jul 15 15:18:39 UTC 2025\n",
		"/proc/sys/kernel/osrelease": kernelRelease + "\n",
	}
}

// procMounts writes procFiles into the work directory (once per scan) and
// returns their read-only mounts.
func (s *scanner) procMounts() ([]sandbox.Mount, error) {
	files := procFiles()
	var out []sandbox.Mount
	for _, dst := range slices.Sorted(maps.Keys(files)) {
		m, err := s.fileMount("proc"+strings.ReplaceAll(dst[len("/proc"):], "/", "-"), dst, files[dst])
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// fileMount writes content to the work directory's file name, unless a
// run of the scan (or of a world variant, which shares the directory)
// already did, and returns its read-only mount at dst.
func (s *scanner) fileMount(name, dst, content string) (sandbox.Mount, error) {
	src := filepath.Join(s.work, name)
	if _, err := os.Stat(src); err != nil {
		if err := os.WriteFile(src, []byte(content), 0o444); err != nil {
			return sandbox.Mount{}, fmt.Errorf("preparing %s for the sandbox: %w", dst, err)
		}
	}
	return sandbox.Mount{Source: src, Destination: dst}, nil
}
