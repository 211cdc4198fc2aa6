const fmt = require('safe-json-fmt');
const cachely = require('cachely');

exports.handler = async (event) => {
  const hit = cachely.get('k');
  return { statusCode: 200, body: fmt.stringify({ hit, path: event && event.rawPath }) };
};
