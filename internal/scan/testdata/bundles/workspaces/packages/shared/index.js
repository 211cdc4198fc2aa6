// A workspace package: the function's own code.
const leaky = require('leaky');
const ms = require('ms');
const get = require('split-exports/get');
module.exports = (s) => get({ v: ms(s) }, 'v') + leaky();
