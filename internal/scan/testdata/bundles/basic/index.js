const util = require('@acme/util');
const usesEvil = require('uses-evil');
exports.handler = async (event) => ({ statusCode: 200, body: util.greet(usesEvil.name) });
