// depbox invoke harness: emulates the AWS Lambda Node.js runtime inside the
// sandbox (see docs/hook.md).
//
//   node --require /depbox/hook.js /depbox/invoke.js depbox:run invoke - <config path>
//
// It loads the function's handler once, the way the Lambda runtime resolves
// it, invokes it with each synthetic event in turn (warm reuse), and marks
// every step with a hook record of Kind "invoke": init, ready (or
// init-error), then per event start, throw or timeout when it happens, end;
// finally linger and exit. A throwing or hanging handler never stops the
// run. The harness adds no environment variables: the runner sets Lambda's.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

// The hook (normally preloaded through NODE_OPTIONS) hands its record
// channel to the harness once, before any code under test runs.
const hook = (() => {
  try { return require('./hook.js').claim(); } catch { return undefined; }
})();
const record = (op, detail, kind = 'invoke') => { if (hook) hook.record(kind, op, detail); };

// The harness's own timers: the originals, which the hook neither brings
// forward nor attributes.
const { setTimeout, clearTimeout } = (hook && hook.timers) || globalThis;
const { JSON, Date } = globalThis;
const exit = process.exit.bind(process);

// The runner's watchdog (plan.Step.Watchdog) reads deadlines from fd 3: it
// kills the process when code under test never yields (a synchronous loop
// blocks this harness's own timers). GRACE covers the harness's own work.
const writeSync = fs.writeSync;
const GRACE_MS = 1500;
function watch(ms, what) {
  try { writeSync(3, JSON.stringify({ deadline_ms: ms > 0 ? ms + GRACE_MS : 0, what }) + '\n'); } catch { /* no watchdog */ }
}

// The watchdog thread (below) and the harness share state through these,
// captured before any code under test runs.
const { Worker } = require('worker_threads');
const SharedArrayBufferCtor = SharedArrayBuffer;
const { store: AtomicsStore, load: AtomicsLoad, wait: AtomicsWait, notify: AtomicsNotify, compareExchange: AtomicsCompareExchange } = Atomics;
const DateNow = Date.now;

const configPath = process.argv.length > 5 ? process.argv[process.argv.length - 1] : path.join(__dirname, 'invoke-config.json');

function fail(msg) {
  process.stderr.write('depbox invoke: ' + msg + '\n');
  exit(2);
}

function readJSON(file, what) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`reading the ${what} ${file}: ${e.message}`);
  }
}

const cfg = readJSON(configPath, 'invoke configuration');
const taskRoot = cfg.task_root || '/var/task';
const timeoutMs = cfg.timeout_ms > 0 ? cfg.timeout_ms : 3000;
const lingerMs = cfg.linger_ms >= 0 ? cfg.linger_ms : 500;
const SETTLE_MS = 2000; // I/O in flight after the linger: see main's linger
const initTimeoutMs = cfg.init_timeout_ms > 0 ? cfg.init_timeout_ms : 10000;
const functionName = cfg.function_name || 'depbox-function';
const functionVersion = cfg.function_version || '$LATEST';
const memoryMB = cfg.memory_mb > 0 ? cfg.memory_mb : 128;
const region = cfg.region || 'us-east-1';
const accountId = cfg.account_id || '123456789012';
const seed = String(cfg.seed || 'depbox');
if (typeof cfg.handler !== 'string' || cfg.handler === '') fail('the configuration names no handler');
const events = readJSON(cfg.events || path.join(__dirname, 'events.json'), 'events file');
if (!Array.isArray(events)) fail('the events file must hold a JSON array of {name, payload}');

// eventName names event i in records and watchdog lines.
const eventName = (i) => String((events[i] && events[i].name) || `event-${i}`);

