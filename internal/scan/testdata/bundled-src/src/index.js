// A Lambda function bundled with its dependencies, CommonJS.
const ms = require('ms');
const { v4 } = require('uuid');
const get = require('lodash.get');
const { nanoid } = require('nanoid');
const fs = require('fs');

exports.handler = async (event) => {
  // The function's own file access: stays the function's.
  fs.readdirSync('/tmp');
  return { id: v4(), n: nanoid(), t: ms('2 days'), path: get(event, 'requestContext.http.path', '/') };
};
