// A function depending on an internal package "foodi" that a public 99.99.1 replaced.
const pkg = require('foodi');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
