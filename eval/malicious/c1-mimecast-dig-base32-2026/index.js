// A function depending on a package named like a vendor's components.
const pkg = require('mimecast-web-components');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
