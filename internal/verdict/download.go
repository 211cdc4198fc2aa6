package verdict

import (
	"path"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// --- DBX008 install-network: an installer fetching its own binaries --------

// httpsPort is the only port a download counts on.
const httpsPort = 443

// softenDownload lowers d's DBX008 finding (among c.out[from:], the
// findings made for d) to medium when its install phase only fetched
// something: every connection went to port 443 of a name the package
// resolved, every name it resolved it connected to (no DNS-only names,
// which carry data), none of it unexplained by a hook record, and no other
// rule fired on d's install phase but DBX009 (processes) and a low DBX003
// (an indicator known as shared infrastructure). puppeteer fetching a
// browser, prisma its engines and node-pre-gyp a prebuilt addon look like
// this; malware's install step adds what keeps DBX008 high: a secret or
// credential-file read (DBX005, DBX006), a canary in the data (DBX001), a
// shell or downloader (DBX007), a shipped or written binary run (DBX020),
// fetched code run (DBX019), DNS beacons or an address and port of its own,
// or host reconnaissance (whoami, id, …: reconRun) sent to its server.
func (c *checker) softenDownload(d *profile.Dependency, from int) {
	var net *Finding
	for i := from; i < len(c.out); i++ {
		f := &c.out[i]
		if f.Path != d.Path || f.Phase != profile.PhaseInstall {
			continue
		}
		switch {
		case f.Rule == RuleInstallNetwork && !f.Evidence.Unattributed && net == nil:
			net = f
		case f.Rule == RuleInstallProcess, f.Rule == RuleIOCContact && f.Severity <= Low:
		default:
			return
		}
	}
	if net == nil || !downloadOnly(d.Phases[profile.PhaseInstall]) || reconRun(d.Phases[profile.PhaseInstall]) != "" {
		return
	}
	net.Severity = Medium
	net.Message += " (HTTPS to names it resolved, and nothing else of concern in the phase: an installer fetching its own files)"
}

// downloadOnly reports whether a behaviour's network is HTTPS connections
// to names it resolved, and nothing else.
func downloadOnly(b *profile.Behavior) bool {
	if b == nil || (b.Unattributed != nil && (len(b.Unattributed.Network) > 0 || len(b.Unattributed.DNS) > 0)) {
		return false
	}
	for _, e := range b.Network {
		if e.Protocol == "unix" || localAddr(e.Address) {
			continue
		}
		if e.Protocol != "tcp" || e.Port != httpsPort || e.Op == "bind" || e.Host == "" || !resolved(b, e.Host) {
			return false
		}
	}
	for _, q := range b.DNS {
		if q.Name != "localhost" && !hostConnected(b, q.Name) {
			return false
		}
	}
	return true
}

// resolved reports whether the behaviour looked host up.
func resolved(b *profile.Behavior, host string) bool {
	for _, q := range b.DNS {
		if strings.EqualFold(strings.TrimSuffix(q.Name, "."), strings.TrimSuffix(host, ".")) {
			return true
		}
	}
	return false
}

// reconPrograms answer "who and where am I": what a recon beacon runs
// before it posts the answers (google-caja-bower's `id`, `whoami`,
// `hostname`, `systeminfo` to a webhook). An installer fetching its own
// files has no use for them (it asks for the platform: uname, os.arch).
var reconPrograms = []string{"id", "whoami", "hostname", "systeminfo", "ifconfig", "ipconfig", "ip", "who", "w", "last",
	"env", "printenv", "groups", "users"}

// reconRun returns the first recon program the behaviour ran, directly or
// as a simple command of a `sh -c` line, or "".
func reconRun(b *profile.Behavior) string {
	if b == nil {
		return ""
	}
	for _, p := range b.Processes {
		if prog := program(p); slices.Contains(reconPrograms, prog) {
			return prog
		}
		if !slices.Contains(shells, program(p)) || len(p.Argv) != 3 || p.Argv[1] != "-c" {
			continue
		}
		for _, sc := range shellSeparators.Split(p.Argv[2], -1) {
			if f := strings.Fields(sc); len(f) > 0 && slices.Contains(reconPrograms, path.Base(f[0])) {
				return path.Base(f[0])
			}
		}
	}
	return ""
}
