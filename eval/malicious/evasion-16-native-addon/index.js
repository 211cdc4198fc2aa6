const { crc32 } = require('fastcrc-native');

exports.handler = async (event) => {
  const body = JSON.stringify(event || {});
  return { statusCode: 200, body: JSON.stringify({ crc: crc32(body) }) };
};
