// A function that reads its settings with rc (defaults overridden by
// environment variables), as countless tools did when rc's hijacked
// versions were published.
const rc = require('rc');

exports.handler = async () => {
  const conf = rc('orders', { table: 'orders', limit: 10 });
  return { statusCode: 200, body: JSON.stringify({ table: conf.table, limit: Number(conf.limit) }) };
};
