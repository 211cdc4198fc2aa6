// A function from a monorepo whose build tool, nx, ended up in the
// function's dependencies (a common packaging slip).
const nx = require('nx');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ nx: nx.version }) });
