const lognest = require('lognest');

exports.handler = async (event) => {
  const log = lognest.init();
  log('request', event && event.requestContext ? 'apigw' : 'other');
  return { statusCode: 200, body: 'ok' };
};
