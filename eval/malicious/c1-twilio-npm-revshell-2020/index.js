// A function that sends an SMS with what its author took for Twilio's
// library.
const twilio = require('twilio-npm');

exports.handler = async (event) => {
  const client = twilio('AC00000000000000000000000000000000', 'not-a-real-token');
  await client.messages.create({ to: (event && event.to) || '+15555550100', body: 'hi' });
  return { statusCode: 202 };
};
