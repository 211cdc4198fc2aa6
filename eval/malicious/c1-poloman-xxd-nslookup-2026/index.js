// A function depending on a package named poloman.
const pkg = require('poloman');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ lib: pkg.name }) });
