// A function that loads a "Paperclip" adapter.
const pkg = require('vps-maintenance-paperclip-adapter');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
