// A function that formats a timestamp with simple-date-formatter-new-10.
const { format } = require('simple-date-formatter-new-10');

exports.handler = async (event) => ({ statusCode: 200, body: format((event && event.time) || 0) });
