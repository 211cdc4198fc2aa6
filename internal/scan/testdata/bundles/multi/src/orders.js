const ms = require('ms');
require('boot-probe');
exports.handler = async (event) => ({ delay: ms('2s'), n: (event.Records || []).length });
