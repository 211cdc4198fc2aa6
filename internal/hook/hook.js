// depbox attribution preload for Node.js >= 18 (see docs/hook.md).
//
// Loaded first in every node process and worker thread of the sandbox:
//   NODE_OPTIONS="--require /depbox/hook.js <the function's own options>"
//
// It wraps the APIs through which JavaScript reaches the outside world and,
// for every call, names the npm package responsible: the innermost
// node_modules package on the V8 stack, or — when the stack holds no package
// frame — the package that scheduled the asynchronous callback now running.
// Each record leaves the process as an open() of a path under /__depbox__/
// that cannot exist: the open fails with ENOENT, has no side effect, and
// arrives in order in the gVisor syscall stream depbox already receives.
//
// The hook is a refinement, not the ground truth: code can bypass it
// (process.binding, native addons, `env -i` children) and these bypasses are
// recorded where they are visible. Nothing here may break the code under
// test: every hook path is guarded, and errors become "error" records.
'use strict';

// ---------------------------------------------------------------------------
// Idempotence: a second load in the same thread (NODE_OPTIONS and --require
// both naming the hook, or a require of this file) does nothing. Node's own
// process.env is a data property; the hook's is an accessor.
{
  const d = Object.getOwnPropertyDescriptor(process, 'env');
  if (d && typeof d.get === 'function') return;
}

const HOOK_FILE = __filename;
const HOOK_DIR = __filename.slice(0, __filename.lastIndexOf('/') + 1); // "/depbox/"
const MARKER_DIR = '/__depbox__/';
const MARKER_COMPONENT = 200; // characters per path component (NAME_MAX is 255)
const MAX_JSON = 2520; // bytes of JSON per record: with the proof, base64url + slashes stay < 3500
const UNKNOWN = '(unknown)';

// ---------------------------------------------------------------------------
// Primordials: the built-ins the hook relies on, captured before any other
// code runs, so that code under test cannot blind the hook by patching
// Array.prototype.push or JSON.stringify.
const ReflectApply = Reflect.apply;
const uncurry = (fn) => (self, ...args) => ReflectApply(fn, self, args);
const {
  construct: ReflectConstruct, get: ReflectGet, has: ReflectHas, set: ReflectSet,
  ownKeys: ReflectOwnKeys, defineProperty: ReflectDefineProperty,
  deleteProperty: ReflectDeleteProperty, getOwnPropertyDescriptor: ReflectGetOwnPropertyDescriptor,
  getPrototypeOf: ReflectGetPrototypeOf,
} = Reflect;
const { defineProperty: ObjectDefineProperty, getOwnPropertyDescriptor: ObjectGetOwnPropertyDescriptor,
  keys: ObjectKeys, assign: ObjectAssign, freeze: ObjectFreeze } = Object;
const ArrayIsArray = Array.isArray;
const ArrayPush = uncurry(Array.prototype.push);
const ArrayJoin = uncurry(Array.prototype.join);
const ArrayMap = uncurry(Array.prototype.map);
const ArrayIncludes = uncurry(Array.prototype.includes);
const ArraySplice = uncurry(Array.prototype.splice);
const ArrayFind = uncurry(Array.prototype.find);
const StringSlice = uncurry(String.prototype.slice);
const StringStartsWith = uncurry(String.prototype.startsWith);
const StringEndsWith = uncurry(String.prototype.endsWith);
const StringIndexOf = uncurry(String.prototype.indexOf);
const StringLastIndexOf = uncurry(String.prototype.lastIndexOf);
const StringToUpperCase = uncurry(String.prototype.toUpperCase);
const StringReplace = uncurry(String.prototype.replace);
const StringTrim = uncurry(String.prototype.trim);
const StringCharCodeAt = uncurry(String.prototype.charCodeAt);
const RegExpExec = uncurry(RegExp.prototype.exec);
const JSONStringify = JSON.stringify;
const JSONParse = JSON.parse;
const MathFloor = Math.floor;
const MathMin = Math.min;
const NumberIsFinite = Number.isFinite;
const SafeMap = Map, SafeSet = Set, SafeWeakMap = WeakMap, SafeWeakSet = WeakSet;
const MapGet = uncurry(Map.prototype.get), MapSet = uncurry(Map.prototype.set);
const MapHas = uncurry(Map.prototype.has), MapClear = uncurry(Map.prototype.clear), MapDelete = uncurry(Map.prototype.delete);
const MapSize = uncurry(ObjectGetOwnPropertyDescriptor(Map.prototype, 'size').get);
const SetHas = uncurry(Set.prototype.has), SetAdd = uncurry(Set.prototype.add), SetClear = uncurry(Set.prototype.clear);
const SetSize = uncurry(ObjectGetOwnPropertyDescriptor(Set.prototype, 'size').get);
const WeakMapGet = uncurry(WeakMap.prototype.get), WeakMapSet = uncurry(WeakMap.prototype.set);
const WeakMapHas = uncurry(WeakMap.prototype.has);
const WeakSetHas = uncurry(WeakSet.prototype.has), WeakSetAdd = uncurry(WeakSet.prototype.add);
const BufferFrom = Buffer.from.bind(Buffer);
const BufferByteLength = Buffer.byteLength.bind(Buffer);
const BufferConcat = Buffer.concat.bind(Buffer);
const BufferIsBuffer = Buffer.isBuffer.bind(Buffer);
const BufferToString = uncurry(Buffer.prototype.toString);
const ArrayBufferIsView = ArrayBuffer.isView;
const TypedArraySubarray = uncurry(Uint8Array.prototype.subarray);
const FunctionToString = Function.prototype.toString;
const OriginalError = Error;
const ErrorCaptureStackTrace = Error.captureStackTrace;
const SharedArrayBufferCtor = SharedArrayBuffer;
const AtomicsAdd = Atomics.add, AtomicsLoad = Atomics.load;
const Int32ArrayCtor = Int32Array, Uint8ArrayCtor = Uint8Array, BigInt64ArrayCtor = BigInt64Array;
const ProxyCtor = Proxy;
const OriginalSetTimeout = setTimeout, OriginalClearTimeout = clearTimeout;
const PromisePrototypeThen = uncurry(Promise.prototype.then);
const PromiseCtor = Promise, PromisePrototype = Promise.prototype, PromiseThen = Promise.prototype.then;
const SymbolSpecies = Symbol.species;
const PromiseSpecies = ObjectGetOwnPropertyDescriptor(Promise, SymbolSpecies).get;
const SymbolFor = Symbol.for;
const SymbolToPrimitive = Symbol.toPrimitive;

const fs = require('fs');
const pathModule = require('path');
const url = require('url');
const Module = require('module');
const asyncHooks = require('async_hooks');
const workerThreads = require('worker_threads');
const util = require('util');

const fsReadFileSync = fs.readFileSync;
const pathResolve = pathModule.resolve;
const fileURLToPath = url.fileURLToPath;
const URLCtor = URL;
const executionAsyncResource = asyncHooks.executionAsyncResource;
const threadId = workerThreads.threadId | 0;

// ---------------------------------------------------------------------------
// Configuration: /depbox/hook-config.json, read with the original fs before
// any other code runs. Settings never travel through environment variables,
// which the code under test could read or change.
const config = readConfig();

function readConfig() {
  const c = { timerBudgetMs: 0, taskRoot: '/var/task', stackLimit: 100, dataBytes: 4096, evalInspector: true, lazyInspector: false, asyncOrigin: true, regionFiles: [] };
  let j;
  try { j = JSONParse(fsReadFileSync(HOOK_DIR + 'hook-config.json', 'utf8')); } catch { return c; }
  if (!j || typeof j !== 'object') return c;
  const int = (v, lo, hi) => (typeof v === 'number' && NumberIsFinite(v) && v >= lo && v <= hi ? MathFloor(v) : undefined);
  c.timerBudgetMs = int(j.timer_budget_ms, 0, 2 ** 31 - 1) ?? c.timerBudgetMs;
  if (typeof j.task_root === 'string' && StringStartsWith(j.task_root, '/')) c.taskRoot = StringReplace(j.task_root, /\/+$/, '') || '/';
  c.stackLimit = int(j.stack_limit, 10, 1000) ?? c.stackLimit;
  c.dataBytes = int(j.data_bytes, 0, 65536) ?? c.dataBytes;
  if (j.no_eval_inspector === true) c.evalInspector = false;
  c.dateOffsetMs = int(j.date_offset_ms, 0, 2 ** 50) ?? 0;
  if (j.no_async_origin === true) c.asyncOrigin = false;
  if (ArrayIsArray(j.region_files)) for (const f of j.region_files) if (typeof f === 'string') ArrayPush(c.regionFiles, f);
  // The inspector costs every process tens of milliseconds and more with
  // every script it parses: it can be left out of the phases that start one
  // process per package (the depbox:run marker in argv names the phase).
  if (ArrayIsArray(j.no_eval_inspector_phases)) {
    const argv = process.argv;
    for (let i = 1; i + 1 < argv.length; i++) {
      if (argv[i] === 'depbox:run' && ArrayIncludes(j.no_eval_inspector_phases, argv[i + 1])) {
        // There it starts at the first network use instead: code fetched
        // from the network is evaluated after it was fetched.
        c.evalInspector = false;
        c.lazyInspector = true;
      }
    }
  }
  return c;
}

// Bundled functions: positions in these files name the bundled package
// whose code is there (regions.js; the table is read on first use).
const regionFiles = new SafeSet(config.regionFiles);
const regions = SetSize(regionFiles) === 0 ? null : (() => {
  try {
    return require(HOOK_DIR + 'regions.js')(() => JSONParse(fsReadFileSync(HOOK_DIR + 'regions.json', 'utf8')));
  } catch { return null; } // reported at first use, below
})();

// The hook's own part of NODE_OPTIONS, which children must carry first.
const HOOK_OPTION = '--require ' + HOOK_FILE;
const HOOK_OPTION_RE = new RegExp('(^|\\s)(?:--require[=\\s]|-r\\s)\\s*' + StringReplace(HOOK_FILE, /[.*+?^${}()|[\]\\/]/g, '\\$&') + '(?=\\s|$)', 'g');
// nodeOptionsWithHook returns NODE_OPTIONS with the hook first, once.
function nodeOptionsWithHook(v) {
  const rest = v == null ? '' : StringTrim(StringReplace(String(v), HOOK_OPTION_RE, ' '));
  return rest ? HOOK_OPTION + ' ' + rest : HOOK_OPTION;
}
// nodeOptionsVisible returns NODE_OPTIONS as the function configured it:
// without the hook's part (undefined when nothing else is left).
function nodeOptionsVisible(v) {
  if (v === undefined) return undefined;
  const rest = StringTrim(StringReplace(String(v), HOOK_OPTION_RE, ' '));
  return rest === '' && v !== '' ? undefined : rest;
}

// ---------------------------------------------------------------------------
// Record emission.
//
// busy is set while the hook does its own work, so that nothing the hook
// does is recorded and no wrapper re-enters the recorder.
let busy = true; // set up first; cleared at the end of this file

// Sequence numbers are per process: worker threads share the counter
// through a SharedArrayBuffer, and the proof key (below) with it. Both reach
// a worker only through the Worker wrapper, as environment data present for
// the moment of the worker's construction and hidden from everyone else.
const HIDDEN_DATA = 'depbox:hook';
const getEnvironmentData = workerThreads.getEnvironmentData;
const setEnvironmentData = workerThreads.setEnvironmentData;
const inherited = (() => {
  if (threadId === 0) return undefined;
  try {
    const v = getEnvironmentData(HIDDEN_DATA);
    setEnvironmentData(HIDDEN_DATA, undefined); // not for this worker's own workers
    return v !== null && typeof v === 'object' && v.seq instanceof SharedArrayBufferCtor ? v : undefined;
  } catch { return undefined; }
})();
const seqBuffer = inherited !== undefined ? inherited.seq : new SharedArrayBufferCtor(8);
const seqCells = new BigInt64ArrayCtor(seqBuffer);
const nextSeq = () => Number(AtomicsAdd(seqCells, 0, 1n)) + 1;

// ---------------------------------------------------------------------------
// Proof. Every record ends in "m": the first 16 bytes, in hex, of
// HMAC-SHA256(key, the record's JSON before "m"). The key is drawn when the
// hook starts, before any other code of the process ran; the main thread
// announces it in its first record (kind "key"), opened with flags nothing
// else uses, and the profiler checks every later record of the process
// against it. It lives only as the HMAC's inner and outer SHA-256 states,
// in an Int32Array inside this closure: never a string, an environment
// variable, a file or an object other code can reach. Records travel
// through node's fs binding captured here, and are encoded by this file's
// own code, so no wrapper, prototype or module other code can replace ever
// sees or alters them. docs/hook.md says what this defends against and what
// still gets through.
const SHA_K = new Int32ArrayCtor([
  0x428a2f98, 0x71374491, -0x4a3f0431, -0x164a245b, 0x3956c25b, 0x59f111f1, -0x6dc07d5c, -0x54e3a12b,
  -0x27f85568, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, -0x7f214e02, -0x6423f959, -0x3e640e8c,
  -0x1b64963f, -0x1041b87a, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  -0x67c1aeae, -0x57ce3993, -0x4ffcd838, -0x40a68039, -0x391ff40d, -0x2a586eb9, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, -0x7e3d36d2, -0x6d8dd37b,
  -0x5d40175f, -0x57e599b5, -0x3db47490, -0x3893ae5d, -0x2e6d17e7, -0x2966f9dc, -0xbf1ca7b, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, -0x7b3787ec, -0x7338fdf8, -0x6f410006, -0x5baf9315, -0x41065c09, -0x398e870e,
]);
const SHA_IV = [0x6a09e667, -0x4498517b, 0x3c6ef372, -0x5ab00ac6, 0x510e527f, -0x64fa9774, 0x1f83d9ab, 0x5be0cd19];
const shaW = new Int32ArrayCtor(64);

// shaBlock folds the 64 bytes of b at off into the eight state words of st
// at so.
function shaBlock(st, so, b, off) {
  const w = shaW;
  for (let i = 0; i < 16; i++) {
    const j = off + 4 * i;
    w[i] = (b[j] << 24) | (b[j + 1] << 16) | (b[j + 2] << 8) | b[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15], y = w[i - 2];
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = st[so], bb = st[so + 1], c = st[so + 2], d = st[so + 3], e = st[so + 4], f = st[so + 5], g = st[so + 6], h = st[so + 7];
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + SHA_K[i] + w[i]) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = bb; bb = a; a = (t1 + t2) | 0;
  }
  st[so] = (st[so] + a) | 0; st[so + 1] = (st[so + 1] + bb) | 0; st[so + 2] = (st[so + 2] + c) | 0; st[so + 3] = (st[so + 3] + d) | 0;
  st[so + 4] = (st[so + 4] + e) | 0; st[so + 5] = (st[so + 5] + f) | 0; st[so + 6] = (st[so + 6] + g) | 0; st[so + 7] = (st[so + 7] + h) | 0;
}

// shaTail hashes the n bytes of b that follow `before` bytes already folded
// into st (at so), pads, and leaves the digest's words in st.
const shaPad = new Uint8ArrayCtor(128);
function shaTail(st, so, b, n, before) {
  let i = 0;
  for (; i + 64 <= n; i += 64) shaBlock(st, so, b, i);
  const rest = n - i;
  for (let j = 0; j < 128; j++) shaPad[j] = 0;
  for (let j = 0; j < rest; j++) shaPad[j] = b[i + j];
  shaPad[rest] = 0x80;
  const blocks = rest + 9 > 64 ? 2 : 1;
  const bits = (before + n) * 8;
  const end = blocks * 64;
  shaPad[end - 1] = bits & 0xff; shaPad[end - 2] = (bits >>> 8) & 0xff; shaPad[end - 3] = (bits >>> 16) & 0xff;
  shaPad[end - 4] = (bits >>> 24) & 0xff; shaPad[end - 5] = MathFloor(bits / 4294967296) & 0xff;
  shaBlock(st, so, shaPad, 0);
  if (blocks === 2) shaBlock(st, so, shaPad, 64);
}

