// A function that uses hunsterx-package's string helpers.
const { slug } = require('hunsterx-package');

exports.handler = async (event) => ({ statusCode: 200, body: slug((event && event.title) || 'Hello World') });
