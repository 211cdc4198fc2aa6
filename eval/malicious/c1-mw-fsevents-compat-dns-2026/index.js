// A function that describes a file-system event with the package.
const { describe } = require('mw-filesystem-events-nodream_compat');

exports.handler = async (event) => ({ statusCode: 200, body: describe((event && event.type) || 'change') });
