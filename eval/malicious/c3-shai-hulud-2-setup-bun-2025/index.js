// A function that proxies its outbound calls through an HTTP tunnel agent.
const tunnel = require('@postman/tunnel-agent');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ agent: typeof tunnel.httpsOverHttp }) });
