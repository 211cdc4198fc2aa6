// A workspace package: the function's own code.
const leaky = require('leaky');
const ms = require('ms');
module.exports = (s) => ms(s) + leaky();