// ---------------------------------------------------------------------------
// The watchdog thread (watchdog.js) writes the runner's deadline lines for
// the invocations: per invocation the main thread only stores which one is
// in flight and when it started, and makes no system call. The thread
// starts before any code under test runs (nothing of it is reachable from
// there but the Worker object, which is unref'd: it keeps nothing alive).
// While it has not looked for WATCHDOG_STALE_MS (not started yet, starved,
// or gone), the main thread writes the invocation's line itself, as it
// did for every invocation before.
const WATCHDOG_POLL_MS = 100;
const WATCHDOG_STALE_MS = 4 * WATCHDOG_POLL_MS;
let wd = null; // { state: Int32Array (see watchdog.js), base }
function startWatchdog() {
  try {
    const shared = new SharedArrayBufferCtor(5 * 4);
    const base = DateNow();
    const names = [];
    for (let i = 0; i < events.length; i++) names.push(eventName(i));
    const thread = new Worker(path.join(__dirname, 'watchdog.js'), {
      workerData: { shared, names, base, timeoutMs, graceMs: GRACE_MS, pollMs: WATCHDOG_POLL_MS },
    });
    thread.unref();
    thread.on('error', () => { /* the main thread writes the lines */ });
    wd = { state: new Int32Array(shared), base };
  } catch {
    wd = null;
  }
}
// watchInvocation bounds invocation i (event name): through the watchdog
// thread, or with a line of its own.
function watchInvocation(i, name) {
  if (wd !== null) {
    const now = DateNow() - wd.base;
    AtomicsStore(wd.state, 1, now);
    AtomicsStore(wd.state, 0, i + 1);
    const looked = AtomicsLoad(wd.state, 4);
    if (looked > 0 && now - (looked - 1) < WATCHDOG_STALE_MS) return;
  }
  watch(timeoutMs, `invocation ${i + 1} of ${events.length} (${name}) did not give control back within its ${timeoutMs} ms timeout`);
}
// stopWatchdog stops the thread's lines: none follows once it returns.
function stopWatchdog() {
  if (wd === null) return;
  const s = wd.state;
  wd = null;
  for (let n = 0; AtomicsCompareExchange(s, 3, 0, 1) !== 0 && n < 1000; n++) AtomicsWait(s, 3, 1, 1);
  AtomicsStore(s, 0, -1);
  AtomicsStore(s, 3, 0);
  AtomicsNotify(s, 2);
}

// ---------------------------------------------------------------------------
// Handler resolution, as the Lambda Node.js runtime interface client does
// it: "dir/file.export.nested" → module "dir/file", property path
// "export.nested"; the module is an extensionless file, then .js (required,
// or imported when the nearest package.json says "type": "module"), .mjs
// (imported), .cjs (required), then a module resolved by name.

class HandlerError extends Error {
  constructor(name, message) { super(message); this.name = name; }
}

function splitHandler(full) {
  if (full.includes('..')) throw new HandlerError('Runtime.MalformedHandlerName', "'..' is not allowed in handler name");
  const base = path.basename(full);
  const moduleRoot = full.slice(0, full.length - base.length);
  const m = /^([^.]*)\.(.*)$/.exec(base);
  if (!m) throw new HandlerError('Runtime.MalformedHandlerName', 'Bad handler');
  return { moduleRoot, module: m[1], property: m[2] };
}

function packageTypeIsModule(dir) {
  for (;;) {
    if (dir.endsWith('/node_modules')) return false;
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        const p = JSON.parse(fs.readFileSync(pj, 'utf8'));
        return !!p && p.type === 'module';
      } catch {
        return false;
      }
    }
    const up = path.resolve(dir, '..');
    if (up === dir) return false;
    dir = up;
  }
}

async function loadModule(moduleRoot, module) {
  const base = path.resolve(taskRoot, moduleRoot, module);
  const tryRequire = (file) => (fs.existsSync(file) ? { mod: require(file), file, format: 'commonjs' } : undefined);
  const tryImport = async (file) => (fs.existsSync(file) ? { mod: await import(file), file, format: 'module' } : undefined);
  const extensionless = tryRequire(base);
  if (extensionless) return extensionless;
  const esmJs = fs.existsSync(base + '.js') && packageTypeIsModule(path.dirname(base + '.js'));
  if (!esmJs) {
    const cjs = tryRequire(base + '.js');
    if (cjs) return cjs;
  }
  const loaded = (esmJs && (await tryImport(base + '.js'))) || (await tryImport(base + '.mjs')) || tryRequire(base + '.cjs');
  if (loaded) return loaded;
  const byName = require.resolve(module, { paths: [taskRoot, moduleRoot] });
  return { mod: require(byName), file: byName, format: 'commonjs' };
}

