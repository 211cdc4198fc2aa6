const bad = require("bad");
exports.handler = async (event) => bad.run(event);
