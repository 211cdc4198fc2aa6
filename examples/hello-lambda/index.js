// An ordinary API Gateway handler with a few common dependencies.
const { v4: uuidv4 } = require('uuid');
const debug = require('debug')('hello');
const ms = require('ms');

exports.handler = async (event) => {
  debug('event %o', event);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: uuidv4(), uptime: ms(Math.round(process.uptime() * 1000)) }),
  };
};
