// depbox execute harness: runs inside the sandbox as
//   node -e <this> depbox:run execute <dependency path> <linger ms> <name> <call timeout ms> <call args JSON> <call budget ms> <load budget ms> [<resume JSON>]
// It loads one package by name (like the import loader), then calls its
// exported functions and class methods with generated arguments, each call
// bounded by a timeout, so that payloads that only act when called show.
// It reports on fd 3.
//
// Each call is numbered (the order is fixed: targets sorted by name, the
// argument sets in order). Before a call it sets the runner's watchdog to
// the call budget naming the call ("call": n); while the call's own
// synchronous code runs, a process.exit is that call's doing and is
// reported as {"call_exit": n}. The runner then starts the phase again in
// a new process from call n+1, without the later calls of the same export
// ({"from": n+1, "skip": [label, …]}), recording call n as skipped
// (internal/runner/calls.go). A promise a call returned is awaited under
// a deadline that names no call: what runs then is not the call's own
// synchronous code, and an exit or a hang there ends the phase as before.
// That deadline, and the linger's, are extended by the runner while the
// process keeps starting processes (watchBusy); a promise not settled
// when the harness goes on is reported ({"unsettled": n}).
// Loading the package and the linger have deadlines of their own (naming
// no call), so each part of the phase is bounded by the watchdog.
'use strict';
const fs = require('fs');
// With -e, bare names resolve from the process's cwd: the directory whose
// node_modules holds the package, as the import loader does.
const [, , , dep, lingerArg, name, callTimeoutArg, callArgsArg, callBudgetArg, loadBudgetArg, resumeArg] = process.argv;
const linger = Number(lingerArg) || 0;
const callTimeout = Number(callTimeoutArg) || 1000;
const callBudget = Number(callBudgetArg) || 10000;
const loadBudget = Number(loadBudgetArg) || 30000;
let resume = { from: 0, skip: [] };
try { resume = Object.assign(resume, JSON.parse(resumeArg || '{}')); } catch (_) {}
const firstCall = Number(resume.from) || 0;
const skipLabels = new Set(Array.isArray(resume.skip) ? resume.skip : []);
const MAX_CALLS = 200;
const GRACE_MS = 1000; // the harness's own work around a call

const line = (o) => {
  try { fs.writeSync(3, JSON.stringify(o) + '\n'); } catch (_) {}
};
const report = (status, detail) => line(Object.assign({ status }, detail));
// watch arms the runner's watchdog (0 disarms); call is the call whose own
// code runs until the next line, or absent.
const watch = (ms, what, call, label) => line(call === undefined ? { deadline_ms: ms, what } : { deadline_ms: ms, what, call, label });
// watchBusy arms a deadline for waiting on the package's asynchronous
// work, which the runner extends while the process keeps starting
// processes (internal/runner/spawns.go): continuations that run chains of
// execSync block the harness's own timers, but each program they run is
// seen. A wait that starts no process for the whole deadline is a hang.
const watchBusy = (ms, what) => line({ deadline_ms: ms, what, progress: true });
let syncCall = -1; // the call whose synchronous code is running
let syncWhat = '', syncTarget = '';
process.on('exit', (code) => {
  if (syncCall >= 0) line({ call_exit: syncCall, what: syncWhat, label: syncTarget, code: Number(code) || 0 });
});
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

// withTimeout waits for a returned promise at most callTimeout, and says
// whether it settled. Its timer stays referenced: a promise that never
// settles, with nothing else keeping the event loop alive (superagent's
// Request after a failed call), must not let node exit before the harness
// reports — that reads as the package ending the phase (an incomplete
// analysis).
const withTimeout = (v) => {
  if (!v || typeof v.then !== 'function') return Promise.resolve(true);
  let t;
  return Promise.race([
    Promise.resolve(v).then(() => true, () => true),
    new Promise((resolve) => { t = setTimeout(() => resolve(false), callTimeout); }),
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

// call runs call number n (fn.apply(self, args), or new fn(...args) with
// construct) under the call budget, and returns its result; calls before
// resume.from were made by an earlier process of this phase, and calls of
// an export in resume.skip ended one: neither is made (undefined).
const call = (n, label, fn, self, args, construct) => {
  if (n < firstCall || skipLabels.has(label)) return undefined;
  syncTarget = label;
  syncWhat = `call ${n}: ${label} with ${args.length} argument(s)`.slice(0, 160);
  watch(callBudget + GRACE_MS, syncWhat, n, label);
  syncCall = n;
  try {
    return construct ? new fn(...args) : fn.apply(self, args);
  } finally {
    syncCall = -1;
  }
};

// settle waits for what a call returned: a promise at most callTimeout.
// From here on the call's own synchronous code has returned: the deadline
// names no call. Work the promise's continuations do without yielding
// (execSync in systeminformation) delays the harness's own timer, so the
// deadline allows a call budget on top of the timeout, extended while
// that work keeps starting processes. A promise that had not settled when
// the harness goes on is reported ("unsettled", and whether it held the harness
// for twice the timeout or more); what it does later is still the package's, seen until the
// process ends.
const settle = async (n, v) => {
  const what = syncWhat;
  watchBusy(callTimeout + callBudget + GRACE_MS, `after call ${n} (waiting for what it returned)`);
  const t0 = Date.now();
  if (!(await withTimeout(v))) line({ unsettled: n, what, extended: Date.now() - t0 >= 2 * callTimeout });
};

// methodsOf lists a class's prototype methods, sorted: the calls made on
// each instance, numbered after its constructor.
const methodsOf = (cls) => {
  const proto = cls.prototype;
  if (!proto || (typeof proto !== 'object' && typeof proto !== 'function')) return [];
  const out = [];
  for (const m of Object.getOwnPropertyNames(proto).sort()) {
    if (m === 'constructor') continue;
    const d = Object.getOwnPropertyDescriptor(proto, m);
    if (d && typeof d.value === 'function') out.push({ m, fn: d.value });
  }
  return out;
};

const exercise = async (mod) => {
  let calls = 0, threw = 0;
  for (const t of targets(mod)) {
    for (const args of argSets()) {
      if (calls >= MAX_CALLS) return { calls, threw };
      const n = calls++;
      try {
        if (t.isClass) {
          const methods = methodsOf(t.fn).slice(0, MAX_CALLS - calls);
          const first = calls;
          calls += methods.length;
          // The instance's calls were all made by an earlier process, or
          // its constructor was the call skipped: nothing to do here.
          if (calls <= firstCall || n === firstCall - 1 || skipLabels.has(t.label)) continue;
          // An instance is needed for methods from firstCall on: its
          // constructor runs again (numbered as before) if it was made
          // by an earlier process.
          let inst;
          if (n < firstCall) {
            watch(callBudget + GRACE_MS, `constructing ${t.label} again for its calls from ${firstCall} on`);
            inst = new t.fn(...args);
          } else {
            inst = call(n, t.label, t.fn, undefined, args, true);
            watchBusy(callBudget + GRACE_MS, `after call ${n}`);
          }
          for (let i = 0; i < methods.length; i++) {
            const k = first + i;
            try { await settle(k, call(k, `${t.label}#${methods[i].m}`, methods[i].fn, inst, args)); } catch (_) { threw++; }
          }
        } else {
          await settle(n, call(n, t.label, t.fn, t.self, args));
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
  const t = (() => { try { return process[Symbol.for('depbox.timers')] || { budget: 0 }; } catch (_) { return { budget: 0 }; } })();
  watchBusy(linger + 2 * t.budget + 250 + loadBudget, `the linger after the calls`);
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
    watch(loadBudget, `loading ${name}`);
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
