// A function that renders a form definition with a scoped UI helper, one
// of the packages the CanisterWorm re-published.
const forms = require('@opengov/form-builder');

exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(forms.build((event && event.body) || '{}')) });
