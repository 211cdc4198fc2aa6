// A function that lists the libraries it was built with; blinkit-core is one.
const pkg = require('blinkit-core');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