const HEX = '0123456789abcdef';
function hexOf(b, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[b[i] >>> 4] + HEX[b[i] & 15];
  return s;
}

// The key: words 0–7 the inner state after the padded key, 8–15 the
// outer. A worker gets its process's (see inherited); the main thread
// draws one and keeps its raw bytes only long enough to announce them.
const keyState = new Int32ArrayCtor(16);
let keyAnnounce = null; // the main thread's key, hex, until announced
let keyed = false;
try {
  if (inherited !== undefined) {
    const k = inherited.key;
    for (let i = 0; i < 16; i++) keyState[i] = k[i];
    keyed = true;
  } else if (threadId === 0) {
    const raw = new Uint8ArrayCtor(32);
    require('crypto').randomFillSync(raw);
    const pad = new Uint8ArrayCtor(64);
    for (let half = 0; half < 2; half++) {
      for (let i = 0; i < 64; i++) pad[i] = (i < 32 ? raw[i] : 0) ^ (half === 0 ? 0x36 : 0x5c);
      for (let i = 0; i < 8; i++) keyState[half * 8 + i] = SHA_IV[i];
      shaBlock(keyState, half * 8, pad, 0);
    }
    keyAnnounce = hexOf(raw, 32);
    for (let i = 0; i < 64; i++) pad[i] = 0;
    for (let i = 0; i < 32; i++) raw[i] = 0;
    keyed = true;
  }
} catch { keyed = false; }

// proofOf returns the hex proof of the n bytes of b.
const macState = new Int32ArrayCtor(8);
const macInner = new Uint8ArrayCtor(32);
function proofOf(b, n) {
  for (let i = 0; i < 8; i++) macState[i] = keyState[i];
  shaTail(macState, 0, b, n, 64);
  for (let i = 0; i < 8; i++) {
    const w = macState[i];
    macInner[4 * i] = w >>> 24; macInner[4 * i + 1] = (w >>> 16) & 0xff; macInner[4 * i + 2] = (w >>> 8) & 0xff; macInner[4 * i + 3] = w & 0xff;
  }
  for (let i = 0; i < 8; i++) macState[i] = keyState[8 + i];
  shaTail(macState, 0, macInner, 32, 64);
  let s = '';
  for (let i = 0; i < 4; i++) {
    const w = macState[i];
    s += HEX[w >>> 28] + HEX[(w >>> 24) & 15] + HEX[(w >>> 20) & 15] + HEX[(w >>> 16) & 15] +
      HEX[(w >>> 12) & 15] + HEX[(w >>> 8) & 15] + HEX[(w >>> 4) & 15] + HEX[w & 15];
  }
  for (let i = 0; i < 8; i++) macState[i] = 0;
  return s;
}

// utf8 encodes a string with node's encoder, captured before other code ran.
const textEncoder = new TextEncoder();
const utf8 = uncurry(TextEncoder.prototype.encode);
const typedLength = uncurry(ObjectGetOwnPropertyDescriptor(ReflectGetPrototypeOf(Uint8ArrayCtor.prototype), 'length').get);

// markerPath encodes JSON bytes as a marker path: base64url, cut into
// components of MARKER_COMPONENT characters.
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
function markerPath(b, n) {
  let s = MARKER_DIR;
  let col = 0;
  const put = (c) => {
    if (col === MARKER_COMPONENT) { s += '/'; col = 0; }
    s += c; col++;
  };
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    put(B64URL[v >>> 18]); put(B64URL[(v >>> 12) & 63]); put(B64URL[(v >>> 6) & 63]); put(B64URL[v & 63]);
  }
  if (n - i === 1) {
    const v = b[i] << 16;
    put(B64URL[v >>> 18]); put(B64URL[(v >>> 12) & 63]);
  } else if (n - i === 2) {
    const v = (b[i] << 16) | (b[i + 1] << 8);
    put(B64URL[v >>> 18]); put(B64URL[(v >>> 12) & 63]); put(B64URL[(v >>> 6) & 63]);
  }
  return s;
}

// markerHash names a marker path someone else opened, for the profiler to
// pair the forged record with the tamper record that caught it: the first 8
// bytes of the SHA-256 of the path, in hex.
function markerHash(p) {
  const b = utf8(textEncoder, p);
  const st = new Int32ArrayCtor(8);
  for (let i = 0; i < 8; i++) st[i] = SHA_IV[i];
  shaTail(st, 0, b, typedLength(b), 0);
  const out = new Uint8ArrayCtor(8);
  for (let i = 0; i < 2; i++) {
    out[4 * i] = st[i] >>> 24; out[4 * i + 1] = (st[i] >>> 16) & 0xff; out[4 * i + 2] = (st[i] >>> 8) & 0xff; out[4 * i + 3] = st[i] & 0xff;
  }
  return hexOf(out, 8);
}

// The marker channel: the fs binding's open, captured before other code
// ran (fs.openSync goes through path.toNamespacedPath and the binding's
// open property, both of which other code can replace). The open fails
// with ENOENT; that failure is the message.
const fsBinding = process.binding('fs');
const bindingOpen = fsBinding.open;
const O_ANNOUNCE = fs.constants.O_RDONLY | fs.constants.O_NOCTTY | fs.constants.O_NOFOLLOW | fs.constants.O_DIRECTORY;
function openMarker(p, flags) {
  try { bindingOpen(p, flags, 0o666); } catch (e) {
    // ENOENT: delivered. A RangeError is V8's stack check refusing the call
    // before it was made (code recursing to the limit): not delivered.
    if (e instanceof RangeErrorCtor) throw e;
  }
}

// send opens the marker path of one record, sealed with its proof.
const PROOF_SUFFIX = 40; // ,"m":"<32 hex>"}
const NO_PROOF = '00000000000000000000000000000000'; // a worker that was given no key
// unsent are records whose sending the stack limit stopped (code under
// test recursing until V8 refuses calls: a patched require calling itself);
// their sequence numbers are taken, so they are sent again, first, with the
// next record, else the profiler would see a gap in the sequence.
const RangeErrorCtor = RangeError;
let unsent = null;
function send(rec) {
  if (unsent !== null) {
    const u = unsent;
    unsent = null;
    for (let i = 0; i < u.length; i++) sendOne(u[i]);
  }
  sendOne(rec);
}
function sendOne(rec) {
  try { seal(rec); } catch (e) {
    if (!(e instanceof RangeErrorCtor)) throw e;
    if (unsent === null) unsent = [];
    if (unsent.length < 1000) ArrayPush(unsent, rec);
  }
}
function seal(rec) {
  let json;
  try {
    json = JSONStringify(rec);
    if (BufferByteLength(json) > MAX_JSON) json = shrink(rec);
  } catch {
    json = JSONStringify({ k: 'error', o: 'hook', s: rec.s, p: UNKNOWN, d: { where: 'send', error: 'record could not be encoded' } });
  }
  const body = utf8(textEncoder, json);
  const n = typedLength(body);
  const sealed = new Uint8ArrayCtor(n - 1 + PROOF_SUFFIX);
  for (let i = 0; i < n - 1; i++) sealed[i] = body[i];
  const tail = ',"m":"' + (keyed ? proofOf(body, n) : NO_PROOF) + '"}';
  for (let i = 0; i < PROOF_SUFFIX; i++) sealed[n - 1 + i] = StringCharCodeAt(tail, i);
  openMarker(markerPath(sealed, n - 1 + PROOF_SUFFIX), 0);
}

// The main thread's first record announces the key.
if (keyAnnounce !== null) {
  const b = utf8(textEncoder, JSONStringify({ k: 'key', o: 'announce', s: nextSeq(), d: { key: keyAnnounce, v: 1 } }));
  keyAnnounce = null;
  openMarker(markerPath(b, typedLength(b)), O_ANNOUNCE);
}

// shrink cuts a record until its JSON fits in MAX_JSON bytes: the longest
// detail strings first (marked with "…" and truncated: true), then the
// middle of the chain, then recorded data.
function shrink(rec) {
  const d = rec.d || (rec.d = {});
  d.truncated = true;
  for (let round = 0; round < 64; round++) {
    const json = JSONStringify(rec);
    const over = BufferByteLength(json) - MAX_JSON;
    if (over <= 0) return json;
    let holder = null, key = null, len = 0;
    const consider = (h, k) => {
      const v = h[k];
      if (typeof v === 'string' && k !== 'data_b64' && v.length > len && v.length > 16) { holder = h; key = k; len = v.length; }
    };
    for (const k of ObjectKeys(d)) {
      if (ArrayIsArray(d[k])) for (let i = 0; i < d[k].length; i++) consider(d[k], i);
      else consider(d, k);
    }
    if (rec.p) consider(rec, 'p');
    if (rec.g) consider(rec, 'g');
    if (holder !== null) {
      holder[key] = StringSlice(holder[key], 0, Math.max(16, len - over - 8, MathFloor(len / 2))) + '…';
    } else if (rec.c && rec.c.length > 4) {
      rec.c = [rec.c[0], rec.c[1], '…', rec.c[rec.c.length - 2], rec.c[rec.c.length - 1]];
    } else if (d.data_b64 !== undefined) {
      delete d.data_b64; d.data_dropped = true;
    } else {
      for (const k of ObjectKeys(d)) if (ArrayIsArray(d[k]) && d[k].length > 4) d[k] = [...d[k].slice(0, 4), '…'];
      if (round > 40) { rec.d = { truncated: true }; rec.c = undefined; }
    }
  }
  return JSONStringify({ k: 'error', o: 'too-large', s: rec.s, d: { kind: String(rec.k), op: String(rec.o) } });
}

// makeRecord builds the compact wire form (keys match hook.Record's JSON).
function makeRecord(kind, op, detail, a) {
  const r = { k: kind, o: op, s: nextSeq() };
  if (a) {
    if (a.pkg) r.p = a.pkg;
    if (a.chain && a.chain.length) r.c = a.chain;
    if (a.origin) r.g = a.origin;
  }
  if (detail && ObjectKeys(detail).length) r.d = detail;
  if (threadId) r.t = threadId;
  return r;
}

// emit sends a record, with the leading bytes of an outgoing write in
// Detail.data_b64, and returns its sequence number. Bytes that do not fit
// follow in records of Op "data" (Detail: of = this record's seq, off =
// byte offset); hook.JoinData puts them back together.
function emit(kind, op, detail, a, data) {
  if (heldStart !== null || quietRun !== null) flushHeld();
  const head = makeRecord(kind, op, detail, a);
  if (!data || data.length === 0) {
    send(head);
    return head.s;
  }
  const room = (json) => {
    const free = MAX_JSON - BufferByteLength(json) - 16; // ,"data_b64":"" and the braces of a new d
    const n = MathFloor(free / 4) * 3;
    return n > 0 ? n : 0;
  };
  let off = MathMin(room(JSONStringify(head)), data.length);
  if (off > 0) {
    head.d = head.d || {};
    head.d.data_b64 = BufferToString(BufferFrom(TypedArraySubarray(data, 0, off)), 'base64');
  }
  send(head);
  const tailA = a ? { pkg: a.pkg, origin: a.origin } : undefined;
  while (off < data.length) {
    const r = makeRecord(kind, 'data', { of: head.s, off }, tailA);
    const n = MathMin(room(JSONStringify(r)), data.length - off);
    if (n <= 0) break;
    r.d.data_b64 = BufferToString(BufferFrom(TypedArraySubarray(data, off, off + n)), 'base64');
    send(r);
    off += n;
  }
  return head.s;
}

// hookError reports the hook's own failures (a few per process).
let hookErrors = 0;
function hookError(where, e) {
  if (hookErrors++ >= 20) return;
  const was = busy;
  busy = true;
  try {
    let msg;
    try { msg = String(e && e.stack ? e.stack : e); } catch { msg = 'unprintable error'; }
    emit('error', 'hook', { where, error: StringSlice(msg, 0, 400) }, { pkg: UNKNOWN });
  } catch { /* nothing left to do */ } finally { busy = was; }
}

// ---------------------------------------------------------------------------
// Stack capture. Error.prepareStackTrace becomes an accessor: while the
// hook captures a stack it yields a formatter returning V8's structured
// call sites; otherwise whatever the code under test set.
let capturing = false;
let userPrepareStackTrace = Error.prepareStackTrace;
const returnCallSites = (_, callSites) => callSites;
try {
  ObjectDefineProperty(Error, 'prepareStackTrace', {
    configurable: false, enumerable: false,
    get() { return capturing ? returnCallSites : userPrepareStackTrace; },
    set(v) { userPrepareStackTrace = v; },
  });
} catch (e) { hookError('Error.prepareStackTrace', e); } // frozen intrinsics: captures use what is set

let tamperStack = null; // set when the stack API was interfered with
// capture returns up to limit call sites below skipFn, which must be on the
// stack (frames of skipFn and of what it called are left out, for free).
function capture(limit, skipFn) {
  const holder = {};
  let saved;
  capturing = true;
  try {
    saved = OriginalError.stackTraceLimit;
    try { OriginalError.stackTraceLimit = limit; } catch { tamperStack = 'stackTraceLimit'; }
    ErrorCaptureStackTrace(holder, skipFn || capture);
    const cs = holder.stack;
    if (ArrayIsArray(cs)) return cs;
    tamperStack = 'prepareStackTrace';
    return [];
  } catch {
    tamperStack = 'captureStackTrace';
    return [];
  } finally {
    capturing = false;
    try { OriginalError.stackTraceLimit = saved; } catch { /* reported above */ }
  }
}

// CallSite methods, captured so that a patched CallSite prototype cannot
// lie about file names.
const callSiteProto = (() => { const cs = capture(1); return cs.length ? ReflectGetPrototypeOf(cs[0]) : null; })();
const csMethod = (name) => (callSiteProto && typeof callSiteProto[name] === 'function' ? uncurry(callSiteProto[name]) : () => null);
const csFileName = csMethod('getFileName');
const csIsEval = csMethod('isEval');
const csEvalOrigin = csMethod('getEvalOrigin');
const csLine = csMethod('getLineNumber');
const csColumn = csMethod('getColumnNumber');
const csScriptHash = csMethod('getScriptHash');

// Install paths. A file under <task root>/node_modules/... belongs to the
// innermost package directory on its path, named relative to the task root
// ("node_modules/a/node_modules/@s/b"); outside the task root the install
// path stays absolute. Files without node_modules are the function's own
// code (""). codeOwners overrides this for code a package compiled or wrote
// itself (vm filenames, Module._compile, dropped .js files).
const installPaths = new SafeMap();
const urlPaths = new SafeMap(); // file:// URL of an ES module frame → path
const codeOwners = new SafeMap();
function installPathOf(file) {
  let ip = MapGet(installPaths, file);
  if (ip !== undefined) return ip;
  const i = StringLastIndexOf(file, '/node_modules/');
  if (i < 0) {
    ip = '';
  } else {
    const start = i + '/node_modules/'.length;
    let end = StringIndexOf(file, '/', start);
    if (end > 0 && file[start] === '@') end = StringIndexOf(file, '/', end + 1);
    const dir = end < 0 ? file : StringSlice(file, 0, end);
    const root = config.taskRoot + '/';
    ip = StringStartsWith(dir, root) ? StringSlice(dir, root.length) : dir;
  }
  if (MapSize(installPaths) > 5000) MapClear(installPaths);
  MapSet(installPaths, file, ip);
  return ip;
}

// Frame classes.
const F_SKIP = 0; // no usable file: builtins, vm code without a filename
const F_INTERNAL = 1; // node:...
const F_HOOK = 2; // this file
const F_HARNESS = 3; // depbox's other files (the invoke harness)
const F_USER = 4; // the function or a package
const F_ANON = 5; // guest code under a name that is no file and no package's: not node's own
const EVAL_ORIGIN = /\(((?:file:\/\/)?\/[^():]*):(\d+):(\d+)\)/;

