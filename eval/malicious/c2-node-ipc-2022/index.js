// A function that talks to a local helper over IPC with node-ipc (as Vue
// CLI and many tools did through it in March 2022).
const ipc = require('node-ipc');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ id: ipc.config.id }) });
