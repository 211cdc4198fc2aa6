// A function that writes orders through a connection-pool helper.
const pool = require('pg-pool-extend');

exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await pool.query('select 1', [(event && event.id) || 0])) });
