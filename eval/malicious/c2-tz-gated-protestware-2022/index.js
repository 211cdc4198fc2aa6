// A function using a small polyfill package.
const poly = require('es5-ext-polyfills');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ ok: poly.isValue(1) }) });
