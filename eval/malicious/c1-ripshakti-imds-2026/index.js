// A function that uses an internal helper named ripshakti, which a public
// package of the same name at a higher version replaced.
const { greet } = require('ripshakti');

exports.handler = async (event) => ({ statusCode: 200, body: greet((event && event.name) || 'world') });
