package scan

import (
	"fmt"
	"net"
	"os"
	"path/filepath"

	"github.com/depbox/depbox/sandbox"
)

// hostsFile is the sandbox's /etc/hosts: localhost and, when the host name
// is a name rather than an address (the ci world's fv-az1234-567; Lambda's
// are addresses), the host name on 127.0.1.1, as a container runtime or
// Debian's installer writes it. A program that looks up its own machine
// (`hostname -f`, a resolver asked for os.hostname()) then finds it in the
// file, as on a real machine, instead of asking the fake resolver — which
// cannot tell which process asked, so the query landed on the function.
func hostsFile(hostname string) string {
	s := "127.0.0.1 localhost\n::1 localhost\n"
	if hostname != "" && net.ParseIP(hostname) == nil {
		s += "127.0.1.1 " + hostname + "\n"
	}
	return s
}

// hostsMount writes hostsFile for the host name into the work directory
// (once per name: world variants share it) and returns its read-only mount
// over /etc/hosts.
func (s *scanner) hostsMount(hostname string) (sandbox.Mount, error) {
	src := filepath.Join(s.work, "etc-hosts-"+hostname)
	if _, err := os.Stat(src); err != nil {
		if err := os.WriteFile(src, []byte(hostsFile(hostname)), 0o444); err != nil {
			return sandbox.Mount{}, fmt.Errorf("preparing /etc/hosts for the sandbox: %w", err)
		}
	}
	return sandbox.Mount{Source: src, Destination: "/etc/hosts"}, nil
}
