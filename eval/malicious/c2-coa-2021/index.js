// A function with a command-line style option parser, as the many build
// tools that pulled in coa (through svgo) had when its hijacked versions
// were published.
const COA = require('coa');

exports.handler = async (event) => {
  const opts = COA.parse((event && event.rawQueryString) || '');
  return { statusCode: 200, body: JSON.stringify(opts) };
};
