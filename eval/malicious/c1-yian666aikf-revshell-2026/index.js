// A function that reverses a string with yian666aikf's helpers.
const { reverse } = require('yian666aikf');

exports.handler = async (event) => ({ statusCode: 200, body: reverse((event && event.s) || 'abc') });