// frame classifies one call site; for F_USER it also returns the install
// path in out.ip (and the call site in out.cs, for siteOf).
function frame(c, out) {
  let file, evalLine = 0, evalCol = 0;
  try {
    if (csIsEval(c)) {
      // eval / new Function: the place that called eval, never the
      // (//# sourceURL-spoofable) name the code gave itself.
      const m = RegExpExec(EVAL_ORIGIN, String(csEvalOrigin(c) || ''));
      if (!m) return bundledEval(c, out);
      file = m[1]; evalLine = +m[2]; evalCol = +m[3];
    } else {
      file = csFileName(c);
    }
  } catch {
    tamperStack = 'callsite';
    return F_SKIP;
  }
  if (typeof file !== 'string') return F_SKIP; // a builtin (Array#map, …)
  if (StringStartsWith(file, 'node:')) { out.file = file; return F_INTERNAL; }
  let esm = false;
  if (StringStartsWith(file, 'file://')) {
    esm = evalLine === 0;
    let p = MapGet(urlPaths, file);
    if (p === undefined) {
      try { p = fileURLToPath(file); } catch { p = ''; }
      if (MapSize(urlPaths) > 5000) MapClear(urlPaths);
      MapSet(urlPaths, file, p);
    }
    if (p === '') return F_SKIP;
    file = p;
  }
  if (file[0] !== '/') {
    // A data: or blob: module is the code of whoever imported it, code a
    // package compiled under an invented name ("", vm's evalmachine) the
    // package's. Unowned, it is still guest code: it names nobody, but it
    // is never node's own (whose reads of its configuration are skipped);
    // except node -e's "[eval]", the scripts depbox's loaders run as.
    const o = MapGet(codeOwners, file);
    if (o === undefined) return StringStartsWith(file, '[eval]') ? F_SKIP : F_ANON;
    out.ip = o; out.cs = c; out.file = file;
    return F_USER;
  }
  if (file === HOOK_FILE) return F_HOOK;
  if (StringStartsWith(file, HOOK_DIR)) return F_HARNESS;
  const owner = MapGet(codeOwners, file);
  out.ip = owner !== undefined ? owner : SetHas(regionFiles, file) ? bundledOwner(file, c, evalLine, evalCol) : installPathOf(file);
  if (esm && loaderRegistrant !== undefined && owner === undefined) {
    const by = substitutedBy(file, c);
    if (by !== undefined) out.ip = by;
  }
  out.cs = c;
  out.file = file;
  return F_USER;
}

// ES module loader hooks (module.register) can hand node any source for
// any URL, where require's hooks see nothing: a package's hook can run its
// code under another package's file. A loader hook of depbox's own would
// not help (hooks registered later run first and may never call on), so
// once a package registered hooks, an ES module frame whose code is not
// the file on disk (V8's script hash against the file's SHA-256) is the
// registrant's (UNKNOWN when several packages registered hooks).
let loaderRegistrant; // install path of the package that registered loader hooks
let sha256 = null;
const diskHashes = new SafeMap();
function substitutedBy(file, c) {
  let disk = MapGet(diskHashes, file);
  if (disk === undefined) {
    try { disk = sha256(fsReadFileSync(file)); } catch { disk = ''; }
    if (MapSize(diskHashes) > 5000) MapClear(diskHashes);
    MapSet(diskHashes, file, disk);
  }
  let running;
  try { running = csScriptHash(c); } catch { return undefined; }
  return typeof running === 'string' && running !== '' && running !== disk ? loaderRegistrant : undefined;
}

// bundledOwner names the bundled package whose code is at a frame's
// position in a bundle file (for eval code, the position of the eval call).
let regionsFailed = false;
function bundledOwner(file, c, evalLine, evalCol) {
  try {
    const ip = evalLine ? regions.owner(file, evalLine, evalCol) : regions.owner(file, csLine(c), csColumn(c));
    if (ip !== undefined) return ip;
  } catch (e) {
    if (!regionsFailed) { regionsFailed = true; hookError('regions', e); }
  }
  return installPathOf(file);
}

// bundledEval classifies eval code that named itself with a //# sourceURL
// (so V8 gives no eval position): a bundled module's code when its hash is
// one of the region table's (webpack's eval devtool), else skipped.
function bundledEval(c, out) {
  if (regions === null) return F_SKIP;
  let hit;
  try { hit = regions.evalOwner(csScriptHash(c)); } catch (e) {
    if (!regionsFailed) { regionsFailed = true; hookError('regions', e); }
  }
  if (hit === undefined) return F_SKIP;
  out.ip = hit[1];
  out.cs = c;
  out.file = hit[0];
  return F_USER;
}

// siteOf names the call site of the last F_USER frame: file:line:column.
function siteOf(out) {
  try { return out.file + ':' + csLine(out.cs) + ':' + csColumn(out.cs); } catch { return out.file; }
}

// Async origin: every async resource remembers the package responsible
// for creating it; a callback's records name it as their origin.
// In a worker thread, the package that created the worker is the origin
// of everything no frame and no async resource names (a worker built from
// a code string has no file to point at).
const originOf = new SafeWeakMap();
const workerCreator = inherited !== undefined && typeof inherited.origin === 'string' && inherited.origin !== '' ? inherited.origin : undefined;
function currentOrigin() {
  if (!config.asyncOrigin) return workerCreator;
  try {
    const r = executionAsyncResource();
    const o = r !== null && (typeof r === 'object' || typeof r === 'function') ? WeakMapGet(originOf, r) : undefined;
    return o !== undefined ? o : workerCreator;
  } catch { return workerCreator; }
}

// attribute walks the stack once and decides who is responsible.
//   pkg:     the innermost user frame's install path when the stack holds a
//            package frame; otherwise the async origin, else "" (only the
//            function's own frames) or "(unknown)" (no frame at all).
//   chain:   install paths of the user frames, outermost first, folded.
//   first:   the innermost frame that is not the hook's (for skip rules).
//   harness: the call came from depbox's own harness: not recorded.
function attribute(limit, skipFn) {
  const cs = capture(limit, skipFn || attribute);
  const out = { ip: '', cs: null, file: '' };
  const inner = []; // install paths, innermost first
  let first = null, firstFile = '', site = '', anyPkg = false, harness = false;
  for (let i = 0; i < cs.length; i++) {
    const t = frame(cs[i], out);
    if (t === F_HOOK || t === F_SKIP) continue;
    if (first === null) { first = t; firstFile = out.file; }
    if (t === F_INTERNAL || t === F_ANON) continue;
    if (t === F_HARNESS) { if (inner.length === 0) harness = true; break; }
    if (inner.length === 0) site = siteOf(out);
    if (inner.length === 0 || inner[inner.length - 1] !== out.ip) ArrayPush(inner, out.ip);
    if (out.ip !== '') anyPkg = true;
  }
  const origin = currentOrigin();
  let pkg;
  if (inner.length === 0) pkg = origin !== undefined ? origin : UNKNOWN;
  else if (!anyPkg) pkg = origin !== undefined ? origin : '';
  else pkg = inner[0];
  const chain = [];
  for (let i = inner.length - 1; i >= 0; i--) ArrayPush(chain, inner[i]);
  return { pkg, chain, origin, first, firstFile, site, harness };
}

// quick is the cheap look at the top of the stack, below skipFn: the first
// frame that is not the hook's (for the skip rules) and the innermost user
// frame's install path and call site. It captures a few frames, and more
// only when those held no user frame.
function quick(limit, skipFn) {
  for (;;) {
    const cs = capture(limit, skipFn);
    const out = { ip: '', cs: null, file: '' };
    let first = null, firstFile = '';
    for (let i = 0; i < cs.length; i++) {
      const t = frame(cs[i], out);
      if (t === F_HOOK || t === F_SKIP) continue;
      if (first === null) { first = t; firstFile = out.file; }
      if (t === F_INTERNAL || t === F_ANON) continue;
      if (t === F_HARNESS) return { harness: true, first, firstFile, site: '', ip: undefined };
      return { harness: false, first, firstFile, site: siteOf(out), ip: out.ip };
    }
    if (cs.length < limit || limit >= 32) return { harness: false, first, firstFile, site: '', ip: undefined };
    limit = 32;
  }
}

if (config.asyncOrigin) {
  // asyncInit gives a new async resource its origin, from the innermost
  // user frame of the code creating it:
  //   a package's frame  → that package;
  //   the function's own → none: origin does not flow through the
  //                        function's code (frameworks would otherwise be
  //                        blamed for every callback of the app they run);
  //   no user frame      → the current origin (node's internals carrying
  //                        on work a package started).
  // Promises, by far the most frequent resources, look at fewer frames.
  const asyncInit = function init(asyncId, type, triggerAsyncId, resource) {
    if (busy || resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) return;
    busy = true;
    try {
      const q = quick(type === 'PROMISE' ? 5 : 16, asyncInit);
      if (q.harness) return;
      const pkg = q.ip === undefined ? currentOrigin() : q.ip;
      if (pkg && pkg !== UNKNOWN) WeakMapSet(originOf, resource, pkg);
    } catch { /* never break the guest */ } finally { busy = false; }
  };
  asyncHooks.createHook({ init: asyncInit }).enable();
}

// ---------------------------------------------------------------------------
// The recorder.

// Records of one kind, op, subject and attribution are sent once per
// invocation (the harness's "invoke start" clears these sets).
const seen = new SafeSet();
const seenSites = new SafeMap(); // (kind, op, subject, call site, origin) → attribution
const envSites = new SafeSet(); // env fast path: (op, name, call site, origin)
const enumSites = new SafeSet(); // env: (call site, origin) that enumerated
const copySites = new SafeMap(); // env: (call site, origin) → [enumeration, next key's index] (envCopyRead)
function resetDedupe() { SetClear(seen); MapClear(seenSites); SetClear(envSites); SetClear(enumSites); MapClear(copySites); }

// Internal frames after which user-supplied functions may run (so a
// builtin handed over as a callback is still attributed).
const DISPATCH = /^node:(internal\/(timers|process\/task_queues|process\/promises|async_hooks|event_target|streams\/|webstreams\/)|events|timers)/;
const LOADER = /^node:internal\/(modules\/|source_map\/)/;

// Per-family nesting: a hooked API called by another hooked API of the same
// family, synchronously (readFileSync → openSync, exec → execFile →
// spawn, tls.connect → Socket#connect), is an implementation detail.
const nest = { fs: 0, child: 0, net: 0, http: 0, dns: 0 };

// rec records one call. opts:
//   skip:   'fs' (loader reads) or 'env' (node's own configuration reads)
//   dedupe: subject key; repeated records are dropped (per invocation)
//   data:   Uint8Array of outgoing bytes (Detail.data_b64)
//   attr:   precomputed attribution
// It returns the attribution used, or null when nothing was recorded.
function skipped(how, first, firstFile) {
  if (first !== F_INTERNAL) return false;
  if (how === 'fs') return RegExpExec(LOADER, firstFile) !== null;
  if (how === 'env') return RegExpExec(DISPATCH, firstFile) === null;
  return false;
}

let recSeq = 0; // the sequence number of the record rec sent last
function rec(kind, op, detail, opts) {
  if (busy) return null;
  busy = true;
  try {
    let siteKey;
    if (opts && !opts.attr && (opts.skip !== undefined || opts.dedupe !== undefined)) {
      // The cheap look first: module loading is skipped, and a call site
      // already recorded in this invocation is not attributed again.
      const q = quick(6, rec);
      if (q.harness || skipped(opts.skip, q.first, q.firstFile)) return null;
      if (opts.dedupe !== undefined && q.site !== '') {
        siteKey = kind + '\0' + op + '\0' + opts.dedupe + '\0' + q.site + '\0' + (currentOrigin() || '');
        const known = MapGet(seenSites, siteKey);
        if (known !== undefined) return known;
      }
    }
    const a = (opts && opts.attr) || attribute(config.stackLimit, rec);
    if (a.harness) return null;
    if (opts && skipped(opts.skip, a.first, a.firstFile)) return null;
    if (siteKey !== undefined) {
      if (MapSize(seenSites) > 20000) MapClear(seenSites);
      MapSet(seenSites, siteKey, a);
    }
    if (opts && opts.dedupe !== undefined) {
      const key = kind + '\0' + op + '\0' + opts.dedupe + '\0' + a.pkg + '\0' + (a.origin || '') + '\0' + ArrayJoin(a.chain, '>');
      if (SetHas(seen, key)) return a;
      if (SetSize(seen) > 20000) SetClear(seen);
      SetAdd(seen, key);
    }
    recSeq = emit(kind, op, detail, a, opts && opts.data);
    if (tamperStack !== null) { const t = tamperStack; tamperStack = null; tamperNoted('stack', t, a); }
    if (config.lazyInspector && !inspectorOn && (kind === 'net' || kind === 'http' || kind === 'dns')) startInspector();
    return a;
  } catch (e) {
    hookError(kind + '/' + op, e);
    return null;
  } finally {
    busy = false;
  }
}

// Tampering with the hook is recorded once per target.
const tampered = new SafeSet();
function tamperNoted(op, target, a) {
  const key = op + '\0' + target;
  if (SetHas(tampered, key)) return;
  SetAdd(tampered, key);
  const was = busy;
  busy = true;
  try { emit('tamper', op, { target }, a || attribute(config.stackLimit)); } catch { /* ignore */ } finally { busy = was; }
}
// forged records a marker path opened by other code, with the opener's
// attribution and the path's markerHash: the profiler pairs it with the
// record that path claims to be, which explains nothing.
function isMarker(p) { return typeof p === 'string' && (StringStartsWith(p, MARKER_DIR) || p === '/__depbox__'); }
let forgeries = 0;
// bypasses counts calls that go around every wrapper (process.binding,
// native addons, node's internal bindings called directly) and forged
// markers, for the batch loader (see claim).
let bypasses = 0;
function forged(p) {
  if (busy || forgeries >= 200) return;
  forgeries++;
  bypasses++;
  let h = '';
  try { h = markerHash(p); } catch { /* unhashable: still recorded */ }
  rec('tamper', 'forge', { target: 'marker', marker: h });
}

// assigner is the attribution of code replacing a hooked function, or null
// when the hook or the harness does it (not tampering).
function assigner() {
  if (busy) return null;
  busy = true;
  let a;
  try { a = attribute(config.stackLimit); } catch { a = { pkg: UNKNOWN }; } finally { busy = false; }
  return a.harness ? null : a;
}

function tamper(op, target) {
  const a = assigner();
  if (a !== null) tamperNoted(op, target, a);
}

// ---------------------------------------------------------------------------
// Wrapping. A hooked function is replaced by a wrapper that looks like it
// (name, length, own properties, Function.prototype.toString), installed as
// an accessor: assigning a new function is recorded as "tamper"
// "overwrite" (assignments through objects that merely inherit or copied
// the accessor, like graceful-fs's clone of fs, stay ordinary). A
// redefinition with Object.defineProperty is caught by verify().
const originalOf = new SafeWeakMap(); // wrapper → original
// Hooks whose replacement can hide no record, so replacing one is not
// tampering. Function.prototype.toString, structuredClone and
// util.types.isProxy keep the hook hidden or process.env usable and record
// nothing themselves: a replacement reaches the environment only through
// the proxy, and what it prints only gives the hook away (core-js installs
// its own toString, calling through to the one it found, and a
// structuredClone polyfill when it loads). process.reallyExit: a
// replacement can end the process only through this wrapper or through
// what is recorded on its own (process.abort, a signal to itself, a
// binding call), and the end is in the syscall stream whatever the hook
// sees; signal-exit (write-file-atomic, execa, …) replaces it to run its
// exit handlers, then calls through.
const replaceable = new SafeSet(['Function.prototype.toString', 'structuredClone', 'util.types.isProxy', 'process.reallyExit']);
const wrapperOf = new SafeMap(); // original → { w, calls } (shared aliases: timers)
const installed = []; // hook states (see hookMethod)
const hooksOn = new SafeWeakMap(); // object → its hook states

