package scan

import (
	"net"

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

// hostsMount is hostsFile's mount over /etc/hosts (one file per host name:
// world variants share the work directory).
func (s *scanner) hostsMount(hostname string) (sandbox.Mount, error) {
	return s.fileMount("etc-hosts-"+hostname, "/etc/hosts", hostsFile(hostname))
}
