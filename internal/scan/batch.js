// depbox batch loader: loads many packages, one after the other, in one
// node process inside the sandbox, so that a scan starts a few node
// processes instead of one per package. It runs as
//   node -e "require('/depbox/batch.js')" depbox:run import <batch id>
// (require.main stays undefined, as for the one-package loader). The
// runner hands it the packages on fd 4 (JSON: {linger_ms, items: [{dep,
// dir, name, token}]}) and reads its status lines on fd 3.
//
// Each package's load is a window framed by two records in the ordered
// event stream, Kind "batch", Op "start" and "end" (Detail: i, dep, t —
// the runner's token for the window), so that the profiler can give
// everything between them to that package. The loader ends a window only
// when the package's own asynchronous work is done (or the linger ran
// out), and stops the process after a window it cannot vouch for: the
// runner then loads that package again alone, the way the one-package
// loader (loader.js) does, and goes on with the rest in a fresh process.
// A package's load itself follows loader.js: require by name from the
// directory that holds it, import() when it is an ES module, "no-entry"
// when there is nothing to load by its name. Keep the two in step.
'use strict';

const fs = require('fs');
const path = require('path');
const Module = require('module');
const asyncHooks = require('async_hooks');

// What the loader relies on, captured before any package runs.
const { setImmediate, setTimeout } = globalThis;
const JSONStringify = JSON.stringify;
const writeSync = fs.writeSync;
const openSync = fs.openSync;
const readFileSync = fs.readFileSync;
const readdirSync = fs.readdirSync;
const chdir = process.chdir.bind(process);
const umask = process.umask.bind(process);
const reallyExit = process.reallyExit.bind(process);
const activeHandles = process._getActiveHandles.bind(process);
const activeRequests = process._getActiveRequests.bind(process);
const hrtime = process.hrtime.bigint;
const { ChildProcess } = require('child_process');
// hookState is what the hook counts for harnesses (its worker threads still
// running among them); without the hook, nothing.
const hookState = () => { try { return process[Symbol.for('depbox.timers')] || { workers: 0 }; } catch { return { workers: 0 }; } };
// SETTLE_MS is how much longer than the linger a window's I/O still in
// flight (a request awaiting its answer, a child or worker it started) may
// take, so that what it does is seen whatever the machine's load.
const SETTLE_MS = 2000;
const env = process.env;
const ObjectKeys = Object.keys;

// Standard output and error are made now (a pipe's stream holds a handle
// that would otherwise look like work a package left running).
void process.stdout;
void process.stderr;

const hook = (() => {
  try { return require('./hook.js').claim(); } catch { return undefined; }
})();

const input = JSON.parse(fs.readFileSync(4, 'utf8'));
fs.closeSync(4);
const linger = Number(input.linger_ms) || 0;

const status = (o) => { try { writeSync(3, JSONStringify(o) + '\n'); } catch { /* the runner is gone */ } };

// frame puts a framing record into the event stream: through the hook
// when it is loaded (which also begins a new deduplication window), else
// as the same marker open the hook would make.
function frame(op, detail) {
  if (hook) return hook.record('batch', op, detail);
  const b64 = Buffer.from(JSONStringify({ k: 'batch', o: op, d: detail }), 'utf8').toString('base64url');
  const parts = [];
  for (let i = 0; i < b64.length; i += 200) parts.push(b64.slice(i, i + 200));
  try { openSync('/__depbox__/' + parts.join('/'), 'r'); } catch { /* ENOENT: delivered */ }
}

// Asynchronous resources created in a window are remembered with it; one
// of them running in a later window means that window is not its
// package's alone (and the earlier one's work was cut short).
let current = -1; // the open window
let own = false; // the loader is creating a resource of its own
const createdIn = new Map(); // async id → window
const timers = []; // timers and immediates created in the open window
const late = new Set(); // windows whose work ran after they ended
let foreign = false; // the open window saw such work
asyncHooks.createHook({
  init(id, type, trigger, resource) {
    if (current < 0 || own || type === 'PROMISE') return;
    createdIn.set(id, current);
    if (type === 'Timeout' || type === 'Immediate') timers.push(resource);
  },
  before(id) {
    const w = createdIn.get(id);
    if (w !== undefined && w !== current) {
      late.add(w);
      if (current >= 0) foreign = true;
    }
  },
}).enable();

function tick(ms) {
  own = true;
  try {
    return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
  } finally { own = false; }
}

