// A function searching a feed with an internal package whose name a public
// 999.0.0 took.
const { search } = require('search-from-feed');

exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(search([], (event && event.q) || '')) });
