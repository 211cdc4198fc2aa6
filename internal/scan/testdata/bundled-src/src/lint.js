// A Lambda function that analyses JavaScript sent to it, with eslint-scope.
const { analyze, version } = require('eslint-scope');

exports.handler = async (event) => {
  const scope = analyze({ type: 'Program', body: [], sourceType: 'module' });
  return { statusCode: 200, body: JSON.stringify({ scopes: scope.scopes.length, analyzer: version, bytes: (event.body || '').length }) };
};
