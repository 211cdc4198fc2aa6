const ms = require('ms');
const stats = require('stats-helper');
exports.handler = async () => ({ window: ms('1d'), stats: stats() });
