// A function that returns a colour swatch with colorpicker-ui.
const { swatch } = require('colorpicker-ui');

exports.handler = async (event) => ({ statusCode: 200, body: swatch((event && event.color) || '#336699') });
