// A function whose dependencies come from Lambda layers (NODE_PATH).
const util = require('layer-util');
require('layer-evil');
require('uses-layer');
exports.handler = async () => ({ greeting: util.hello('layers') });
