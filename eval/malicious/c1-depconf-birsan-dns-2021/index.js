// A function that formats amounts with an internal helper package whose name
// had leaked; the public registry served a higher version of that name.
const { formatAmount } = require('pypl-edge-utils');

exports.handler = async (event) => ({ statusCode: 200, body: formatAmount((event && event.amount) || 0) });
