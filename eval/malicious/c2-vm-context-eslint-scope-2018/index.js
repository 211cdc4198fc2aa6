// A function that analyses the scopes of submitted JavaScript (a code
// playground back end) with eslint-scope.
const scope = require('eslint-scope');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ version: scope.version }) });
