// A function that parses large payloads off the main thread with a
// worker-pool helper.
const pool = require('fast-json-pool');

exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await pool.parse((event && event.body) || '{}')) });
