// The function's handler: first-party code, unchanged.
const { id } = require('uuid-lite');
const metrics = require('./lib/metrics');

exports.handler = async (event) => {
  metrics.count('orders.created');
  return { statusCode: 201, body: JSON.stringify({ id: id(), received: Boolean(event && event.body) }) };
};