// settle waits until the window's package has nothing pending that keeps
// the event loop alive (its timers, requests in flight, handles it
// opened, workers it started), for up to the linger, up to twice the timer
// budget more while timers the hook brought forward are pending (as
// loader.js lingers), and up to SETTLE_MS past the linger while its I/O is
// in flight, and says whether anything is left: work still running, or
// timers that would fire later (unreferenced ones included).
async function settle(handles, workers) {
  const start = hrtime();
  await tick(0);
  for (;;) {
    const newHandles = activeHandles().filter((h) => !handles.has(h));
    const inflight = activeRequests().length > 0 || hookState().workers > workers ||
      newHandles.some((h) => h.connecting === true || (h._httpMessage !== null && typeof h._httpMessage === 'object') || h instanceof ChildProcess);
    const busy = inflight || timers.some((t) => !t._destroyed && t.hasRef()) || newHandles.length > 0;
    if (!busy) break;
    const waited = Number(hrtime() - start) / 1e6;
    let most = hook && hook.pendingTimers() > 0 ? linger + 2 * hook.timerBudgetMs + 250 : linger;
    if (inflight) most = Math.max(most, linger + SETTLE_MS);
    if (waited >= most) return 'pending';
    await tick(5);
  }
  return timers.some((t) => !t._destroyed) ? 'timer' : '';
}

// The module system and the process's exit path: a package that changes
// them changes how every later package loads or ends.
const EXIT_EVENTS = ['exit', 'beforeExit'];
function fingerprint() {
  const ext = Module._extensions;
  return [Module._load, Module._resolveFilename, Module.prototype.require, Module.prototype._compile,
    Module.wrap, ext['.js'], ext['.json'], ext['.node'], ObjectKeys(ext).join(),
    process.exit, process.reallyExit, process.dlopen,
    ...EXIT_EVENTS.map((e) => process.listenerCount(e))];
}
const sameFingerprint = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

// The environment and the working directory are restored after every
// window: each package starts from the environment a process of its own
// would have.
function envSnapshot() {
  const out = new Map();
  for (const k of ObjectKeys(env)) out.set(k, env[k]);
  return out;
}
function restoreEnv(snap) {
  for (const k of ObjectKeys(env)) if (!snap.has(k)) delete env[k];
  for (const [k, v] of snap) if (env[k] !== v) env[k] = v;
}

// installPath names the package a file belongs to, like the hook: the
// innermost node_modules/<name> (or @scope/<name>) directory, relative to
// the task root.
const taskRoot = (input.task_root || '/var/task') + '/';
function installPath(file) {
  const i = file.lastIndexOf('/node_modules/');
  if (i < 0) return undefined;
  const start = i + '/node_modules/'.length;
  let end = file.indexOf('/', start);
  if (end > 0 && file[start] === '@') end = file.indexOf('/', end + 1);
  const dir = end < 0 ? file : file.slice(0, end);
  return dir.startsWith(taskRoot) ? dir.slice(taskRoot.length) : dir;
}

// loaded lists the packages whose modules a module tree holds, the ones
// that were already in the cache included (they are what the package's
// own process would have loaded).
function loaded(root) {
  const out = new Set();
  const seen = new Set([root]);
  const stack = [...root.children];
  while (stack.length) {
    const m = stack.pop();
    if (!m || seen.has(m)) continue;
    seen.add(m);
    const ip = typeof m.filename === 'string' ? installPath(m.filename) : undefined;
    if (ip !== undefined) out.add(ip);
    if (Array.isArray(m.children)) for (const c of m.children) stack.push(c);
  }
  return [...out];
}

