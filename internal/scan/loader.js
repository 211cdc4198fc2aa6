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
// settle lets the package's asynchronous work run for the linger time, and
// longer while timers the hook brought forward are still pending (up to
// twice their budget), so that a time bomb's callback runs before exit; a
// timer still pending at exit makes the profile incomplete.
const settle = () => {
  const t0 = Date.now();
  const pending = () => { try { return process[Symbol.for('depbox.timers')] || { pending: 0, budget: 0 }; } catch (_) { return { pending: 0, budget: 0 }; } };
  const tick = () => {
    const waited = Date.now() - t0;
    const t = pending();
    if (waited >= linger && (t.pending === 0 || waited >= linger + 2 * t.budget + 250)) process.exit(0);
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
  // A package with nothing to load by its name (types only, or "exports"
  // without a main entry) is reported as such, not as a failure.
  const noEntry = (e) => e && (
    (e.code === 'MODULE_NOT_FOUND' && String(e.message).startsWith(`Cannot find module '${name}'`)) ||
    (e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' && /No "exports" main defined/.test(String(e.message))));
  const failed = (e) => { report(noEntry(e) ? 'no-entry' : 'error', codeOf(e)); settle(); };
  try {
    require(name);
    report('ok');
    settle();
  } catch (e) {
    const esm = ['ERR_REQUIRE_ESM', 'ERR_REQUIRE_ASYNC_MODULE', 'ERR_PACKAGE_PATH_NOT_EXPORTED'];
    if (e && esm.includes(e.code)) {
      import(name).then(() => { report('ok'); settle(); }, failed);
    } else {
      failed(e);
    }
  }
}
