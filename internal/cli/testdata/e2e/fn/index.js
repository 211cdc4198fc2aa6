// The function under test: greets the caller, padded.
const greet = require('greeter');
const pad = require('left-pad');
exports.handler = async (event) => ({ statusCode: 200, body: pad(greet(event && event.name), 20) });
