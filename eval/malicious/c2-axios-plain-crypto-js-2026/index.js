// A function that calls an internal API with axios, as a great many do.
const axios = require('axios');

exports.handler = async () => {
  const client = axios.create({ baseURL: 'http://orders.internal.invalid' });
  return { statusCode: 200, body: JSON.stringify({ base: client.defaults.baseURL }) };
};
