// A function that adds two numbers with the "demo package".
const { add } = require('maninos');

exports.handler = async (event) => ({ statusCode: 200, body: String(add((event && event.a) || 1, (event && event.b) || 2)) });
