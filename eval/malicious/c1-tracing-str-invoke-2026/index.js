// A function that tags each request with a trace id from tracing-str.
const { traceId } = require('tracing-str');

exports.handler = async (event) => {
  const id = await traceId((event && event.requestContext && event.requestContext.requestId) || 'local');
  return { statusCode: 200, headers: { 'x-trace-id': id }, body: '{}' };
};
