// A function that loads an n8n community node package to run a workflow
// step.
const finder = require('n8n-nodes-api-finder');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ nodes: Object.keys(finder) }) });
