// A function that calls a legacy XML-RPC service.
const xmlrpc = require('@0xengine/xmlrpc');

exports.handler = async () => {
  const client = xmlrpc.createClient({ host: 'legacy.internal.invalid', port: 80, path: '/RPC2' });
  return { statusCode: 200, body: JSON.stringify({ path: client.options.path }) };
};
