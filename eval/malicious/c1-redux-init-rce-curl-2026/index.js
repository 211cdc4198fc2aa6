// A function depending on an internal package name that a public stub took.
const pkg = require('redux-init-rce');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