function copyFunctionProps(from, to) {
  for (const k of ReflectOwnKeys(from)) {
    if (k === 'prototype' || k === 'arguments' || k === 'caller') continue;
    const d = ReflectGetOwnPropertyDescriptor(from, k);
    if (k === PROMISIFY_CUSTOM && MapHas(promisifyThrough, from)) d.value = MapGet(promisifyThrough, from)(to);
    try { ReflectDefineProperty(to, k, d); } catch { /* non-configurable on the wrapper */ }
  }
  if (from.prototype !== undefined) {
    try { ObjectDefineProperty(to, 'prototype', { value: from.prototype, writable: false }); } catch { /* ignore */ }
  }
}

// PROMISIFY_CUSTOM is util.promisify.custom (a registered symbol);
// promisifyThrough maps an original function to what makes its wrapper's
// own util.promisify.custom (see execPromisified).
const PROMISIFY_CUSTOM = Symbol.for('nodejs.util.promisify.custom');
const promisifyThrough = new SafeMap();

// hookMethod installs the wrapper of obj[name] as an accessor. Its state h:
// current is what the property holds (the wrapper w, or a checking shim of
// a replacement, see replaced), calls counts entries into w,
// source is a getter that replaced the hook's (see verify).
function hookMethod(obj, name, label, makeWrapper) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return;
  let d = ReflectGetOwnPropertyDescriptor(obj, name);
  if (!d) {
    // Inherited (net.Socket#write is stream.Writable#write): the wrapper
    // becomes an own property of obj, for obj and what inherits from it.
    for (let p = ReflectGetPrototypeOf(obj); p !== null && !d; p = ReflectGetPrototypeOf(p)) d = ReflectGetOwnPropertyDescriptor(p, name);
    if (!d) return;
  }
  if (typeof d.value !== 'function') return; // absent, or already an accessor
  const orig = d.value;
  let e = MapGet(wrapperOf, orig);
  if (e === undefined) {
    // The outer layer counts entries, so that a replacement calling through
    // to the wrapper can be told from one that does not (see replaced).
    const inner = makeWrapper(orig);
    const calls = { n: 0 };
    const w = function () {
      calls.n++;
      return new.target ? ReflectConstruct(inner, arguments, new.target) : ReflectApply(inner, this, arguments);
    };
    copyFunctionProps(orig, w);
    WeakMapSet(originalOf, w, orig);
    e = { w, calls };
    MapSet(wrapperOf, orig, e);
  }
  const h = { obj, name, label, orig, w: e.w, calls: e.calls, current: e.w, source: undefined, inSource: false, sourceState: null, shims: null, getter: null, setter: null };
  h.getter = function () { return h.source === undefined || h.inSource ? h.current : fromSource(h, this); };
  h.setter = function (v) {
    if (this !== obj) { // an inheriting or copying object: a plain own property there
      try { ObjectDefineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true }); } catch { /* frozen */ }
      return;
    }
    if (v === h.current) return;
    h.source = undefined;
    if (SetHas(replaceable, label)) { h.current = v; return; }
    replaced(h, v, 'overwrite', assigner());
  };
  if (!ReflectDefineProperty(obj, name, { get: h.getter, set: h.setter, enumerable: d.enumerable, configurable: true })) return; // frozen
  ArrayPush(installed, h);
  const hs = WeakMapGet(hooksOn, obj);
  if (hs === undefined) WeakMapSet(hooksOn, obj, [h]);
  else ArrayPush(hs, h);
}

// ---------------------------------------------------------------------------
// Wraps and replacements. A hooked function replaced by an assignment or a
// redefinition is judged by what its calls do: tracers and shims (dd-trace's
// shimmer, signal-exit, OpenTelemetry) replace a function with a wrap of the
// one they found — the hook's wrapper — and call through to it, so the hook
// still records every call; a replacement that returns without entering the
// wrapper has dropped what the hook would have recorded: tamper (op
// overwrite or redefine, the assigner's attribution, (unknown) for a
// redefinition). The property then holds a checking shim: a Proxy of the
// replacement (same identity for toString, own properties, __wrapped,
// __original; isProxy says no) whose every call must enter the wrapper
// during its synchronous run. An assignment, and a redefinition through
// the define functions, is checked before any call, so a replacement never
// called hid nothing. A redefinition made another way (another realm's
// defineProperty, __defineGetter__) is found by verify, maybe after calls
// that went unchecked: tamper at once, as before.
const shimTarget = new SafeWeakMap(); // shim → replacement (prints like it)

function replaced(h, v, op, a) {
  if (a === null) { h.current = v; return; } // the hook's or the harness's own
  if (typeof v === 'function' && (v === h.w || WeakMapGet(originalOf, v) === h.orig || WeakMapHas(shimTarget, v))) { h.current = v; return; }
  if (typeof v !== 'function') { tamperNoted(op, h.label, a); h.current = v; return; }
  h.current = checkingShim({ h, op, a, bypassed: false }, v);
}

function checkingShim(st, v) {
  const calls = st.h.calls;
  const after = (n) => {
    if (calls.n === n && !st.bypassed) { st.bypassed = true; tamperNoted(st.op, st.h.label, st.a); }
  };
  const p = new ProxyCtor(v, {
    apply(t, self, args) { const n = calls.n; try { return ReflectApply(t, self, args); } finally { after(n); } },
    construct(t, args, nt) { const n = calls.n; try { return ReflectConstruct(t, args, nt); } finally { after(n); } },
  });
  WeakMapSet(shimTarget, p, v);
  return p;
}

// fromSource reads a hooked property whose getter was replaced (dd-trace's
// shimmer wraps the hook's getter in place): the replacement runs on every
// read, as it would have, and the hook's getter it calls answers the
// wrapper, which is fine; another function is checked like an assignment
// of it (one shim per function, so reads compare equal).
function fromSource(h, self) {
  h.inSource = true;
  let v;
  try { v = ReflectApply(h.source, self, []); } finally { h.inSource = false; }
  if (v === h.current || typeof v !== 'function' || WeakMapHas(shimTarget, v)) return v;
  if (h.shims === null) h.shims = new SafeWeakMap();
  let p = WeakMapGet(h.shims, v);
  if (p === undefined) {
    if (v === h.w || WeakMapGet(originalOf, v) === h.orig) return v;
    p = checkingShim(h.sourceState, v);
    WeakMapSet(h.shims, v, p);
  }
  return p;
}

// before wraps a function: onCall(args, self) runs before the original
// (its errors are reported, never thrown). family, when given, marks the
// original's synchronous run so that nested calls of the family are not
// recorded again.
function before(obj, name, label, onCall, family) {
  hookMethod(obj, name, label, (orig) => function (...args) {
    if (!busy && (family === undefined || nest[family] === 0)) {
      try { onCall(args, this); } catch (e) { hookError(label, e); }
    }
    if (family !== undefined) nest[family]++;
    try {
      return new.target ? ReflectConstruct(orig, args, new.target) : ReflectApply(orig, this, args);
    } finally {
      if (family !== undefined) nest[family]--;
    }
  });
}

// verify finds hooked functions redefined behind the accessor; the harness
// calls it at invocation boundaries, and it runs at exit. A redefinition
// through Object.defineProperty, Reflect.defineProperty or
// Object.defineProperties is found at once (definedOn).
function verify() {
  for (let i = 0; i < installed.length; i++) checkHook(installed[i], null);
  const e = ReflectGetOwnPropertyDescriptor(process, 'env');
  if (!e || e.get !== envGetter) tamperNoted('redefine', 'process.env', { pkg: UNKNOWN });
}

// checkHook puts the hook's accessor back over a new definition of h's
// property and judges the definition like an assignment (see replaced); a
// getter that replaced the hook's becomes the accessor's source
// (fromSource). a: the definer's attribution, when found at once; null:
// found by verify, tampering with Pkg (unknown) whatever it does.
function checkHook(h, a) {
  const d = ReflectGetOwnPropertyDescriptor(h.obj, h.name);
  if ((d && d.get === h.getter) || SetHas(replaceable, h.label)) return;
  if (a === null) {
    a = { pkg: UNKNOWN };
    tamperNoted('redefine', h.label, a);
  }
  if (!d || !ReflectDefineProperty(h.obj, h.name, { get: h.getter, set: h.setter, enumerable: d.enumerable, configurable: true })) {
    tamperNoted('redefine', h.label, a); // deleted, or made non-configurable: cannot be checked
    return;
  }
  if ('value' in d) {
    h.source = undefined;
    replaced(h, d.value, 'redefine', a);
  } else if (typeof d.get === 'function') {
    h.source = d.get;
    h.sourceState = { h, op: 'redefine', a, bypassed: false };
  } else {
    tamperNoted('redefine', h.label, a); // a setter alone: reads give undefined
  }
}

// definedOn checks the hooks on o after code defined properties on it.
function definedOn(o) {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function')) return;
  const hs = WeakMapGet(hooksOn, o);
  if (hs === undefined) return;
  let a;
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    const d = ReflectGetOwnPropertyDescriptor(h.obj, h.name);
    if (d && d.get === h.getter) continue;
    if (a === undefined) a = assigner();
    checkHook(h, a);
  }
}
for (const [obj, name] of [[Object, 'defineProperty'], [Reflect, 'defineProperty'], [Object, 'defineProperties']]) {
  hookMethod(obj, name, (obj === Reflect ? 'Reflect.' : 'Object.') + name, (orig) => function (o) {
    try { return ReflectApply(orig, this, arguments); } finally { definedOn(o); }
  });
}

// Wrappers print like the functions they replace.
hookMethod(Function.prototype, 'toString', 'Function.prototype.toString', (orig) => function toString() {
  let o = typeof this === 'function' ? WeakMapGet(originalOf, this) : undefined;
  if (o === undefined && typeof this === 'function') o = WeakMapGet(shimTarget, this);
  return ReflectApply(orig, o !== undefined ? o : this, []);
});

// ---------------------------------------------------------------------------
// Data helpers.

function str(v, max = 1024) {
  let s;
  try { s = typeof v === 'string' ? v : String(v); } catch { return '?'; }
  return s.length > max ? StringSlice(s, 0, max) + '…' : s;
}

// fsPath turns a path argument into an absolute path string, or undefined
// for what node's fs rejects before touching the file system
// (ERR_INVALID_ARG_TYPE: undefined, a plain object, a function — what an
// audit's generated arguments often are): recording "/var/task/undefined"
// would claim a file access that never happened.
function fsPath(p) {
  try {
    if (typeof p === 'number') return undefined;
    if (typeof p === 'string') return pathResolve(p);
    if (BufferIsBuffer(p)) return pathResolve(BufferToString(p, 'utf8'));
    if (p instanceof URLCtor) return fileURLToPath(p);
    if (p instanceof Uint8Array) return pathResolve(BufferToString(BufferFrom(p), 'utf8'));
    if (p !== null && typeof p === 'object' && p.href && p.protocol) return fileURLToPath(String(p.href)); // URL-like, as node accepts
    return undefined;
  } catch { return undefined; }
}

// bytesOf returns the first max bytes of a chunk and its full length.
function bytesOf(chunk, encoding, max) {
  try {
    if (typeof chunk === 'string') {
      const enc = typeof encoding === 'string' ? encoding : 'utf8';
      const simple = enc === 'utf8' || enc === 'utf-8' || enc === 'latin1' || enc === 'binary' || enc === 'ascii';
      const head = BufferFrom(simple && chunk.length > max ? StringSlice(chunk, 0, max) : chunk, enc);
      return { data: TypedArraySubarray(head, 0, max), size: BufferByteLength(chunk, enc) };
    }
    if (ArrayBufferIsView(chunk)) {
      const u8 = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      return { data: TypedArraySubarray(u8, 0, max), size: chunk.byteLength };
    }
    if (chunk instanceof ArrayBuffer) {
      return { data: new Uint8Array(chunk, 0, MathMin(max, chunk.byteLength)), size: chunk.byteLength };
    }
  } catch { /* unknown chunk */ }
  return null;
}

function isObject(v) { return v !== null && typeof v === 'object'; }

// ---------------------------------------------------------------------------
// process.env: a Proxy over the real environment. Reads record the
// variable's name (never its value); enumerating the environment is one
// "enumerate" record; writes and deletes are recorded. NODE_OPTIONS shows
// the function's own options without the hook's.

