// TEST FIXTURE (depbox issue 15): runs only inside depbox's sandbox.
const evil = require('evil');
exports.handler = async () => ({ statusCode: 200, body: String(evil.ok) });
