const stall = require('stall');
exports.handler = async () => ({ statusCode: 200, body: String(stall) });
