// A function that bundles templates on demand with @rspack/core (a build
// tool shipped in "dependencies", as happens): installing the function
// runs the hijacked version's postinstall.
const rspack = require('@rspack/core');

exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ rspack: rspack.version }) });
