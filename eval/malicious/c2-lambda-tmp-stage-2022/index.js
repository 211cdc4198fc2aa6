// A function that keeps its environment warm and caches lookups with a
// helper package.
const warmer = require('lambda-warmer-cache');

exports.handler = async (event) => {
  if (await warmer.isWarmup(event)) return { statusCode: 204 };
  return { statusCode: 200, body: JSON.stringify({ cached: warmer.size() }) };
};
