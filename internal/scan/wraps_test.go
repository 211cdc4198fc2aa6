package scan_test

import (
	"testing"

	"github.com/depbox/depbox/internal/verdict"
	"github.com/depbox/depbox/profile"
)

// TestScanWrapsAndReplacements runs, in the real sandbox, a tracer that
// wraps hooked functions the way dd-trace's shimmer does (the accessor's
// getter of Module.prototype._compile wrapped in place, a value wrap of
// fs.readFileSync, an assigned wrap of fs.statSync, and of fetch, never
// called; each calls through to what it found), and a package that replaces fs.readdirSync the same way
// without calling through and uses it. The wraps are no hook bypass; the
// replacement, which drops what the hook would have recorded, is high
// DBX013 on its package. The fixtures only run in the sandbox.
func TestScanWrapsAndReplacements(t *testing.T) {
	dir := t.TempDir()
	writeBundle(t, dir, map[string]string{
		"package.json":                     `{"name":"fn","version":"1.0.0","dependencies":{"tracer":"1.0.0","muter":"1.0.0"}}`,
		"index.js":                         "exports.handler = async () => ({ statusCode: 200 });\n",
		"node_modules/tracer/package.json": `{"name":"tracer","version":"1.0.0"}`,
		"node_modules/tracer/late.js":      "module.exports = 1;\n",
		"node_modules/tracer/index.js": `'use strict';
const fs = require('fs'), Module = require('module');
function wrap(obj, name, wrapper) {
  const d = Object.getOwnPropertyDescriptor(obj, name);
  if (d.get) { d.get = wrapper(d.get); Object.defineProperty(obj, name, d); return; }
  const orig = obj[name], w = wrapper(orig);
  w.__original = orig; w.__wrapped = true;
  Object.defineProperty(obj, name, { value: w, writable: true, enumerable: false, configurable: true });
}
wrap(Module.prototype, '_compile', (compile) => function (content, filename, format) { return compile.call(this, content, filename, format); });
wrap(fs, 'readFileSync', (orig) => function readFileSync(p, o) { return orig.call(this, p, o); });
fs.statSync = ((orig) => function statSync(p, o) { return orig(p, o); })(fs.statSync);
// dd-trace's fetch instrumentation: an assigned wrap, never called here.
const globalFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init) { return globalFetch(input, init); };
require('./late');
fs.readFileSync(__filename);
fs.statSync(__dirname);
module.exports = 1;
`,
		"node_modules/muter/package.json": `{"name":"muter","version":"1.0.0"}`,
		"node_modules/muter/index.js": `'use strict';
const fs = require('fs');
Object.defineProperty(fs, 'readdirSync', { value: function readdirSync() { return []; }, writable: true, enumerable: true, configurable: true });
fs.readdirSync('/home/sbx_user/.ssh');
module.exports = 1;
`,
	})
	p := run(t, options(t, dir))
	if p.Incomplete {
		t.Fatalf("incomplete: %+v", p.Problems)
	}
	if f := findingsOn(p, "node_modules/tracer"); f[verdict.RuleHookBypass] != nil {
		t.Errorf("tracer: wraps that call through are a hook bypass: %v", f)
	}
	if sev := findingsOn(p, "node_modules/muter")[verdict.RuleHookBypass][profile.PhaseImport]; sev != verdict.High {
		t.Errorf("muter: DBX013 in the import phase has severity %v, want high (findings %v)", sev, findingsOn(p, "node_modules/muter"))
	}
}
