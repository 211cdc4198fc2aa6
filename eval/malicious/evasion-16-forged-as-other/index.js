const qs = require('tinyqs');
const metricsy = require('metricsy');

exports.handler = async (event) => {
  const q = qs.parse((event && event.rawQueryString) || 'a=1&b=2');
  metricsy.count('requests');
  return { statusCode: 200, body: JSON.stringify(q) };
};
