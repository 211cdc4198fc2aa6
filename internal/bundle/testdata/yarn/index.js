exports.handler = async () => require("debug")("x") && 1;