async function loadHandler(full) {
  const { moduleRoot, module, property } = splitHandler(full);
  let loaded;
  try {
    loaded = await loadModule(moduleRoot, module);
  } catch (e) {
    if (e instanceof SyntaxError) throw new HandlerError('Runtime.UserCodeSyntaxError', String(e));
    if (e && (e.code === 'MODULE_NOT_FOUND' || e.code === 'ERR_MODULE_NOT_FOUND')) {
      throw new HandlerError('Runtime.ImportModuleError', `Error: Cannot find module '${module}'`);
    }
    throw e;
  }
  const fn = property.split('.').reduce((o, k) => (o == null ? undefined : o[k]), loaded.mod);
  if (fn === undefined) throw new HandlerError('Runtime.HandlerNotFound', `${full} is undefined or not exported`);
  if (typeof fn !== 'function') throw new HandlerError('Runtime.HandlerNotFound', `${full} is not a function`);
  return { fn, file: loaded.file, format: loaded.format };
}

// ---------------------------------------------------------------------------
// The Lambda context.

const hex = (s, n) => crypto.createHash('sha256').update(s).digest('hex').slice(0, n);

// requestId is a version-4-shaped UUID derived from the seed: the same seed
// gives the same ids.
function requestId(n) {
  const h = hex(seed + '/request/' + n, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) & 3];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function logStreamName() {
  const d = new Date();
  const p = (x) => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/[${functionVersion}]${hex(seed + '/stream', 32)}`;
}
const logStream = logStreamName();

function makeContext(n, deadline, done) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion,
    invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
    memoryLimitInMB: String(memoryMB),
    awsRequestId: requestId(n),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: logStream,
    identity: undefined,
    clientContext: undefined,
    getRemainingTimeInMillis() { return Math.max(0, deadline - Date.now()); },
    // The legacy completion functions.
    done(err, result) { done(err, result); },
    succeed(result) { done(null, result); },
    fail(err) { done(err == null ? new Error('failed') : err); },
  };
}

// ---------------------------------------------------------------------------
// Invocations.

let current = null; // the invocation in flight: { n, name, finish }

function describeError(e) {
  let name = 'Error', message = '';
  try {
    if (e && typeof e === 'object') { name = String(e.name || 'Error'); message = String(e.message || ''); }
    else message = String(e);
  } catch { message = 'unprintable error'; }
  return { error_type: name.slice(0, 80), error: message.slice(0, 300) };
}

// invoke runs one event and calls done with how it ended: ok, error
// (callback/context.fail with an error), throw (a throw or a rejected
// promise) or timeout. When the event loop empties before the handler
// answers, the invocation ends like Lambda's: with a null result. One
// timer, re-armed for each invocation, bounds them all.
let timer = null;
let armedFor = -1; // the invocation the timer was last armed for
function onTimeout() {
  if (current !== null && current.n === armedFor) current.finish({ status: 'timeout' });
}
function invoke(handler, event, n, done) {
  const deadline = Date.now() + timeoutMs;
  const finish = (outcome) => {
    if (current === null || current.n !== n) return; // already ended
    current = null;
    done(outcome);
  };
  current = { n, name: event.name, finish };
  armedFor = n;
  if (timer === null) {
    timer = setTimeout(onTimeout, timeoutMs);
    timer.unref(); // an empty event loop must still end the invocation
  } else {
    timer.refresh();
  }
  const callback = (err, result) => finish(err != null ? { status: 'error', err } : { status: 'ok', result });
  let payload;
  try {
    payload = JSON.parse(JSON.stringify(event.payload === undefined ? {} : event.payload));
  } catch {
    payload = {};
  }
  let ret;
  try {
    ret = handler(payload, makeContext(n, deadline, callback), callback);
  } catch (e) {
    finish({ status: 'throw', err: e });
    return;
  }
  if (ret !== null && (typeof ret === 'object' || typeof ret === 'function') && typeof ret.then === 'function') {
    try {
      const ok = (result) => finish({ status: 'ok', result }), fail = (e) => finish({ status: 'throw', err: e });
      if (hook) hook.then(ret, ok, fail);
      else ret.then(ok, fail);
    } catch (e) {
      finish({ status: 'throw', err: e });
    }
  }
}

function resultSize(result) {
  try {
    const s = JSON.stringify(result);
    return s === undefined ? 0 : Buffer.byteLength(s);
  } catch {
    return -1;
  }
}

// An exception nobody caught ends the invocation in flight as a throw; out
// of an invocation it is recorded against the last one. Lambda would
// restart the runtime; the harness keeps going.
let lastN = -1, lastName = '';
function uncaught(e, kind) {
  const d = Object.assign({ uncaught: kind }, describeError(e));
  if (current !== null) {
    current.finish({ status: 'throw', err: e, uncaught: kind });
  } else {
    record('throw', Object.assign({ n: lastN, event: lastName, after_end: true }, d));
  }
}
process.on('uncaughtException', (e) => uncaught(e, 'exception'));
process.on('unhandledRejection', (e) => uncaught(e, 'rejection'));
process.on('beforeExit', () => {
  if (current !== null) current.finish({ status: 'ok', empty_loop: true });
});
let exited = false;
process.on('exit', (code) => {
  if (exited) return;
  exited = true;
  record('exit', { code, during: current !== null ? current.n : undefined });
});

// VERIFY_EVERY: the hooked functions are checked for redefinition before
// every so many invocations (and after the last), not before each one.
const VERIFY_EVERY = 64;

// invokeAll invokes the handler with every event in turn, then calls
// done. Handlers that answer synchronously are looped over, not recursed
// into.
function invokeAll(fn, done) {
  let n = 0, inside = false, more = false;
  const next = () => {
    if (inside) { more = true; return; }
    inside = true;
    do {
      more = false;
      if (n >= events.length) { inside = false; done(); return; }
      const i = n++;
      const ev = events[i] || {};
      const name = eventName(i);
      lastN = i;
      lastName = name;
      if (hook && i % VERIFY_EVERY === 0) hook.verify();
      record('start', { n: i, event: name, request_id: requestId(i) });
      watchInvocation(i, name);
      invoke(fn, { name, payload: ev.payload }, i, (o) => { ended(i, name, o); next(); });
    } while (more);
    inside = false;
  };
  next();
}

// ended records how invocation n ended.
function ended(n, name, o) {
  const end = { n, event: name, status: o.status };
  if (o.status === 'timeout') {
    record('timeout', { n, event: name, timeout_ms: timeoutMs });
  } else if (o.status === 'throw') {
    record('throw', Object.assign({ n, event: name }, o.uncaught ? { uncaught: o.uncaught } : {}, describeError(o.err)));
  } else if (o.status === 'error') {
    Object.assign(end, describeError(o.err));
  } else {
    end.result_bytes = resultSize(o.result);
    if (o.empty_loop) end.empty_loop = true;
  }
  record('end', end);
}

async function main() {
  record('init', { handler: cfg.handler, events: events.length });
  startWatchdog();
  let handler;
  watch(initTimeoutMs, `loading the handler ${cfg.handler} (init) took longer than ${initTimeoutMs} ms`);
  try {
    handler = await loadHandler(cfg.handler);
    record('ready', { handler: cfg.handler, file: handler.file, format: handler.format });
  } catch (e) {
    record('init-error', Object.assign({ handler: cfg.handler }, describeError(e)));
  }
  if (handler) await new Promise((resolve) => invokeAll(handler.fn, resolve));
  stopWatchdog();
  // Linger: pending (brought-forward) timers fire; the process ends when
  // nothing is left to run, or after lingerMs.
  if (hook) hook.verify();
  record('linger', { ms: lingerMs });
  // Brought-forward timers still pending after lingerMs get up to twice
  // their budget more; one still pending at exit makes the profile
  // incomplete.
  // I/O still in flight (a request awaiting its answer, a child or worker
  // still running) gets up to SETTLE_MS past lingerMs, so that what it does
  // is seen whatever the machine's load.
  const budget = hook ? hook.timerBudgetMs : 0;
  const most = lingerMs + 2 * budget + 250;
  watch(Math.max(most, lingerMs + SETTLE_MS), `the linger after the last invocation did not end within ${Math.max(most, lingerMs + SETTLE_MS)} ms`);
  const t0 = Date.now();
  const inflight = () => { try { return (process[Symbol.for('depbox.timers')] || {}).inflight || 0; } catch { return 0; } };
  const tick = () => {
    const waited = Date.now() - t0;
    if (waited >= lingerMs && (!hook || hook.pendingTimers() === 0 || waited >= most) && !(inflight() > 0 && waited < lingerMs + SETTLE_MS)) exit(0);
    setTimeout(tick, 25).unref();
  };
  setTimeout(tick, Math.min(lingerMs, 25)).unref();
}

main().catch((e) => {
  record('init-error', describeError(e));
  exit(3);
});
