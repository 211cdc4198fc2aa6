// A function that renders a review widget from an internal component
// library whose name a public package took.
const { reviewWidget } = require('yelp-react-component-chaos');

exports.handler = async (event) => ({ statusCode: 200, body: reviewWidget((event && event.stars) || 4) });
