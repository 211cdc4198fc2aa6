// A function that normalises a colour from the request, with
// @ctrl/tinycolor as the compromised release shipped it.
const { TinyColor } = require('@ctrl/tinycolor');

exports.handler = async (event) => {
  const c = new TinyColor((event && event.queryStringParameters && event.queryStringParameters.color) || 'red');
  return { statusCode: 200, body: JSON.stringify({ hex: c.toHexString() }) };
};