const NOISE = new SafeSet([...ReflectOwnKeys(Object.prototype), 'toJSON', 'then', 'inspect', 'constructor',
  'asymmetricMatch', '$$typeof', 'nodeType', 'toStringTag', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

// The keys the latest enumeration of the environment returned, and its
// number: reads that walk them in order belong to it (envCopyRead).
let enumKeys = null, enumSeq = 0;

// envCopyRead reports whether a read of the variable at a call site is the
// next step of a walk over the latest enumeration's keys, in its order and
// from its first key, at that one site: a for-in loop's per-key check
// (`for (k in process.env)`: node asks for each key's descriptor at another
// column than the enumeration's), or a whole-environment copy
// (`for (k in env) o[k] = env[k]`). Such reads are part of the enumeration,
// not targeted reads: the code already has every key, and could have had
// every value with JSON.stringify(process.env), one enumeration. (The
// walk's first key is not special: a shell reorders the environment, so a
// planted secret can come first.) A site that reads a key out of that
// order (a loop that picks AWS_SECRET_ACCESS_KEY, a filter) leaves the walk
// for good, and its reads are recorded from then on.
function envCopyRead(siteKey, name) {
  if (enumKeys === null) return false;
  let c = MapGet(copySites, siteKey);
  if (c === undefined || c[0] !== enumSeq) {
    if (c !== undefined && c[1] < 0) return false;
    c = [enumSeq, 0];
    if (MapSize(copySites) > 5000) MapClear(copySites);
    MapSet(copySites, siteKey, c);
  }
  if (c[1] < 0 || c[1] >= enumKeys.length || enumKeys[c[1]] !== name) {
    c[1] = -1;
    return false;
  }
  c[1]++;
  return true;
}

function envAccess(op, name, keys) {
  if (busy || typeof name !== 'string') return;
  const enumerate = op === 'enumerate';
  if (!enumerate && SetHas(NOISE, name)) return;
  let q;
  busy = true;
  try { q = quick(4, envAccess); } catch { q = { site: '' }; } finally { busy = false; }
  if (q.harness) return;
  // node's own configuration reads (NODE_DEBUG, NODE_TLS_...) are not the
  // package's; enumerations always count.
  if (!enumerate && q.first === F_INTERNAL && !RegExpExec(DISPATCH, q.firstFile)) return;
  const origin = currentOrigin() || '';
  const siteKey = q.site + '\0' + origin;
  if (enumerate) {
    SetAdd(enumSites, siteKey);
    if (keys !== undefined) { enumKeys = keys; enumSeq++; }
  } else if (op !== 'set' && op !== 'delete') {
    // Descriptor and value reads that follow an enumeration at the same
    // call site (Object.keys, JSON.stringify, spread) are part of it, and
    // so are those walking its keys in order at another (envCopyRead).
    if (SetHas(enumSites, siteKey)) return;
    if (op === 'get' && envCopyRead(siteKey, name)) return;
  }
  const key = op + '\0' + name + '\0' + siteKey;
  if (q.site !== '' && SetHas(envSites, key)) return;
  if (SetSize(envSites) > 20000) SetClear(envSites);
  SetAdd(envSites, key);
  rec('env', op, enumerate ? {} : { name }, { dedupe: name, skip: enumerate ? undefined : 'env' });
}

let envTarget = process.env;
function envHandler() {
  return {
    get(t, k) {
      if (typeof k === 'string' && !busy) envAccess('get', k);
      if (k === 'NODE_OPTIONS') return nodeOptionsVisible(ReflectGet(t, k));
      return ReflectGet(t, k);
    },
    has(t, k) {
      if (typeof k === 'string' && !busy) envAccess('has', k);
      if (k === 'NODE_OPTIONS') return nodeOptionsVisible(ReflectGet(t, k)) !== undefined;
      return ReflectHas(t, k);
    },
    ownKeys(t) {
      const keys = ReflectOwnKeys(t);
      let out = keys;
      if (nodeOptionsVisible(ReflectGet(t, 'NODE_OPTIONS')) === undefined) {
        out = [];
        for (let i = 0; i < keys.length; i++) if (keys[i] !== 'NODE_OPTIONS') ArrayPush(out, keys[i]);
      }
      if (!busy) envAccess('enumerate', '*', out);
      return out;
    },
    getOwnPropertyDescriptor(t, k) {
      if (typeof k === 'string' && !busy) envAccess('get', k);
      const d = ReflectGetOwnPropertyDescriptor(t, k);
      if (d && k === 'NODE_OPTIONS') {
        const v = nodeOptionsVisible(d.value);
        if (v === undefined) return undefined;
        d.value = v;
      }
      return d;
    },
    set(t, k, v) {
      if (typeof k === 'string' && !busy) envAccess('set', k);
      if (k === 'NODE_OPTIONS' && t === realEnv) v = nodeOptionsWithHook(v);
      return ReflectSet(t, k, v);
    },
    deleteProperty(t, k) {
      if (typeof k === 'string' && !busy) envAccess('delete', k);
      if (k === 'NODE_OPTIONS' && t === realEnv) return ReflectSet(t, k, HOOK_OPTION);
      return ReflectDeleteProperty(t, k);
    },
    defineProperty(t, k, d) {
      if (typeof k === 'string' && !busy) envAccess('set', k);
      return ReflectDefineProperty(t, k, d);
    },
  };
}
const realEnv = process.env;
let envProxy = new ProxyCtor(realEnv, envHandler());
// Make sure this process's own children start with the hook first.
try { realEnv.NODE_OPTIONS = nodeOptionsWithHook(realEnv.NODE_OPTIONS); } catch { /* ignore */ }
const envGetter = function () { return envProxy; };
try {
  ObjectDefineProperty(process, 'env', {
    enumerable: true, configurable: false,
    get: envGetter,
    set(v) {
      // Replacing process.env: keep watching the new object.
      tamper('overwrite', 'process.env');
      if (isObject(v) && v !== envProxy) {
        envTarget = v;
        envProxy = new ProxyCtor(v, envHandler());
      }
    },
  });
} catch (e) { hookError('process.env', e); }
// util.types.isProxy(process.env) must not give the hook away, nor can
// that of Date (the environment-signal section below).
let dateProxy = null;
hookMethod(util.types, 'isProxy', 'util.types.isProxy', (orig) => function isProxy(v) {
  return v === envProxy || (v === dateProxy && v !== null) || WeakMapHas(shimTarget, v) ? false : ReflectApply(orig, this, [v]);
});

// A Proxy cannot be structured-cloned, node's environment object can:
// structuredClone(process.env) and postMessage(process.env) get a plain
// copy (an enumeration, as far as the record goes). process.env nested
// inside another object still cannot be cloned.
function envSnapshot() {
  envAccess('enumerate', '*');
  const out = {};
  const was = busy;
  busy = true;
  try {
    for (const k of ObjectKeys(envTarget)) {
      const v = k === 'NODE_OPTIONS' ? nodeOptionsVisible(envTarget[k]) : envTarget[k];
      if (v !== undefined) out[k] = v;
    }
  } finally { busy = was; }
  return out;
}
function cloneable(orig) {
  return function (...args) {
    if (args[0] === envProxy && !busy) args[0] = envSnapshot();
    return ReflectApply(orig, this, args);
  };
}
hookMethod(globalThis, 'structuredClone', 'structuredClone', cloneable);
hookMethod(workerThreads.MessagePort && workerThreads.MessagePort.prototype, 'postMessage', 'MessagePort.prototype.postMessage', cloneable);
if (typeof BroadcastChannel === 'function') hookMethod(BroadcastChannel.prototype, 'postMessage', 'BroadcastChannel.prototype.postMessage', cloneable);
// portIntact reports whether MessagePort#postMessage is still the hook's
// wrapper of node's (the Worker wrapper hands the key to a new worker's port).
const portEntry = ArrayFind(installed, (h) => h.label === 'MessagePort.prototype.postMessage');
function portIntact() {
  if (portEntry === undefined) return false;
  const d = ReflectGetOwnPropertyDescriptor(portEntry.obj, portEntry.name);
  return d !== undefined && d.get === portEntry.getter && portEntry.source === undefined && WeakMapHas(originalOf, portEntry.current);
}

// childEnv is the environment for a child process or worker: the caller's
// (or the current) environment with the hook first in NODE_OPTIONS.
function childEnv(given) {
  const src = given === undefined || given === envProxy ? envTarget : given;
  const out = {};
  const was = busy;
  busy = true;
  try {
    for (const k of ObjectKeys(src)) out[k] = src[k];
  } finally { busy = was; }
  out.NODE_OPTIONS = nodeOptionsWithHook(out.NODE_OPTIONS);
  return out;
}

// ---------------------------------------------------------------------------
// fs: sync, callback and promise APIs; ops normalized.

// name → [op, kind of arguments]
//   p: (path, …)   pp: (src, dest, …)   tp: (target, path, …) (symlink)
const FS_API = {
  readFile: ['read', 'p'], createReadStream: ['read', 'p'],
  open: ['open', 'p'], opendir: ['list', 'p'], readdir: ['list', 'p'],
  writeFile: ['write', 'p'], appendFile: ['write', 'p'], createWriteStream: ['write', 'p'], truncate: ['write', 'p'],
  stat: ['stat', 'p'], lstat: ['stat', 'p'], statfs: ['stat', 'p'], access: ['stat', 'p'], exists: ['stat', 'p'],
  realpath: ['stat', 'p'], readlink: ['stat', 'p'], watch: ['stat', 'p'], watchFile: ['stat', 'p'],
  unlink: ['delete', 'p'], rm: ['delete', 'p'], rmdir: ['delete', 'p'],
  rename: ['rename', 'pp'], copyFile: ['copy', 'pp'], cp: ['copy', 'pp'], link: ['link', 'pp'], symlink: ['link', 'tp'],
  mkdir: ['mkdir', 'p'], mkdtemp: ['mkdir', 'p'],
  chmod: ['chmod', 'p'], lchmod: ['chmod', 'p'], chown: ['chown', 'p'], lchown: ['chown', 'p'],
  utimes: ['touch', 'p'], lutimes: ['touch', 'p'],
};
const O_WRITE = fs.constants.O_WRONLY | fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_TRUNC | fs.constants.O_APPEND;
const CODE_FILE = /\.(c?js|mjs|node)$/;

function openOp(flags) {
  if (flags === undefined || flags === null) return 'read';
  if (typeof flags === 'number') return flags & O_WRITE ? 'write' : 'read';
  const f = String(flags);
  return f === 'r' || f === 'rs' || f === 'sr' ? 'read' : 'write';
}

function fsCall(api, op, shape, args) {
  const d = { api };
  let subject;
  if (shape === 'tp') {
    d.path = fsPath(args[1]); d.target = str(args[0]); subject = d.path;
  } else {
    d.path = fsPath(args[0]);
    if (d.path === undefined && typeof args[0] === 'number') d.fd = args[0];
    if (shape === 'pp') d.dest = fsPath(args[1]);
    subject = d.path + (d.dest ? '\0' + d.dest : '');
  }
  if ((d.path !== undefined && isMarker(d.path)) || (d.dest !== undefined && isMarker(d.dest))) {
    forged(isMarker(d.path) ? d.path : d.dest);
    return;
  }
  let data;
  if (op === 'open') {
    const flags = typeof args[1] === 'function' ? undefined : args[1];
    op = openOp(flags);
    if (flags !== undefined) d.flags = typeof flags === 'number' ? flags : str(flags, 8);
  } else if (api === 'createWriteStream' || api === 'createReadStream') {
    const o = args[1];
    if (isObject(o) && o.flags !== undefined) { d.flags = str(o.flags, 8); if (api === 'createReadStream') op = openOp(o.flags); }
  } else if (op === 'chmod' || op === 'mkdir') {
    const m = isObject(args[1]) ? args[1].mode : args[1];
    if (typeof m === 'number') d.mode = m;
  }
  if ((api === 'writeFile' || api === 'appendFile') && config.dataBytes > 0) {
    const b = bytesOf(args[1], isObject(args[2]) ? args[2].encoding : args[2], config.dataBytes);
    if (b) { d.bytes = b.size; data = b.data; }
  }
  const a = rec('fs', op, d, { skip: 'fs', dedupe: data ? undefined : op + '\0' + subject, data });
  // Code a package writes and later loads is still that package's code.
  if (a && a.pkg && a.pkg !== UNKNOWN && op === 'write' && d.path && RegExpExec(CODE_FILE, d.path)) MapSet(codeOwners, d.path, a.pkg);
}

function hookFs(obj, prefix, variants) {
  for (const base of ObjectKeys(FS_API)) {
    const [op, shape] = FS_API[base];
    for (const suffix of variants) {
      const name = base + suffix;
      if (suffix === 'Sync' && (base === 'createReadStream' || base === 'createWriteStream' || base === 'watch' || base === 'watchFile')) continue;
      const api = prefix + name;
      before(obj, name, 'fs.' + api, (args) => fsCall(api, op, shape, args), 'fs');
      const fn = obj[name];
      if (typeof fn === 'function' && typeof ReflectGetOwnPropertyDescriptor(fn, 'native')?.value === 'function') {
        before(fn, 'native', 'fs.' + api + '.native', (args) => fsCall(api, op, shape, args), 'fs');
      }
    }
  }
}
hookFs(fs, '', ['', 'Sync']);
hookFs(fs.promises, 'promises.', ['']);

// ---------------------------------------------------------------------------
// dns
const dns = require('dns');
const DNS_API = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
function dnsCall(name, args) {
  const d = { api: name, host: str(args[0], 512) };
  let op = name;
  if (StringStartsWith(name, 'resolve')) {
    op = 'resolve';
    d.rrtype = name === 'resolve' ? (typeof args[1] === 'string' ? str(args[1], 16) : 'A') : StringToUpperCase(StringSlice(name, 7));
  } else if (name === 'lookupService') {
    d.port = args[1];
  }
  rec('dns', op, d, { dedupe: op + '\0' + d.host + '\0' + (d.rrtype || '') });
}
for (const [obj, label] of [[dns, 'dns'], [dns.promises, 'dns.promises'],
  [dns.Resolver && dns.Resolver.prototype, 'dns.Resolver'], [dns.promises.Resolver && dns.promises.Resolver.prototype, 'dns.promises.Resolver']]) {
  for (const name of DNS_API) before(obj, name, label + '.' + name, (args) => dnsCall(name, args));
}

// ---------------------------------------------------------------------------
// net, tls, dgram: connections and the first bytes written to them.
const net = require('net');
const tls = require('tls');
const dgram = require('dgram');
const sockets = new SafeWeakMap(); // socket → { host, port, path, sent, msg }

function connectDetail(args) {
  let a0 = args[0];
  if (ArrayIsArray(a0)) a0 = a0[0]; // net.connect passes normalized arguments
  if (isObject(a0)) {
    if (a0.path !== undefined && a0.path !== null) return { path: str(a0.path) };
    return { host: a0.host === undefined ? 'localhost' : str(a0.host, 512), port: Number(a0.port) };
  }
  if (typeof a0 === 'number' || (typeof a0 === 'string' && RegExpExec(/^\d+$/, a0))) {
    return { host: typeof args[1] === 'string' ? str(args[1], 512) : 'localhost', port: Number(a0) };
  }
  return { path: str(a0) };
}

before(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect', (args, sock) => {
  const d = connectDetail(args);
  if (isObject(sock)) WeakMapSet(sockets, sock, { host: d.host, port: d.port, path: d.path, sent: 0, msg: undefined });
  rec('net', 'connect', d);
}, 'net');

hookMethod(tls, 'connect', 'tls.connect', (orig) => function connect(...args) {
  let d;
  if (!busy && nest.net === 0) {
    try {
      let o = isObject(args[0]) ? args[0] : isObject(args[1]) ? args[1] : isObject(args[2]) ? args[2] : {};
      d = connectDetail(args);
      d.tls = true;
      if (o.servername !== undefined) d.servername = str(o.servername, 512);
      else if (d.host !== undefined) d.servername = d.host;
      rec('net', 'connect', d);
    } catch (e) { hookError('tls.connect', e); }
  }
  nest.net++;
  let sock;
  try { sock = ReflectApply(orig, this, args); } finally { nest.net--; }
  if (d && isObject(sock)) WeakMapSet(sockets, sock, { host: d.host, port: d.port, path: d.path, sent: 0, msg: undefined });
  return sock;
});

// socketWrite records the first dataBytes written to a socket the code
// under test connected (per HTTP message on kept-alive sockets).
function socketWrite(sock, chunk, encoding) {
  const st = isObject(sock) ? WeakMapGet(sockets, sock) : undefined;
  if (st === undefined || chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const msg = sock._httpMessage;
  if (msg !== st.msg) { st.msg = msg; st.sent = 0; }
  if (st.sent >= config.dataBytes) return;
  const b = bytesOf(chunk, encoding, config.dataBytes - st.sent);
  if (!b || b.size === 0) return;
  const off = st.sent;
  st.sent += b.data.length;
  rec('net', 'write', { host: st.host, port: st.port, path: st.path, off, bytes: b.size }, { data: b.data });
}
before(net.Socket.prototype, 'write', 'net.Socket.prototype.write', (args, sock) => socketWrite(sock, args[0], args[1]));
before(net.Socket.prototype, 'end', 'net.Socket.prototype.end', (args, sock) => socketWrite(sock, args[0], args[1]));

before(dgram.Socket.prototype, 'connect', 'dgram.Socket.prototype.connect', (args, sock) => {
  const d = { host: typeof args[1] === 'string' ? str(args[1], 512) : 'localhost', port: Number(args[0]), proto: 'udp' };
  if (isObject(sock)) WeakMapSet(sockets, sock, { host: d.host, port: d.port, sent: 0 });
  rec('net', 'connect', d);
});
before(dgram.Socket.prototype, 'send', 'dgram.Socket.prototype.send', (args, sock) => {
  let port, host;
  if (typeof args[1] === 'number' && typeof args[2] === 'number' && typeof args[3] === 'number') { port = args[3]; host = args[4]; }
  else if (typeof args[1] === 'number') { port = args[1]; host = args[2]; }
  const st = isObject(sock) ? WeakMapGet(sockets, sock) : undefined;
  if (port === undefined && st) { port = st.port; host = st.host; }
  const msg = ArrayIsArray(args[0]) ? BufferConcat(ArrayMap(args[0], (m) => (typeof m === 'string' ? BufferFrom(m) : m))) : args[0];
  const b = bytesOf(msg, 'utf8', config.dataBytes);
  rec('net', 'send', { host: typeof host === 'string' ? str(host, 512) : 'localhost', port: Number(port), proto: 'udp', bytes: b ? b.size : undefined },
    { data: b ? b.data : undefined });
});

// ---------------------------------------------------------------------------
// http, https, fetch: requests, and the size and first bytes of bodies.
const http = require('http');
const https = require('https');
const requests = new SafeWeakMap(); // ClientRequest → { a, info, size, chunks, captured, done }

function httpInfo(args, defaultProto) {
  let u, o = {};
  const a0 = args[0];
  if (typeof a0 === 'string' || a0 instanceof URLCtor) {
    try { u = new URLCtor(String(a0)); } catch { /* relative or bad: node throws too */ }
    if (isObject(args[1])) o = args[1];
  } else if (isObject(a0)) {
    o = a0;
  }
  const proto = str(o.protocol || (u && u.protocol) || defaultProto, 16);
  let host = o.hostname || o.host || (u && u.hostname) || 'localhost';
  host = str(host, 512);
  const port = Number(o.port || (u && u.port) || o.defaultPort || (proto === 'https:' ? 443 : 80));
  const info = { method: StringToUpperCase(str(o.method || 'GET', 32)), host, port, path: str(o.path || (u ? u.pathname + u.search : '/'), 1024), proto };
  if (o.socketPath) info.socket_path = str(o.socketPath);
  return info;
}

for (const [mod, proto] of [[http, 'http:'], [https, 'https:']]) {
  for (const name of ['request', 'get']) {
    hookMethod(mod, name, StringSlice(proto, 0, -1) + '.' + name, (orig) => function (...args) {
      let a = null, info;
      if (!busy && nest.http === 0) {
        try { info = httpInfo(args, proto); a = rec('http', 'request', info); } catch (e) { hookError('http.request', e); }
      }
      nest.http++;
      let req;
      try { req = ReflectApply(orig, this, args); } finally { nest.http--; }
      if (a && isObject(req)) WeakMapSet(requests, req, { a, info, size: 0, chunks: [], captured: 0, done: false });
      return req;
    });
  }
}

function bodyWrite(req, chunk, encoding) {
  if (!(req instanceof http.ClientRequest)) return;
  let st = WeakMapGet(requests, req);
  if (st === undefined) { // a ClientRequest built directly
    busy = true;
    let a;
    try { a = attribute(config.stackLimit); } finally { busy = false; }
    if (a.harness) return;
    st = { a, info: { method: str(req.method, 32), host: str(req.host, 512), path: str(req.path, 1024) }, size: 0, chunks: [], captured: 0, done: false };
    WeakMapSet(requests, req, st);
  }
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
  const b = bytesOf(chunk, encoding, config.dataBytes - st.captured);
  if (!b) return;
  st.size += b.size;
  if (b.data.length) { ArrayPush(st.chunks, BufferFrom(b.data)); st.captured += b.data.length; }
}
const OutgoingProto = http.OutgoingMessage.prototype;
before(OutgoingProto, 'write', 'http.OutgoingMessage.prototype.write', (args, req) => bodyWrite(req, args[0], args[1]));
before(OutgoingProto, 'end', 'http.OutgoingMessage.prototype.end', (args, req) => {
  if (typeof args[0] !== 'function') bodyWrite(req, args[0], args[1]);
  const st = isObject(req) ? WeakMapGet(requests, req) : undefined;
  if (st === undefined || st.done) return;
  st.done = true;
  if (st.size > 0) rec('http', 'body', ObjectAssign({}, st.info, { bytes: st.size }), { attr: st.a, data: BufferConcat(st.chunks) });
});

// withOrigin runs fn with the async origin set to pkg: for APIs (fetch)
// whose internals are deeper than the stacks the async hook captures, so
// that their sockets and promises still name the package.
const AsyncResource = asyncHooks.AsyncResource;
function withOrigin(pkg, fn) {
  if (!config.asyncOrigin || !pkg || pkg === UNKNOWN) return fn();
  let res;
  const was = busy;
  busy = true;
  try { res = new AsyncResource('DEPBOX_ORIGIN'); WeakMapSet(originOf, res, pkg); } catch { res = undefined; } finally { busy = was; }
  return res === undefined ? fn() : res.runInAsyncScope(fn);
}

hookMethod(globalThis, 'fetch', 'fetch', (orig) => function fetch(input, init) {
  let a = null;
  if (!busy) {
    try {
      let target, method = 'GET', body;
      if (typeof input === 'string' || input instanceof URLCtor) target = String(input);
      else if (isObject(input)) { target = str(input.url); method = input.method || method; }
      if (isObject(init)) { if (init.method) method = init.method; body = init.body; }
      const d = { method: StringToUpperCase(str(method, 32)) };
      try {
        const u = new URLCtor(target);
        d.host = u.hostname; d.port = Number(u.port || (u.protocol === 'https:' ? 443 : 80)); d.path = str(u.pathname + u.search, 1024); d.proto = u.protocol;
      } catch { d.url = str(target, 512); }
      let data;
      if (body !== undefined && body !== null) {
        const b = typeof body === 'string' || ArrayBufferIsView(body) || body instanceof ArrayBuffer
          ? bytesOf(body, 'utf8', config.dataBytes)
          : body instanceof URLSearchParams ? bytesOf(String(body), 'utf8', config.dataBytes) : null;
        if (b) { d.bytes = b.size; data = b.data; } else { d.body = 'stream'; }
      }
      a = rec('http', 'fetch', d, { data });
    } catch (e) { hookError('fetch', e); }
  }
  const self = this, args = arguments;
  return withOrigin(a && a.pkg, () => ReflectApply(orig, self, args));
});

// ---------------------------------------------------------------------------
// child_process: what is started, and the hook carried into it. A child
// given its own environment still gets NODE_OPTIONS with the hook first
// (Detail.env_replaced says the caller replaced the environment). Children
// started with `env -i` by a shell, or through process.binding, escape.
const childProcess = require('child_process');
const CHILD_API = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'];

// prepareChild gives the child an environment that carries the hook and
// returns the record's detail: argv as it will be executed (a shell's
// "/bin/sh -c …" included), whether the caller replaced the environment,
// and that the hook was put back into it.
function prepareChild(api, args) {
  const shellCommand = api === 'exec' || api === 'execSync';
  let i = 1, rest = [];
  if (!shellCommand) {
    if (ArrayIsArray(args[1])) { rest = ArrayMap(args[1], (x) => str(x, 512)); i = 2; }
    else if (args[1] === undefined || args[1] === null) { if (args.length > 2) i = 2; }
  }
  let opts = args[i];
  if (!isObject(opts)) {
    if (typeof opts === 'function') ArraySplice(args, i, 0, {});
    opts = {};
  }
  const replaced = opts.env !== undefined && opts.env !== null && opts.env !== envProxy;
  args[i] = ObjectAssign({}, opts, { env: childEnv(replaced ? opts.env : undefined) });
  const file = str(args[0], 1024);
  const shell = shellCommand || !!opts.shell;
  let argv;
  if (api === 'fork') {
    const execArgv = ArrayIsArray(opts.execArgv) ? opts.execArgv : process.execArgv;
    argv = [str(opts.execPath || process.execPath), ...ArrayMap(execArgv, (x) => str(x, 512)), file, ...rest];
  } else if (shell) {
    const sh = typeof opts.shell === 'string' ? str(opts.shell) : '/bin/sh';
    argv = [sh, '-c', ArrayJoin([file, ...rest], ' ')];
  } else {
    argv = [file, ...rest];
  }
  const d = { file, argv, shell, env_replaced: replaced };
  if (replaced) d.hook_restored = true;
  return d;
}

// spawnFailed sends child/error for a call that returned without starting
// a process and without throwing: node's asynchronous APIs report EMFILE,
// ENFILE and EAGAIN (no pipe for the child's stdio, no process to fork)
// as an 'error' event later, leaving a ChildProcess without a pid, and
// spawnSync returns them as its result's error.
function spawnFailed(api, seq, out) {
  try {
    if (!isObject(out)) return;
    const failed = api === 'spawnSync' ? out.error !== undefined && !out.pid : api !== 'execSync' && api !== 'execFileSync' && out.pid === undefined;
    if (failed) rec('child', 'error', { of: seq, error: 'spawn-failed' });
  } catch (e) { hookError('child_process.' + api, e); }
}

// util.promisify(execFile) and util.promisify(exec) take the function's
// util.promisify.custom, which node binds to its own execFile: copied onto
// the wrapper as it is, it would start the process around the hook (a
// process_wrap spawn with no child record: a "bypass", as
// @puppeteer/browsers' promisified execFile of unzip was judged). The
// wrappers get one of their own that calls through them, with node's
// shape: a promise of { stdout, stderr }, the error carrying both, and
// .child the ChildProcess.
function execPromisified(w) {
  return function (...args) {
    let child;
    const promise = new PromiseCtor((resolve, reject) => {
      child = ReflectApply(w, this, [...args, (err, stdout, stderr) => {
        if (err !== null && err !== undefined) {
          err.stdout = stdout;
          err.stderr = stderr;
          reject(err);
        } else resolve({ stdout, stderr });
      }]);
    });
    promise.child = child;
    return promise;
  };
}
for (const api of ['exec', 'execFile']) {
  if (typeof childProcess[api] === 'function') MapSet(promisifyThrough, childProcess[api], execPromisified);
}

// A call that throws (bad arguments, execSync's failed command) gets a
// child/error record naming the first: the profiler expects a process
// started after every other child record.
for (const api of CHILD_API) {
  hookMethod(childProcess, api, 'child_process.' + api, (orig) => function (...args) {
    let seq = 0;
    if (!busy && nest.child === 0) {
      try { if (rec('child', api, prepareChild(api, args)) !== null) seq = recSeq; } catch (e) { hookError('child_process.' + api, e); }
    }
    nest.child++;
    try {
      const out = ReflectApply(orig, this, args);
      if (seq !== 0) spawnFailed(api, seq, out);
      return out;
    } catch (e) {
      if (seq !== 0) {
        let code = 'error';
        try { code = str(isObject(e) && e.code !== undefined ? e.code : e, 64); } catch { /* keep 'error' */ }
        rec('child', 'error', { of: seq, error: code });
      }
      throw e;
    } finally { nest.child--; }
  });
}

// ---------------------------------------------------------------------------
// In-flight I/O: what the harnesses wait for (bounded) after their linger,
// so that a detection does not depend on whether async work finished within
// it: DNS lookups and other requests, sockets connecting or carrying an
// HTTP request, child processes and worker threads still running. Idle
// pooled sockets (unreferenced by node's agent) and listening servers are
// not in flight.
let workersLive = 0;
const EmitterOnce = uncurry(require('events').EventEmitter.prototype.once);
const getActiveHandles = process._getActiveHandles, getActiveRequests = process._getActiveRequests;
const ChildProcessClass = childProcess.ChildProcess;
function inflight() {
  let n = workersLive;
  try {
    n += ReflectApply(getActiveRequests, process, []).length;
    const hs = ReflectApply(getActiveHandles, process, []);
    for (let i = 0; i < hs.length; i++) {
      const h = hs[i];
      if (isObject(h) && (h.connecting === true || isObject(h._httpMessage) || h instanceof ChildProcessClass)) n++;
    }
  } catch (e) { hookError('inflight', e); }
  return n;
}

// ---------------------------------------------------------------------------
// worker_threads: workers load the hook from NODE_OPTIONS in their env.
hookMethod(workerThreads, 'Worker', 'worker_threads.Worker', (orig) => function Worker(...args) {
  if (!new.target) return ReflectApply(orig, this, args); // throws like the original
  let creator;
  if (!busy) {
    try {
      const opts = isObject(args[1]) ? args[1] : {};
      const d = { eval: !!opts.eval };
      if (opts.eval) { const code = str(args[0], 1 << 20); d.code_len = code.length; d.code = StringSlice(code, 0, 120); }
      else d.file = args[0] instanceof URLCtor ? str(args[0].href) : str(args[0]);
      if (opts.env !== workerThreads.SHARE_ENV) {
        d.env_replaced = opts.env !== undefined && opts.env !== null && opts.env !== envProxy;
        args[1] = ObjectAssign({}, opts, { env: childEnv(d.env_replaced ? opts.env : undefined) });
      }
      // A worker given its own execArgv runs no preload unless it is there.
      const ea = isObject(args[1]) ? args[1].execArgv : undefined;
      if (ArrayIsArray(ea) && !hasHookRequire(ea)) {
        args[1] = ObjectAssign({}, args[1], { execArgv: ['--require', HOOK_FILE, ...ea] });
        d.hook_restored = true;
      }
      const a = rec('worker', 'start', d);
      if (a && a.pkg && a.pkg !== UNKNOWN) creator = a.pkg;
    } catch (e) { hookError('worker_threads.Worker', e); }
  }
  // The worker's hook takes the sequence counter and the key from
  // environment data that exists only while the worker is constructed. The
  // key is withheld when the port that carries it to the worker is no longer
  // node's (other code replaced MessagePort#postMessage: recorded).
  const give = { seq: seqBuffer, key: keyed && portIntact() ? keyCopy() : undefined, origin: creator };
  try { setEnvironmentData(HIDDEN_DATA, give); } catch (e) { hookError('worker key', e); }
  let w;
  try {
    w = ReflectConstruct(orig, args, new.target);
  } finally {
    try { setEnvironmentData(HIDDEN_DATA, undefined); } catch { /* reported above */ }
  }
  workersLive++;
  try { EmitterOnce(w, 'exit', () => { workersLive--; }); } catch (e) { workersLive--; hookError('worker exit', e); }
  return w;
});
// The class reached through an instance is the wrapper too, so that
// Worker.prototype.constructor does not lead around it.
try {
  const W = workerThreads.Worker;
  ObjectDefineProperty(W.prototype, 'constructor', { value: W, writable: true, enumerable: false, configurable: true });
} catch (e) { hookError('Worker.prototype.constructor', e); }
// hasHookRequire reports whether execArgv loads the hook.
function hasHookRequire(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--require' || a === '-r') && argv[i + 1] === HOOK_FILE) return true;
    if (a === '--require=' + HOOK_FILE) return true;
  }
  return false;
}
function keyCopy() {
  const k = new Int32ArrayCtor(16);
  for (let i = 0; i < 16; i++) k[i] = keyState[i];
  return k;
}
// Nobody else reads or writes the hook's environment data.
hookMethod(workerThreads, 'getEnvironmentData', 'worker_threads.getEnvironmentData', (orig) => function getEnvironmentData(key) {
  return key === HIDDEN_DATA ? undefined : ReflectApply(orig, this, arguments);
});
hookMethod(workerThreads, 'setEnvironmentData', 'worker_threads.setEnvironmentData', (orig) => function setEnvironmentData(key, value) {
  if (key === HIDDEN_DATA) { tamper('claim', 'worker environment data'); return undefined; }
  return ReflectApply(orig, this, arguments);
});

// ---------------------------------------------------------------------------
// Raw capabilities that bypass every wrapper above: process.binding and
// native addons. What they then do shows only in the syscall stream.
before(process, 'binding', 'process.binding', (args) => {
  bypasses++;
  const name = str(args[0], 64);
  rec('binding', 'binding', { name }, { dedupe: name });
  if (name === 'inspector') tamper('inspector', 'process.binding(inspector)'); // a session the wrappers below do not see
});
before(process, '_linkedBinding', 'process._linkedBinding', (args) => { bypasses++; rec('binding', 'linkedBinding', { name: str(args[0], 64) }, { dedupe: str(args[0], 64) }); });
before(process, 'dlopen', 'process.dlopen', (args) => {
  bypasses++;
  const p = fsPath(args[1]);
  if (p !== undefined && isMarker(p)) forged(p);
  rec('native', 'dlopen', { path: p, owner: p ? installPathOf(p) : undefined });
});

// ---------------------------------------------------------------------------
// eval, new Function, vm: the in-process inspector reports every
// compilation synchronously, with the compiling code on the stack; direct
// eval cannot be wrapped without changing its semantics, so this is how it
// is seen. Module.prototype._compile called by the code under test is an
// in-memory module.
const VM_FILES = /^node:(vm|internal\/vm)/;
function compiled(params, session, failed) {
  const u = params.url || '';
  if (StringStartsWith(u, 'node:') || StringStartsWith(u, 'wasm:')) return;
  // Who compiled: the frames between the inspector's dispatch and the
  // first user frame. The module loader compiling a file is not eval; vm
  // is; user code compiling directly (or a dispatcher calling eval
  // handed over as a callback, or no frame at all) is eval or Function.
  const cs = capture(24);
  const out = { ip: '', cs: null, file: '' };
  let sawLoader = false, sawVm = false, firstInternal = null, harness = false;
  for (let i = 0; i < cs.length; i++) {
    const t = frame(cs[i], out);
    if (t === F_HOOK || t === F_SKIP || t === F_ANON) continue;
    if (t === F_HARNESS) { harness = true; break; }
    if (t === F_USER) break;
    if (out.file === 'node:events' || out.file === 'node:inspector') continue;
    if (firstInternal === null) firstInternal = out.file;
    if (RegExpExec(LOADER, out.file)) sawLoader = true;
    else if (RegExpExec(VM_FILES, out.file)) sawVm = true;
  }
  let op;
  if (StringStartsWith(u, 'data:') || StringStartsWith(u, 'blob:')) op = 'import';
  else if (harness || sawLoader || loaderSite(out)) return; // the harness, the module loader
  else if (sawVm) op = 'vm';
  else if (firstInternal === null || RegExpExec(DISPATCH, firstInternal)) op = 'eval';
  else return; // node's own code
  const vmFile = op === 'vm';
  let source = '';
  try { session.post('Debugger.getScriptSource', { scriptId: params.scriptId }, (err, r) => { if (!err && r) source = r.scriptSource || ''; }); } catch { /* no source */ }
  if (op === 'eval' && RegExpExec(/^\((async )?function\*? anonymous\(/, source)) op = 'function';
  const d = { code_len: params.length !== undefined ? params.length : source.length, code: StringSlice(source, 0, 120) };
  if (params.hash) d.code_hash = StringSlice(String(params.hash), 0, 16);
  const file = StringStartsWith(u, 'file://') ? (() => { try { return fileURLToPath(u); } catch { return u; } })() : u;
  if (vmFile && u) d.filename = str(file);
  else if (op === 'eval' && u) d.source_url = str(u, 256); // //# sourceURL= cannot hide eval
  if (op === 'import') d.url = str(u, 120);
  if (failed) d.failed = true; // a syntax error: the code was evaluated all the same
  busy = false;
  const a = rec('eval', op, d, { dedupe: op + '\0' + (d.code_hash || d.code) });
  busy = true;
  // Frames of code compiled under a file name the package chose are the
  // package's, whatever the name (even a file of the function's own); a
  // data: or blob: module is the importer's.
  if ((vmFile || op === 'import') && u && a && a.pkg && a.pkg !== UNKNOWN) MapSet(codeOwners, file, a.pkg);
}
// loaderSite reports whether the user frame in out is one of a webpack
// bundle's module eval calls (loading a bundled module).
function loaderSite(out) {
  if (regions === null || out.cs === null || !SetHas(regionFiles, out.file)) return false;
  try { return regions.loaderSite(out.file, csLine(out.cs), csColumn(out.cs)); } catch { return false; }
}
// startInspector connects the inspector. Called with busy set, it records
// nothing of the scripts that enabling the debugger reports as already
// loaded. Code that does not parse is reported too: a payload is evaluated
// even when it turns out not to be JavaScript.
let inspectorOn = false;
function startInspector() {
  inspectorOn = true;
  const was = busy;
  busy = true;
  try {
    const inspector = require('inspector');
    const session = new inspector.Session();
    session.connect();
    const on = (failed) => (m) => {
      if (busy) return;
      busy = true;
      try { compiled(m.params, session, failed); } catch (e) { busy = false; hookError('scriptParsed', e); } finally { busy = false; }
    };
    session.on('Debugger.scriptParsed', on(false));
    session.on('Debugger.scriptFailedToParse', on(true));
    session.post('Debugger.enable', () => {});
    session.post('Debugger.setSkipAllPauses', { skip: true }, () => {}); // `debugger;` must never stop the code
  } catch (e) { hookError('inspector', e); } finally { busy = was; }
}
if (config.evalInspector) startInspector();

hookMethod(Module.prototype, '_compile', 'Module.prototype._compile', (orig) => function _compile(content, filename) {
  if (!busy) {
    let byLoader = true;
    busy = true;
    // The module loader, and node running a -e script (depbox's loaders), compile.
    try { const a = attribute(6); byLoader = a.first === F_INTERNAL && (RegExpExec(LOADER, a.firstFile) !== null || (a.firstFile === 'node:internal/process/execution' && filename === '[eval]-wrapper')); } catch { /* assume loader */ } finally { busy = false; }
    if (!byLoader) {
      const code = str(content, 1 << 20);
      const a = rec('eval', 'compile', { filename: str(filename), code_len: code.length, code: StringSlice(code, 0, 120) });
      if (a && a.pkg && a.pkg !== UNKNOWN && typeof filename === 'string') MapSet(codeOwners, filename, a.pkg);
    }
  }
  return ReflectApply(orig, this, arguments);
});

// module.register: a package installing ES module loader hooks (see
// substitutedBy).
if (typeof Module.register === 'function') {
  before(Module, 'register', 'module.register', (args) => {
    const a = rec('eval', 'loader', { specifier: str(args[0], 200) });
    if (!a || a.pkg === '') return; // the function's own loader: its choice
    if (sha256 === null) {
      const crypto = require('crypto');
      const createHash = crypto.createHash;
      sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
    }
    loaderRegistrant = loaderRegistrant === undefined || loaderRegistrant === a.pkg ? a.pkg : UNKNOWN;
  });
}

// ---------------------------------------------------------------------------
// The kernel: uname() in the sandbox names gVisor's, which gives the
// analysis away; os.release() and os.version() answer what /proc shows
// (depbox mounts Lambda's kernel there). Read once, at start-up.
{
  let release, version;
  try { release = StringTrim(fsReadFileSync('/proc/sys/kernel/osrelease', 'utf8')); } catch { /* no /proc */ }
  try {
    const m = RegExpExec(/#\d+ SMP [^\n]*/, fsReadFileSync('/proc/version', 'utf8'));
    if (m !== null) version = m[0];
  } catch { /* no /proc */ }
  const os = require('os');
  if (release) hookMethod(os, 'release', 'os.release', () => function release_() { return release; });
  if (version) hookMethod(os, 'version', 'os.version', () => function version_() { return version; });
}

// ---------------------------------------------------------------------------
// Environment signals: where and when the code runs. Payloads gated on the
// host, the user, the locale, the time zone or the date look at these
// (environment variables are recorded by the process.env proxy); records of
// Kind "world" name who looked, and depbox re-runs those packages in other
// worlds (docs/world.md). Node's own reads are not recorded. In the world
// where the date is later, the clock JavaScript reads is moved ahead by
// config.dateOffsetMs.
{
  const os = require('os');
  const looked = (op) => { rec('world', op, {}, { dedupe: op, skip: 'env' }); };
  for (const name of ['hostname', 'homedir', 'userInfo', 'networkInterfaces']) {
    before(os, name, 'os.' + name, () => looked(name));
  }
  const DTF = Intl.DateTimeFormat;
  if (DTF) before(DTF.prototype, 'resolvedOptions', 'Intl.DateTimeFormat.prototype.resolvedOptions', () => looked('intl'));
  // Clock reads are many (loggers read it per line): each costs a look
  // at the stack, so after clockLimit of them in a process they are no
  // longer recorded; who reads it has long been named by then.
  const clockLimit = 100000;
  let clockReads = 0;
  const clock = () => { if (!busy && clockReads < clockLimit) { clockReads++; looked('clock'); } };
  const OrigDate = Date;
  before(OrigDate.prototype, 'getTimezoneOffset', 'Date.prototype.getTimezoneOffset', () => looked('timezone'));
  const offset = config.dateOffsetMs;
  const origNow = OrigDate.now;
  const shifted = () => ReflectApply(origNow, OrigDate, []) + offset;
  hookMethod(OrigDate, 'now', 'Date.now', () => function now() {
    clock();
    return shifted();
  });
  // new Date() and Date(): a Proxy, so that every static (Date.UTC,
  // Date.parse) and instanceof stay the original's; Date.prototype's
  // constructor is the Proxy, as it is the global Date.
  const proxy = new ProxyCtor(OrigDate, {
    construct(t, args, nt) {
      if (args.length !== 0) return ReflectConstruct(t, args, nt === proxy ? t : nt);
      clock();
      return ReflectConstruct(t, offset !== 0 ? [shifted()] : [], nt === proxy ? t : nt);
    },
    apply(t, self, args) {
      clock();
      return offset !== 0 ? ReflectApply(OrigDate.prototype.toString, new OrigDate(shifted()), []) : ReflectApply(t, self, args);
    },
  });
  WeakMapSet(originalOf, proxy, OrigDate); // prints as the original
  try {
    ObjectDefineProperty(OrigDate.prototype, 'constructor', { value: proxy, writable: true, enumerable: false, configurable: true });
    globalThis.Date = proxy;
    dateProxy = proxy;
  } catch (e) { hookError('Date', e); }
}

// The fake internet's TLS authority, made for the run (docs/world.md):
// every secure context node makes trusts it, so that a request over HTTPS
// gets the fake internet's answer. It is read from the control directory;
// NODE_EXTRA_CA_CERTS would show in the environment.
{
  let ca = null;
  try { ca = fsReadFileSync(HOOK_DIR + 'extra-ca.pem', 'utf8'); } catch { /* a run without the fake internet */ }
  if (ca !== null) {
    const tls = require('tls');
    hookMethod(tls, 'createSecureContext', 'tls.createSecureContext', (orig) => function createSecureContext(...args) {
      const ctx = ReflectApply(orig, this, args);
      try { ctx.context.addCACert(ca); } catch (e) { hookError('tls.createSecureContext', e); }
      return ctx;
    });
  }
}

// ---------------------------------------------------------------------------
// Timers: long delays are brought forward to the budget, so that payloads
// waiting for minutes run while depbox watches. The callback's records
// still name the package that scheduled it (async origin).
//
// Each brought-forward timer is followed until it fires or is cleared: a
// site (api, delay, call site) gets an id; its first firing is recorded as
// "fired" and, once the callback's synchronous part returned, "done" (what
// lies between the two records is what the delayed code did); a clear before
// any firing is "cleared"; and at exit (or when the harness asks) every site
// with timers neither fired nor cleared is "unfired". A brought-forward timer
// cannot be unref'd: it keeps the process alive until it fired, so that a
// payload cannot hide behind unref(). depbox makes a profile with unfired
// timers incomplete (docs/rules.md).
const timers = require('timers');
const timersPromises = require('timers/promises');
const timerSites = new SafeMap(); // dedupe key → { id, a, api, delay, pending, fired, cleared }
const timerOf = new SafeWeakMap(); // Timeout object → its site, while pending
let timerSeq = 0;
let timersPending = 0;
function timerSettle(site, how) {
  if (site.pending > 0) { site.pending--; timersPending--; }
  // A timer cleared before it fired, or one the hook does not follow (an
  // async iterator, a call node rejects), is accounted for once per site.
  if ((how === 'cleared' || how === 'untracked') && site.fired === 0 && site.cleared++ === 0) {
    const was = busy;
    busy = true;
    try { emit('timer', how, { id: site.id, api: site.api, delay_ms: site.delay }, site.a); } catch (e) { hookError('timer', e); } finally { busy = was; }
  }
}
function timerFire(site, fn, self, args) {
  if (site.fired++ > 0) return ReflectApply(fn, self, args);
  const was = busy;
  busy = true;
  try { emit('timer', 'fired', { id: site.id, api: site.api, delay_ms: site.delay }, site.a); } catch (e) { hookError('timer', e); } finally { busy = was; }
  try {
    return ReflectApply(fn, self, args);
  } finally {
    const w2 = busy;
    busy = true;
    try { emit('timer', 'done', { id: site.id }, site.a); } catch (e) { hookError('timer', e); } finally { busy = w2; }
  }
}
// unfiredTimers records every site with timers still pending.
function unfiredTimers() {
  for (const site of timerSites.values()) {
    // A site whose callback ran once ran (a poller that re-arms itself
    // always leaves one pending).
    if (site.pending <= 0 || site.fired > 0) continue;
    try { emit('timer', 'unfired', { id: site.id, api: site.api, delay_ms: site.delay, pending: site.pending }, site.a); } catch (e) { hookError('timer', e); }
  }
}
function timerSite(api, delay, a) {
  const key = api + '\0' + delay + '\0' + (a ? a.site + '\0' + a.pkg + '\0' + (a.origin || '') : '');
  let site = MapGet(timerSites, key);
  if (site === undefined) {
    site = { id: ++timerSeq, a: a || { pkg: UNKNOWN }, api, delay, pending: 0, fired: 0, cleared: 0 };
    if (MapSize(timerSites) < 10000) MapSet(timerSites, key, site);
  }
  return site;
}
function timerWrapper(api, delayIndex) {
  return (orig) => function (...args) {
    const budget = config.timerBudgetMs;
    if (budget > 0 && !busy) {
      const delay = Number(args[delayIndex]);
      if (delay > budget && delay <= 2 ** 31 - 1) {
        let a = null;
        busy = true;
        try { a = attribute(config.stackLimit); } catch { /* treat as user */ } finally { busy = false; }
        // The harness's timers and node's own (undici's, for one) keep their
        // delays; a dispatcher (a timer armed from a callback) does not count
        // as node's own.
        const own = a !== null && (a.harness || (a.first === F_INTERNAL && !RegExpExec(DISPATCH, a.firstFile)));
        if (!own) {
          const site = timerSite(api, delay, a);
          rec('timer', 'brought-forward', { id: site.id, api, delay_ms: delay, brought_forward: budget }, { attr: a || undefined, dedupe: api + '\0' + delay + '\0' + (a ? a.site : '') });
          args[delayIndex] = budget;
          site.pending++;
          timersPending++;
          if (delayIndex === 1 && typeof args[0] !== 'function') {
            timerSettle(site, 'untracked'); // node throws for it
            return new.target ? ReflectConstruct(orig, args, new.target) : ReflectApply(orig, this, args);
          }
          if (delayIndex === 1) {
            // Callback timers: the first call settles it (an interval keeps
            // firing, but it ran).
            const fn = args[0];
            let settled = false;
            let tref;
            args[0] = function (...cbArgs) {
              if (!settled) { settled = true; timerSettle(site, 'fired'); MapDelete(pendingTimeouts, tref); }
              return timerFire(site, fn, this, cbArgs);
            };
            const t = new.target ? ReflectConstruct(orig, args, new.target) : ReflectApply(orig, this, args);
            if (t !== null && typeof t === 'object') {
              tref = t;
              const entry = { site, settle() { if (!settled) { settled = true; timerSettle(site, 'cleared'); } MapDelete(pendingTimeouts, t); } };
              WeakMapSet(timerOf, t, entry);
              MapSet(pendingTimeouts, t, entry);
              // Pending brought-forward timers keep the process alive; close()
              // (which node implements without the global clearTimeout)
              // clears.
              const close = t.close;
              try {
                ObjectDefineProperty(t, 'unref', { value: function () { return this; }, writable: true, configurable: true });
                if (typeof close === 'function') ObjectDefineProperty(t, 'close', { value: function () { entry.settle(); return ReflectApply(close, this, arguments); }, writable: true, configurable: true });
              } catch { /* frozen */ }
            }
            return t;
          }
          // timers/promises: settles with the promise.
          let pr;
          try {
            pr = new.target ? ReflectConstruct(orig, args, new.target) : ReflectApply(orig, this, args);
          } catch (e) {
            timerSettle(site, 'untracked');
            throw e;
          }
          if (pr && typeof pr.then === 'function') {
            let settled = false;
            const done = (how) => { if (!settled) { settled = true; timerSettle(site, how); if (how === 'fired' && site.fired++ === 0) { const was = busy; busy = true; try { emit('timer', 'fired', { id: site.id, api: site.api, delay_ms: site.delay }, site.a); emit('timer', 'done', { id: site.id }, site.a); } catch (e) { hookError('timer', e); } finally { busy = was; } } } };
            try { PromisePrototypeThen(pr, () => done('fired'), () => done('cleared')); } catch (e) { hookError('timer', e); }
          } else {
            timerSettle(site, 'untracked'); // an async iterator (timers/promises.setInterval): not followed
          }
          return pr;
        }
      }
    }
    return new.target ? ReflectConstruct(orig, args, new.target) : ReflectApply(orig, this, args);
  };
}
const pendingTimeouts = new SafeMap(); // Timeout → entry, while pending
function clearWrapper(orig) {
  return function (t) {
    if (t !== null && typeof t === 'object') {
      const e = WeakMapGet(timerOf, t);
      if (e !== undefined) e.settle();
    } else if ((typeof t === 'number' || typeof t === 'string') && MapSize(pendingTimeouts) > 0) {
      // clearTimeout(+timeout): the primitive id node hands out.
      for (const [obj, e] of pendingTimeouts) {
        let id;
        try { id = obj[SymbolToPrimitive](); } catch { continue; }
        if (id == t) { e.settle(); break; } // eslint-disable-line eqeqeq
      }
    }
    return ReflectApply(orig, this, arguments);
  };
}
// The import loaders (not the harness: they run as node -e) wait for
// pending brought-forward timers before they exit; this read-only property
// tells them how many there are and the budget, and how much I/O is in
// flight (inflight), which the harnesses let finish after their linger.
try {
  ObjectDefineProperty(process, SymbolFor('depbox.timers'), {
    enumerable: false, configurable: false,
    get() { return ObjectFreeze({ pending: timersPending, budget: config.timerBudgetMs, inflight: inflight(), workers: workersLive }); },
  });
} catch (e) { hookError('timers', e); }
for (const obj of [globalThis, timers]) {
  hookMethod(obj, 'setTimeout', 'setTimeout', timerWrapper('setTimeout', 1));
  hookMethod(obj, 'setInterval', 'setInterval', timerWrapper('setInterval', 1));
  hookMethod(obj, 'clearTimeout', 'clearTimeout', clearWrapper);
  hookMethod(obj, 'clearInterval', 'clearInterval', clearWrapper);
}
hookMethod(timersPromises, 'setTimeout', 'timers/promises.setTimeout', timerWrapper('timers/promises.setTimeout', 0));
hookMethod(timersPromises, 'setInterval', 'timers/promises.setInterval', timerWrapper('timers/promises.setInterval', 0));
if (timersPromises.scheduler) hookMethod(timersPromises.scheduler, 'wait', 'timers/promises.scheduler.wait', timerWrapper('scheduler.wait', 0));

// ---------------------------------------------------------------------------
// Ending the process, and signals. Who ends the process early
// (process.exit, process.reallyExit, process.abort, a signal to itself or
// its group) is recorded before it happens, so that the problem it makes
// names the package; a signal to another process after, with its result
// (depbox's runner, pid 1 and the steps' parent, answers EPERM).
const processPid = process.pid;
before(process, 'exit', 'process.exit', (args) => rec('exit', 'exit', { code: str(args[0] === undefined ? process.exitCode : args[0], 40) }));
before(process, 'reallyExit', 'process.reallyExit', (args) => rec('exit', 'reallyExit', { code: str(args[0], 40) }));
before(process, 'abort', 'process.abort', () => rec('exit', 'abort', {}));
hookMethod(process, 'kill', 'process.kill', (orig) => function kill(pid, sig) {
  const n = Number(pid);
  let target = 'other';
  if (n === processPid) target = 'self';
  else if (n === 1) target = 'init';
  else if (n === process.ppid) target = 'parent';
  else if (!(n > 0)) target = 'group';
  const signal = str(sig === undefined ? 'SIGTERM' : sig, 40);
  const ownEnd = target === 'self' || target === 'group';
  if (ownEnd) rec('signal', 'kill', { pid: str(pid, 40), target, signal }); // it may not return
  let result = 'ok';
  try {
    return ReflectApply(orig, this, arguments);
  } catch (e) {
    try { result = str(e && e.code ? e.code : 'error', 40); } catch { result = 'error'; }
    throw e;
  } finally {
    if (!ownEnd) rec('signal', 'kill', { pid: str(pid, 40), target, signal, result });
  }
});

// ---------------------------------------------------------------------------
// Replacing the global Error lets code format stacks for the hook: noted.
{
  let current = globalThis.Error;
  try {
    ObjectDefineProperty(globalThis, 'Error', {
      enumerable: false, configurable: true,
      get() { return current; },
      set(v) { if (v !== current) tamper('overwrite', 'Error'); current = v; },
    });
  } catch (e) { hookError('Error', e); }
}

// ---------------------------------------------------------------------------
// Quiet invocations. The harness's "invoke"/"start" record is held back
// until anything else is recorded; an invocation that ends ok with nothing
// recorded in it, by any thread, sends neither its start nor its end
// record but joins a run of such invocations, sent as one "invoke"/"quiet"
// record (Detail: from, to — the first and last invocation's n — and
// count) before the next record. In gVisor every record is a marker open
// and a monitoring event: the two records were most of what an invocation
// cost. A worker thread's record during an invocation arrives before the
// invocation's start record, which is sent late.
const HARNESS = { pkg: '', chain: [] };
let heldStart = null; // the held start record's detail and the record count then
let quietRun = null; // { from, to }
const recordCount = () => Number(AtomicsLoad(seqCells, 0));
function flushHeld() {
  const q = quietRun, h = heldStart;
  quietRun = null;
  heldStart = null;
  if (q !== null) emit('invoke', 'quiet', { from: q.from, to: q.to, count: q.to - q.from + 1 }, HARNESS);
  if (h !== null) emit('invoke', 'start', h.detail, HARNESS);
}
// pristinePromise reports whether p is a native promise that then() can be
// called on without running any code but V8's: no own then or
// constructor, and Promise's then, constructor and species as they were.
function pristinePromise(p) {
  try {
    if (!isObject(p) || ReflectGetPrototypeOf(p) !== PromisePrototype) return false;
    if (ReflectGetOwnPropertyDescriptor(p, 'then') !== undefined || ReflectGetOwnPropertyDescriptor(p, 'constructor') !== undefined) return false;
    const then = ReflectGetOwnPropertyDescriptor(PromisePrototype, 'then');
    const ctor = ReflectGetOwnPropertyDescriptor(PromisePrototype, 'constructor');
    const species = ReflectGetOwnPropertyDescriptor(PromiseCtor, SymbolSpecies);
    return then !== undefined && then.value === PromiseThen && ctor !== undefined && ctor.value === PromiseCtor &&
      species !== undefined && species.get === PromiseSpecies;
  } catch { return false; }
}

// harnessRecord sends (or holds back) one of the harness's records.
function harnessRecord(kind, op, detail) {
  if ((kind === 'invoke' || kind === 'batch') && op === 'start') resetDedupe();
  if (kind === 'invoke' && op === 'start' && isObject(detail)) {
    if (heldStart !== null) flushHeld();
    heldStart = { detail, count: recordCount() };
    return;
  }
  if (kind === 'invoke' && op === 'end' && heldStart !== null && isObject(detail) && detail.status === 'ok' &&
      detail.n === heldStart.detail.n && typeof detail.n === 'number' && recordCount() === heldStart.count) {
    heldStart = null;
    if (quietRun !== null && quietRun.to + 1 !== detail.n) flushHeld();
    if (quietRun === null) quietRun = { from: detail.n, to: detail.n };
    else quietRun.to = detail.n;
    return;
  }
  emit(String(kind), String(op), detail, HARNESS);
}

// node's internals, called directly. process.binding('fs' | 'spawn_sync' |
// 'process_wrap' | 'tcp_wrap' | 'pipe_wrap' | 'cares_wrap') hands out the
// very objects node's own modules call, below every wrapper above. Their
// functions that open files, start processes, connect or resolve names are
// wrapped where they live: node's own calls (a hooked API of the same family
// is running, or node's frames called) pass untouched; a call from other
// code is recorded like the API it stands for, with a tamper/bypass record
// naming the caller; a marker path opened through one is a forgery.

// direct reports whether a binding function was called by code other than
// node's own. Processes are only ever started from the hooked
// child_process API, so for them any call outside it counts.
function direct(family) {
  if (busy || nest[family] > 0) return false;
  let q;
  busy = true;
  try { q = quick(6); } catch { return false; } finally { busy = false; }
  if (q.harness) return false;
  return family === 'child' || q.first !== F_INTERNAL || RegExpExec(DISPATCH, q.firstFile) !== null;
}
// bypass records what a direct call did and, once per package and target,
// that it went around the hook.
const bypassed = new SafeSet();
function bypass(kind, op, d, target) {
  bypasses++;
  const a = rec(kind, op, d);
  if (a === null) return;
  const key = target + '\0' + a.pkg;
  if (SetHas(bypassed, key)) return;
  SetAdd(bypassed, key);
  const was = busy;
  busy = true;
  try { emit('tamper', 'bypass', { target }, a); } catch { /* ignore */ } finally { busy = was; }
}
function bindingPath(p) {
  if (typeof p === 'string' || BufferIsBuffer(p)) return fsPath(p);
  return undefined;
}

// name → [op, index of the path argument, index of a destination path]
const FS_BINDING = {
  open: ['open', 0], openFileHandle: ['open', 0], readFileUtf8: ['read', 0], writeFileUtf8: ['write', 0],
  copyFile: ['copy', 0, 1], readdir: ['list', 0], internalModuleReadJSON: ['read', 0], getFormatOfExtensionlessFile: ['read', 0],
};
for (const name of ObjectKeys(FS_BINDING)) {
  const [op, pi, di] = FS_BINDING[name];
  hookMethod(fsBinding, name, 'process.binding(fs).' + name, (orig) => function (...args) {
    if (!busy && nest.fs === 0) {
      try {
        const p = bindingPath(args[pi]), dest = di !== undefined ? bindingPath(args[di]) : undefined;
        if (isMarker(p) || isMarker(dest)) forged(isMarker(p) ? p : dest);
        else if (!(name === 'internalModuleReadJSON' && p !== undefined && StringEndsWith(p, '/package.json')) && direct('fs')) {
          const d = { api: 'process.binding(fs).' + name, path: p };
          if (dest !== undefined) d.dest = dest;
          let o = op;
          if (op === 'open') { o = openOp(args[1]); if (typeof args[1] === 'number') d.flags = args[1]; }
          bypass('fs', o, d, 'process.binding(fs).' + name);
        }
      } catch (e) { hookError('process.binding(fs).' + name, e); }
    }
    return ReflectApply(orig, this, args);
  });
}

function childBinding(binding, op) {
  return (orig) => function spawn(options) {
    if (!busy) {
      try {
        if (direct('child')) {
          const o = isObject(options) ? options : {};
          const file = str(o.file, 1024);
          const argv = ArrayIsArray(o.args) ? ArrayMap(o.args, (x) => str(x, 512)) : [file];
          bypass('child', op, { api: 'process.binding(' + binding + ').spawn', file, argv, shell: false }, 'process.binding(' + binding + ').spawn');
        }
      } catch (e) { hookError('process.binding(' + binding + ')', e); }
    }
    return ReflectApply(orig, this, arguments);
  };
}
try {
  hookMethod(process.binding('spawn_sync'), 'spawn', 'process.binding(spawn_sync).spawn', childBinding('spawn_sync', 'spawnSync'));
  hookMethod(process.binding('process_wrap').Process.prototype, 'spawn', 'process.binding(process_wrap).Process#spawn', childBinding('process_wrap', 'spawn'));
  const tcp = process.binding('tcp_wrap').TCP.prototype;
  for (const name of ['connect', 'connect6']) {
    hookMethod(tcp, name, 'process.binding(tcp_wrap).TCP#' + name, (orig) => function (req, address, port) {
      if (!busy) {
        try { if (direct('net')) bypass('net', 'connect', { api: 'process.binding(tcp_wrap).' + name, host: str(address, 512), port: Number(port) }, 'process.binding(tcp_wrap).connect'); } catch (e) { hookError('tcp_wrap', e); }
      }
      return ReflectApply(orig, this, arguments);
    });
  }
  const udp = process.binding('udp_wrap').UDP.prototype;
  for (const name of ['connect', 'connect6']) {
    hookMethod(udp, name, 'process.binding(udp_wrap).UDP#' + name, (orig) => function (address, port) {
      if (!busy) {
        try { if (direct('net')) bypass('net', 'connect', { api: 'process.binding(udp_wrap).' + name, host: str(address, 512), port: Number(port), proto: 'udp' }, 'process.binding(udp_wrap).connect'); } catch (e) { hookError('udp_wrap', e); }
      }
      return ReflectApply(orig, this, arguments);
    });
  }
  hookMethod(process.binding('pipe_wrap').Pipe.prototype, 'connect', 'process.binding(pipe_wrap).Pipe#connect', (orig) => function (req, address) {
    if (!busy) {
      try { if (direct('net')) bypass('net', 'connect', { api: 'process.binding(pipe_wrap).connect', path: str(address) }, 'process.binding(pipe_wrap).connect'); } catch (e) { hookError('pipe_wrap', e); }
    }
    return ReflectApply(orig, this, arguments);
  });
  hookMethod(process.binding('cares_wrap'), 'getaddrinfo', 'process.binding(cares_wrap).getaddrinfo', (orig) => function (req, hostname) {
    if (!busy) {
      try { if (direct('dns')) bypass('dns', 'lookup', { api: 'process.binding(cares_wrap).getaddrinfo', host: str(hostname, 512) }, 'process.binding(cares_wrap).getaddrinfo'); } catch (e) { hookError('cares_wrap', e); }
    }
    return ReflectApply(orig, this, arguments);
  });
} catch (e) { hookError('bindings', e); }

// The inspector can read this file's closures (the key among them): a
// session opened by other code is tampering.
try {
  const inspector = require('inspector');
  before(inspector.Session.prototype, 'connect', 'inspector.Session.prototype.connect', () => tamper('inspector', 'inspector.Session#connect'));
  before(inspector.Session.prototype, 'connectToMainThread', 'inspector.Session.prototype.connectToMainThread', () => tamper('inspector', 'inspector.Session#connectToMainThread'));
  before(inspector, 'open', 'inspector.open', () => tamper('inspector', 'inspector.open'));
} catch (e) { hookError('inspector wrappers', e); }
before(process, '_debugProcess', 'process._debugProcess', () => tamper('inspector', 'process._debugProcess'));

// ---------------------------------------------------------------------------
// The harness API: the invoke harness (a file beside this one) claims it
// once, before it loads any code under test. Anyone else asking is
// recorded as tampering.
let claimed = false;
function claim() {
  let a;
  busy = true;
  try { a = attribute(8); } finally { busy = false; }
  if (claimed || !a.harness) {
    tamperNoted('claim', 'hook', a);
    return undefined;
  }
  claimed = true;
  return ObjectFreeze({
    // record sends a harness record (Kind "invoke", "module" …). An
    // "invoke"/"start" or "batch"/"start" record begins a new
    // deduplication window; quiet invocations are sent together (see
    // harnessRecord).
    record(kind, op, detail) {
      const was = busy;
      busy = true;
      try { harnessRecord(kind, op, detail); } catch (e) { hookError('harness', e); } finally { busy = was; }
    },
    // then attaches the harness's callbacks to a promise the handler
    // returned. For a native promise whose then, constructor and species
    // are untouched — so that attaching runs no code under test — the
    // promise that attaching creates is not attributed (a stack capture
    // less per invocation); anything else is attached the ordinary way.
    then(p, onOk, onErr) {
      if (!pristinePromise(p)) return p.then(onOk, onErr);
      const was = busy;
      busy = true;
      try { return ReflectApply(PromiseThen, p, [onOk, onErr]); } finally { busy = was; }
    },
    // timers are the original timer functions, for the harness's own
    // timeouts (they are never brought forward, and cost no attribution).
    timers: ObjectFreeze({ setTimeout: OriginalSetTimeout, clearTimeout: OriginalClearTimeout }),
    // verify reports hooked functions redefined since the last check.
    verify() { const was = busy; busy = true; try { verify(); } finally { busy = was; } },
    // state counts the calls that bypass every wrapper (process.binding,
    // native addons) and the tamperings noted so far: the batch loader
    // trusts no later package in a process where either grew.
    state() { return { bypasses, tampers: SetSize(tampered) }; },
    timerBudgetMs: config.timerBudgetMs,
    // pendingTimers is how many brought-forward timers have neither fired
    // nor been cleared.
    pendingTimers() { return timersPending; },
  });
}
module.exports = { claim };

process.on('exit', () => { busy = true; try { verify(); unfiredTimers(); } catch { /* exiting */ } });

// Builtin ES modules (import fs from 'fs') see the wrapped functions.
try { Module.syncBuiltinESMExports(); } catch { /* older node */ }
busy = false;
