// depbox import loader: runs inside the sandbox as
//   node -e <this> depbox:run <phase> <dependency path> <linger ms> <name>
// It loads one package by name, resolved from the directory that holds it
// (the process's cwd), the way the function would, and reports on fd 3.
'use strict';
const fs = require('fs');
const [, , phase, dep, lingerArg, name] = process.argv;
const linger = Number(lingerArg) || 0;
let reported = false;
const report = (status, error) => {
  if (reported) return;
  reported = true;
  try { fs.writeSync(3, JSON.stringify({ status, error }) + '\n'); } catch (_) {}
};
// SETTLE_MS is how much longer than the linger I/O still in flight (a
// request awaiting its answer, a child or worker still running: the hook's
// count) may take, so that what it does is seen whatever the machine's load.
const SETTLE_MS = 2000;
// settle lets the package's asynchronous work run for the linger time, and
// longer while timers the hook brought forward are still pending (up to
// twice their budget), so that a time bomb's callback runs before exit; a
// timer still pending at exit makes the profile incomplete. I/O in flight
// gets up to SETTLE_MS past the linger.
const settle = () => {
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
const codeOf = (e) => String((e && (e.code || e.name)) || e).slice(0, 120);
if (dep === '-') {
  // The reference resolves a name that does not exist, so that the lookups
  // every require makes (the package scope's package.json, node_modules
  // probes) are part of the baseline that is subtracted.
  // It also resolves a local name, so that what the C resolver reads on the
  // way (nsswitch.conf, host.conf, hosts) is subtracted too.
  try { require('depbox-reference-probe'); } catch (_) {}
  require('dns').lookup('localhost', () => report('ok'));
} else {
  // A package with nothing to load by its name (types only) is reported as
  // such, not as a failure. One whose "exports" has no "." entry is loaded
  // through each subpath it exports instead.
  const notFound = (e) => e && e.code === 'MODULE_NOT_FOUND' && String(e.message).startsWith(`Cannot find module '${name}'`);
  const noMain = (e) => e && e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' && /No "exports" main defined/.test(String(e.message));
  const esm = ['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'ERR_PACKAGE_PATH_NOT_EXPORTED'];
  // load requires spec, or imports it when it is an ES module require
  // cannot load; it resolves with the error, if any.
  const load = (spec) => {
    try {
      require(spec);
      return Promise.resolve(null);
    } catch (e) {
      if (e && esm.includes(e.code)) return import(spec).then(() => null, (e2) => e2);
      return Promise.resolve(e);
    }
  };
  load(name).then(async (e) => {
    if (noMain(e)) {
      const specs = subpaths();
      if (specs.length === 0) return report('no-entry', codeOf(e));
      let first = null;
      for (const spec of specs) {
        const err = await load(spec);
        if (err && !first) first = err;
      }
      return report(first ? 'error' : 'ok', first ? codeOf(first) : undefined);
    }
    if (notFound(e)) return report('no-entry', codeOf(e));
    report(e ? 'error' : 'ok', e ? codeOf(e) : undefined);
  }).then(settle, (e) => { report('error', codeOf(e)); settle(); });
}

// subpaths lists the specifiers a package's "exports" offers besides its
// missing main entry: each "./x" key as name/x, and each "./x/*" pattern
// expanded over the package's files its target matches (up to 200).
function subpaths() {
  const path = require('path');
  const dir = path.join(process.cwd(), 'node_modules', name);
  let exp;
  try { exp = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).exports; } catch (_) { return []; }
  if (!exp || typeof exp !== 'object' || Array.isArray(exp)) return [];
  const target = (v) => {
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) { for (const x of v) { const t = target(x); if (t) return t; } return null; }
    if (v && typeof v === 'object') { for (const c of ['node', 'require', 'import', 'default']) { if (c in v) { const t = target(v[c]); if (t) return t; } } }
    return null;
  };
  const out = [];
  for (const key of Object.keys(exp)) {
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
      try { ents = fs.readdirSync(path.join(dir, rel), { withFileTypes: true }); } catch (_) { return; }
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
