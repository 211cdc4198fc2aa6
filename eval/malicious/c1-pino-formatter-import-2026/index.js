// A function that logs requests through pino-formatter.
const log = require('pino-formatter');

exports.handler = async (event) => {
  log.info('request', { path: (event && event.rawPath) || '/' });
  return { statusCode: 204 };
};
