// A function that counts the lines of a request body with text-line-parser.
const { splitLines } = require('text-line-parser');

exports.handler = async (event) => {
  const lines = splitLines((event && event.body) || '');
  return { statusCode: 200, body: JSON.stringify({ lines: lines.length }) };
};
