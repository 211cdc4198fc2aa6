// A function that triggers automations through a vendor SDK, one of the
// hundreds of packages the second Shai-Hulud wave re-published.
const zapier = require('@zapier/zapier-sdk');

exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(zapier.describe((event && event.body) || '')) });
