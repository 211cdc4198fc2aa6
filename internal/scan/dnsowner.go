package scan

import (
	"strings"

	"github.com/depbox/depbox/internal/fakenet"
	"github.com/depbox/depbox/profile"
)

// dnsOwner finds whose a DNS query is that the fake resolver saw and no
// hook record explains: the one dependency whose processes, in the query's
// run, named the host on their command line (dig, nslookup, host, ping, a
// curl or wget URL) or connected to it. Programs other than node resolve
// names without a hook record, and the resolver cannot tell which process
// asked; the command line can. The install run's queries are matched
// against the install phase; the main run's (phase import: it also runs
// the invocations) against every other phase. It returns the dependency's
// install path, the phase that named the host and its behaviour there, or
// a nil behaviour when none or several did.
func dnsOwner(p *profile.Profile, r fakenet.Record, phase string) (string, string, *profile.Behavior) {
	name := strings.ToLower(strings.TrimSuffix(r.Name, "."))
	if name == "" {
		return "", "", nil
	}
	phases := []string{phase}
	if phase != profile.PhaseInstall {
		phases = []string{profile.PhaseImport, profile.PhaseStartup, profile.PhaseInvoke, profile.PhaseExecute}
	}
	var owner, in string
	var found *profile.Behavior
	for i := range p.Dependencies {
		for _, ph := range phases {
			b := p.Dependencies[i].Phases[ph]
			if b == nil || !namesHost(b, name) {
				continue
			}
			if found != nil {
				return "", "", nil // several could have asked: leave it unattributed
			}
			owner, in, found = p.Dependencies[i].Path, ph, b
			break
		}
	}
	return owner, in, found
}

// namesHost reports whether b's processes name the host in an argument,
// or b connected to it.
func namesHost(b *profile.Behavior, name string) bool {
	for _, pr := range b.Processes {
		for _, a := range pr.Argv[min(1, len(pr.Argv)):] {
			if hostIn(strings.ToLower(a), name) {
				return true
			}
		}
	}
	for _, n := range b.Network {
		if strings.EqualFold(strings.TrimSuffix(n.Host, "."), name) {
			return true
		}
	}
	return false
}

// hostIn reports whether the lower-cased argument holds the host name as a
// whole name: not as the tail of a longer name (x.invalid in
// evil-x.invalid or a.x.invalid) nor the head of one.
func hostIn(arg, name string) bool {
	for off := 0; ; {
		i := strings.Index(arg[off:], name)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(name)
		before := i == 0 || !hostChar(arg[i-1])
		after := j == len(arg) || !hostChar(arg[j]) || arg[j] == '.' && (j+1 == len(arg) || !hostChar(arg[j+1]))
		if before && after {
			return true
		}
		off = i + 1
	}
}

func hostChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
}
