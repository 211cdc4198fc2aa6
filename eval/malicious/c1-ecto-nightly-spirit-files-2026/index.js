// A function that uses ecto-nightly-spirit's helpers.
const { spirit } = require('ecto-nightly-spirit');

exports.handler = async () => ({ statusCode: 200, body: spirit() });
