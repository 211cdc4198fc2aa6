// A function that greets with the banner of paasprint-sdk.
const { banner } = require('paasprint-sdk');

exports.handler = async () => ({ statusCode: 200, body: banner() });
