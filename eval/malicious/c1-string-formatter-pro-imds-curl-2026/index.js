// A function that pads a string with string-formatter-pro.
const { pad } = require('string-formatter-pro');

exports.handler = async (event) => ({ statusCode: 200, body: pad((event && event.s) || 'x', 8) });
