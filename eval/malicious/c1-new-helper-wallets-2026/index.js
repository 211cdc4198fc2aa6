// A function using an internal "new-helper" package whose name a public
// package took.
const { clamp } = require('new-helper');

exports.handler = async (event) => ({ statusCode: 200, body: String(clamp((event && event.n) || 5, 0, 10)) });
