// A function that proposes a meeting slot with rendezvous-js.
const { nextSlot } = require('rendezvous-js');

exports.handler = async (event) => ({ statusCode: 200, body: nextSlot((event && event.after) || Date.now()) });
