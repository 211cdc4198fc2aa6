// depbox execute harness: runs inside the sandbox as
//   node -e <this> depbox:run execute <dependency path> <linger ms> <name> <call timeout ms> <call args JSON>
// It loads one package by name (like the import loader), then calls its
// exported functions and class methods with generated arguments, each call
// bounded by a timeout, so that payloads that only act when called show.
// It reports on fd 3.
'use strict';
const fs = require('fs');
// With -e, bare names resolve from the process's cwd: the directory whose
// node_modules holds the package, as the import loader does.
const [, , , dep, lingerArg, name, callTimeoutArg, callArgsArg] = process.argv;
const linger = Number(lingerArg) || 0;
const callTimeout = Number(callTimeoutArg) || 1000;
const MAX_CALLS = 200;

const report = (status, detail) => {
  try { fs.writeSync(3, JSON.stringify(Object.assign({ status }, detail)) + '\n'); } catch (_) {}
};
const codeOf = (e) => String((e && (e.code || e.name)) || e).slice(0, 120);

// The values depbox generates (scan.CallArgs): a name, a URL and a file
// path. Names are under .invalid, which can never be a real host; depbox
// records what a package does with them as caller-directed.
let A = { host: 'depbox-call.invalid', url: 'https://depbox-call.invalid/api?q=1', file: '/tmp/depbox-call-input.txt' };
try { A = Object.assign(A, JSON.parse(callArgsArg)); } catch (_) {}

// Arguments a caller might pass: strings (plain, URL-, path- and
// command-like), numbers, objects, arrays, callbacks.
const argSets = () => [
  [],
  [A.host],
  [A.url, { method: 'GET' }],
  [{ name: A.host, id: 1, items: [1, 2, 3] }],
  [42, A.host, true],
  [() => {}],
  [A.file, 'utf8', () => {}],
];

// withTimeout waits for a returned promise at most callTimeout. Its timer
// stays referenced: a promise that never settles, with nothing else keeping
// the event loop alive (superagent's Request after a failed call), must not
// let node exit before the harness reports — that reads as the package
// ending the phase (an incomplete analysis).
const withTimeout = (v) => {
  if (!v || typeof v.then !== 'function') return Promise.resolve(v);
  let t;
  return Promise.race([
    Promise.resolve(v).catch(() => {}),
    new Promise((resolve) => { t = setTimeout(resolve, callTimeout); }),
  ]).finally(() => clearTimeout(t));
};

// targets lists the callables to exercise: the export itself, its own
// function-valued properties, and methods of exported classes.
const targets = (mod) => {
  const out = [];
  const seen = new Set();
  const add = (label, fn, self, isClass) => {
    if (typeof fn !== 'function' || seen.has(fn)) return;
    seen.add(fn);
    out.push({ label, fn, self, isClass });
  };
  const isClass = (f) => typeof f === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(f));
  const visit = (obj, prefix) => {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return;
    let keys = [];
    try { keys = Object.getOwnPropertyNames(obj); } catch (_) { return; }
    for (const k of keys.sort()) {
      if (['prototype', 'length', 'name', 'caller', 'arguments', 'constructor'].includes(k)) continue;
      let v;
      try {
        const d = Object.getOwnPropertyDescriptor(obj, k);
        if (!d || d.get) continue; // getters are not called
        v = d.value;
      } catch (_) { continue; }
      if (typeof v === 'function') add(prefix + k, v, obj, isClass(v));
    }
  };
  if (typeof mod === 'function') add('(export)', mod, undefined, isClass(mod));
  visit(mod, '');
  if (mod && typeof mod === 'object' && mod.default) {
    if (typeof mod.default === 'function') add('default', mod.default, undefined, isClass(mod.default));
    visit(mod.default, 'default.');
  }
  return out;
};

const exercise = async (mod) => {
  let calls = 0, threw = 0;
  for (const t of targets(mod)) {
    for (const args of argSets()) {
      if (calls >= MAX_CALLS) return { calls, threw };
      calls++;
      try {
        if (t.isClass) {
          const inst = new t.fn(...args);
          const proto = Object.getPrototypeOf(inst);
          for (const m of Object.getOwnPropertyNames(proto).sort()) {
            if (m === 'constructor' || calls >= MAX_CALLS) continue;
            const d = Object.getOwnPropertyDescriptor(proto, m);
            if (!d || typeof d.value !== 'function') continue;
            calls++;
            try { await withTimeout(d.value.apply(inst, args)); } catch (_) { threw++; }
          }
        } else {
          await withTimeout(t.fn.apply(t.self, args));
        }
      } catch (_) { threw++; }
    }
  }
  return { calls, threw };
};

// SETTLE_MS: how much longer than the linger I/O still in flight may take
// (see loader.js).
const SETTLE_MS = 2000;
// done reports, then lets asynchronous work run for the linger time, and
// longer while timers the hook brought forward are pending or I/O is in
// flight (see loader.js).
const done = (status, detail) => {
  report(status, detail);
  const t0 = Date.now();
  const pending = () => { try { return process[Symbol.for('depbox.timers')] || { pending: 0, budget: 0 }; } catch (_) { return { pending: 0, budget: 0 }; } };
  const tick = () => {
    const waited = Date.now() - t0;
    const t = pending();
    if (waited >= linger && (t.pending === 0 || waited >= linger + 2 * t.budget + 250) && !(t.inflight > 0 && waited < linger + SETTLE_MS)) process.exit(0);
    setTimeout(tick, 25).unref();
  };
  setTimeout(tick, Math.min(linger, 25)).unref();
};
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
(async () => {
  let mod;
  try {
    mod = require(name);
  } catch (e) {
    if (e && ['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'ERR_PACKAGE_PATH_NOT_EXPORTED'].includes(e.code)) {
      try { mod = await import(name); } catch (e2) { return done('error', { error: codeOf(e2) }); }
    } else {
      return done('error', { error: codeOf(e) });
    }
  }
  await exercise(mod);
  done('ok', {});
})();
