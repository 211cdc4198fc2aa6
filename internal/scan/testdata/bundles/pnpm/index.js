const debug = require('debug')('fn');
const grab = require('grabber');
exports.handler = async () => { debug('hi'); return grab(); };
