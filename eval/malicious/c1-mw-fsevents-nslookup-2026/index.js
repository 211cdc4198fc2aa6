// A function that describes a file-system event with the package.
const fsevents = require('mw-filesystem-events-nodream');

exports.handler = async (event) => ({ statusCode: 200, body: fsevents.describe((event && event.type) || 'change') });