const codeOf = (e) => String((e && (e.code || e.name)) || e).slice(0, 120);
const ESM = ['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'ERR_PACKAGE_PATH_NOT_EXPORTED'];

// evalModule is a module standing where `node -e` code run from dir
// stands ("<dir>/[eval]"): names resolve from dir, by require and by
// import(), as they do for loader.js.
function evalModule(dir) {
  const filename = path.join(dir, '[eval]');
  const m = new Module(filename, null);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(dir);
  m._compile('module.exports = (name) => import(name);', filename);
  m.loaded = true;
  return m;
}

// load loads one package by name from dir, as loader.js does: by
// require, or import() when it is an ES module; one whose "exports" has no
// "." entry through each subpath it exports instead.
async function load(dir, name) {
  const notFound = (e) => e && e.code === 'MODULE_NOT_FOUND' && String(e.message).startsWith(`Cannot find module '${name}'`);
  const noMain = (e) => e && e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' && /No "exports" main defined/.test(String(e.message));
  const m = evalModule(dir);
  // one loads a specifier and returns the error, if any.
  const one = async (spec) => {
    try {
      m.require(spec);
      return null;
    } catch (e) {
      if (!(e && ESM.includes(e.code))) return e;
      try {
        await m.exports(spec);
        return null;
      } catch (e2) {
        return e2;
      }
    }
  };
  let e = await one(name);
  if (noMain(e)) {
    const specs = subpaths(path.join(dir, 'node_modules', name), name);
    if (specs.length === 0) return { status: 'no-entry', error: codeOf(e) };
    e = null;
    for (const spec of specs) {
      const err = await one(spec);
      if (err && !e) e = err;
    }
  } else if (notFound(e)) {
    return { status: 'no-entry', error: codeOf(e) };
  }
  if (e) return { status: 'error', error: codeOf(e) };
  return { status: 'ok', loaded: loaded(m) };
}

// subpaths lists the specifiers the "exports" of the package in dir offers
// besides its missing main entry, as loader.js's subpaths does: each "./x"
// key as name/x, and each "./x/*" pattern expanded over the package's files
// its target matches (up to 200).
function subpaths(dir, name) {
  let exp;
  try { exp = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).exports; } catch { return []; }
  if (!exp || typeof exp !== 'object' || Array.isArray(exp)) return [];
  const target = (v) => {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) { for (const x of v) { const t = target(x); if (t) return t; } return null; }
    if (v && typeof v === 'object') { for (const c of ['node', 'require', 'import', 'default']) { if (c in v) { const t = target(v[c]); if (t) return t; } } }
    return null;
  };
  const out = [];
  for (const key of ObjectKeys(exp)) {
    if (!key.startsWith('./') || key === './package.json' || key.endsWith('/')) continue;
    const t = target(exp[key]);
    if (!t || !t.startsWith('./')) continue;
    const star = key.indexOf('*');
    if (star < 0) { out.push(name + key.slice(1)); continue; }
    const ts = t.indexOf('*');
    if (ts < 0 || key.indexOf('*', star + 1) >= 0) continue;
    const prefix = t.slice(2, ts), suffix = t.slice(ts + 1);
    const files = [];
    const walk = (rel) => {
      let ents;
      try { ents = readdirSync(path.join(dir, rel), { withFileTypes: true }); } catch { return; }
      for (const ent of ents) {
        if (files.length >= 200 || ent.name === 'node_modules') continue;
        const r = rel ? rel + '/' + ent.name : ent.name;
        if (ent.isDirectory()) walk(r);
        else if (r.startsWith(prefix) && r.endsWith(suffix) && r.length >= prefix.length + suffix.length) files.push(r);
      }
    };
    walk(prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '');
    for (const f of files) out.push(name + '/' + key.slice(2, star) + f.slice(prefix.length, f.length - suffix.length) + key.slice(star + 1));
  }
  return out.slice(0, 200);
}

async function main() {
  const items = input.items;
  const baseEnv = envSnapshot();
  const baseUmask = umask(0o022); // (reading it without setting it is deprecated)
  umask(baseUmask);
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    chdir(it.dir);
    const before = fingerprint();
    const state = hook ? hook.state() : { bypasses: 0, tampers: 0 };
    const handles = new Set(activeHandles());
    const workers = hookState().workers;
    timers.length = 0;
    foreign = false;
    const start = hrtime();
    frame('start', { i, dep: it.dep, t: it.token });
    status({ ev: 'start', i, t: it.token });
    current = i;
    const r = await load(it.dir, it.name);
    const left = await settle(handles, workers);
    if (hook) hook.verify();
    current = -1;
    // Why the window cannot be trusted (the package is loaded again in a
    // process of its own), and whether the process may go on.
    const why = [];
    if (left) why.push(left);
    if (foreign) why.push('foreign-work');
    if (!sameFingerprint(before, fingerprint())) why.push('module-system');
    const after = hook ? hook.state() : state;
    if (after.bypasses !== state.bypasses) why.push('bypass');
    if (after.tampers !== state.tampers) why.push('tamper');
    const ms = Number(hrtime() - start) / 1e6;
    frame('end', { i, dep: it.dep, t: it.token, status: r.status, isolate: why.length ? why : undefined });
    status({ ev: 'end', i, t: it.token, status: r.status, error: r.error, loaded: r.loaded, isolate: why, late: [...late], ms });
    if (why.length || late.size) reallyExit(0); // a fresh process for the rest
    restoreEnv(baseEnv);
    umask(baseUmask);
  }
  reallyExit(0);
}

main().catch((e) => {
  try { process.stderr.write('depbox batch loader: ' + String(e && e.stack || e) + '\n'); } catch { /* nothing */ }
  reallyExit(70);
});
