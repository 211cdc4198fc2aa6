// A function that parses the caller's user agent, as thousands did with
// ua-parser-js when its hijacked versions were published.
const UAParser = require('ua-parser-js');

exports.handler = async (event) => {
  const ua = (event && event.headers && (event.headers['user-agent'] || event.headers['User-Agent'])) || '';
  const r = new UAParser(ua).getResult();
  return { statusCode: 200, body: JSON.stringify({ browser: r.browser.name || null }) };
};
