// A function that reads a request body as a stream with stream-read-35cf.
const { Readable } = require('stream');
const readAll = require('stream-read-35cf');

exports.handler = async (event) => {
  const text = await readAll(Readable.from([(event && event.body) || '']));
  return { statusCode: 200, body: JSON.stringify({ bytes: text.length }) };
};
