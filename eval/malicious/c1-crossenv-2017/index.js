// A function that reads its stage from the environment; its author meant to
// install cross-env (a build helper) and typed crossenv.
require('crossenv');

exports.handler = async () => {
  return { statusCode: 200, body: JSON.stringify({ stage: process.env.STAGE || 'dev' }) };
};
