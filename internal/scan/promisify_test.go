package scan_test

import (
	"slices"
	"testing"

	"github.com/depbox/depbox/profile"
)

// TestPromisifiedExecIsNoBypass (real sandbox): util.promisify(execFile)
// and util.promisify(exec) — in an ES module's install script, as
// @puppeteer/browsers runs unzip, and at import — start their programs
// through the hook: no hook-tamper (node's own util.promisify.custom,
// copied onto the hook's wrapper, started them around it and was judged a
// bypass, DBX013), and the programs are the package's.
func TestPromisifiedExecIsNoBypass(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                       `{"name":"fn","version":"1.0.0","dependencies":{"unpacker":"1.0.0"}}`,
		"index.js":                           "const u = require('unpacker');\nexports.handler = async () => u;\n",
		"node_modules/unpacker/package.json": `{"name":"unpacker","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node post.mjs"}}`,
		"node_modules/unpacker/post.mjs": "import { execFile } from 'node:child_process';\nimport { promisify } from 'node:util';\n" +
			"const { stdout } = await promisify(execFile)('uname', ['-s']);\nif (stdout !== 'Linux\\n') process.exit(2);\n",
		"node_modules/unpacker/index.js": "const { exec, execFile } = require('child_process');\nconst { promisify } = require('util');\n" +
			"promisify(exec)('uname -r').catch(() => {});\npromisify(execFile)('uname', ['-m']).catch(() => {});\nmodule.exports = 1;\n",
	})
	o := options(t, dir)
	p := run(t, o)
	d := p.Dependency("node_modules/unpacker")
	if d == nil {
		t.Fatal("no unpacker in the profile")
	}
	for _, phase := range []string{profile.PhaseInstall, profile.PhaseImport} {
		b := d.Phases[phase]
		if b == nil {
			t.Fatalf("no %s phase", phase)
		}
		if slices.Contains(b.Capabilities, "hook-tamper") {
			t.Errorf("%s: hook-tamper among %v", phase, b.Capabilities)
		}
		if b.Outcome == nil || b.Outcome.Status != profile.StatusOK {
			t.Errorf("%s: outcome %+v", phase, b.Outcome)
		}
	}
	if !hasProcess(d.Phases[profile.PhaseInstall], "uname", "-s") || !hasProcess(d.Phases[profile.PhaseImport], "uname", "-m") {
		t.Errorf("the promisified programs are not unpacker's: install %+v, import %+v", d.Phases[profile.PhaseInstall].Processes, d.Phases[profile.PhaseImport].Processes)
	}
}
