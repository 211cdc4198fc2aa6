const procstat = require('procstat');

exports.handler = async () => {
  const s = procstat.sample();
  return { statusCode: 200, body: JSON.stringify(s) };
};
