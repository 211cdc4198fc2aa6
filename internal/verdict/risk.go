package verdict

import (
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/depbox/depbox/profile"
)

// reachesOut reports whether a dependency's phase shows a way for what it
// read to leave: a network peer or DNS name that DBX006 counts (not
// loopback, localhost, instance metadata or AWS service endpoints: an AWS
// SDK reading ~/.aws/credentials to sign its calls to AWS is its job), or
// a process other than the lifecycle script itself (npm's `sh -c <script>`
// and the script's own command). Reading credentials with none of these is
// medium (DBX005): nothing seen could have sent them.
func reachesOut(phase string, b *profile.Behavior) bool {
	found := false
	parts(b, func(b *profile.Behavior, _ bool) {
		for _, e := range b.Network {
			found = found || !exemptPeer(e)
		}
		found = found || len(dnsNetwork(b)) > 0
		scripts := map[string]bool{}
		for _, p := range b.Processes {
			if phase == profile.PhaseInstall && scriptRunner(p) {
				scripts[p.Argv[2]] = true
			}
		}
		for _, p := range b.Processes {
			if phase == profile.PhaseInstall && (scriptRunner(p) || scripts[strings.Join(p.Argv, " ")] || ownScript(p)) {
				continue
			}
			found = true
		}
	})
	return found
}

// localName reports whether a DNS name never leaves the machine.
func localName(h string) bool {
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	return h == "" || h == "localhost" || strings.HasSuffix(h, ".localhost")
}

// dnsNetwork lists a phase's DNS queries that count as network for DBX006:
// all but localhost and the AWS service endpoints (as for connections).
func dnsNetwork(b *profile.Behavior) []profile.DNSQuery {
	var out []profile.DNSQuery
	for _, q := range b.DNS {
		if !localName(q.Name) && !exemptPeer(profile.Endpoint{Host: q.Name}) {
			out = append(out, q)
		}
	}
	return out
}

// ownFileRE is inline code that only loads one of the package's own files,
// optionally swallowing its errors: `require('./postinstall')`,
// `try{require('./postinstall')}catch(e){}` (core-js), with or without
// semicolons and spaces.
var ownFileRE = regexp.MustCompile(`^\s*(try\s*\{\s*)?require\(\s*(['"])\./[A-Za-z0-9_./-]+['"]\s*\)\s*;?\s*(\}\s*catch\s*(\(\s*\w*\s*\))?\s*\{\s*\}\s*)?;?\s*$`)

// ownScript reports whether a process is node running inline code that
// only loads a file of the package itself (no "..", no absolute path): the
// package's install script written inline, not "inline code" (DBX007).
func ownScript(p profile.Process) bool {
	prog := path.Base(program(p))
	if prog != "node" && prog != "nodejs" || len(p.Argv) != 3 {
		return false
	}
	if f := p.Argv[1]; f != "-e" && f != "--eval" {
		return false
	}
	code := p.Argv[2]
	return ownFileRE.MatchString(code) && !strings.Contains(code, "..")
}

// eventWriteAttempt is the evidence event of writes whose open failed.
const eventWriteAttempt = "file-write-attempt"

// hostConnected reports whether a connection to the host is in b (its DNS
// name is then not listed twice).
func hostConnected(b *profile.Behavior, host string) bool {
	for _, e := range b.Network {
		if strings.EqualFold(strings.TrimSuffix(e.Host, "."), strings.TrimSuffix(host, ".")) {
			return true
		}
	}
	return false
}

// lookupPrograms only read and print local state: a machine id, the host
// name, the process list. File reads they make are judged on their own
// (DBX005); none reaches the network, runs code it is given or writes.
var lookupPrograms = []string{"cat", "head", "tail", "hostname", "ps", "uname", "echo", "printf", "true", "false", ":",
	"grep", "cut", "tr", "sort", "uniq", "wc"}

var (
	// nullRedirect is output thrown away: 2>/dev/null, > /dev/null, 2>&1.
	nullRedirect = regexp.MustCompile(`[0-9]?>\s*/dev/null|[0-9]?>&[0-9]`)
	// shellSeparators split a command line into simple commands.
	shellSeparators = regexp.MustCompile(`[;&|()\n]+`)
)

// lookupShell reports whether a process is a shell running a command line
// made only of lookup commands (lookupCommand: lookupPrograms and version
// probes), with no expansion but globs over system directories, no
// substitution and no redirection but to /dev/null: node-machine-id's `(
// cat /etc/machine-id 2> /dev/null || hostname ) | head -n 1`,
// pstree.remy's `ps`, systeminformation's `cat /etc/*-release; cat
// /usr/lib/os-release` and `apachectl -v 2>&1`.
func lookupShell(p profile.Process) bool {
	prog := program(p)
	if !slices.Contains(shells, prog) || len(p.Argv) != 3 || p.Argv[1] != "-c" {
		return false
	}
	cmd := nullRedirect.ReplaceAllString(p.Argv[2], " ")
	if strings.ContainsAny(cmd, "$`<>\\'\"~") {
		return false
	}
	n := 0
	for _, sc := range shellSeparators.Split(cmd, -1) {
		f := strings.Fields(sc)
		if len(f) == 0 {
			continue
		}
		if !lookupCommand(f) {
			return false
		}
		n++
	}
	return n > 0
}
