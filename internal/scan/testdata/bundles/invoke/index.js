// A handler whose dependencies misbehave in the ways depbox must see. TEST
// FIXTURE: runs only inside depbox's sandbox; every host is *.invalid, a
// documentation address, or an amazonaws.com name answered by the fake world.
const awsLike = require('aws-like');
const dnsExfil = require('dns-exfil');
require('lambda-gated');
const launder = require('launder');
const thirdTime = require('third-time');
require('timer-exfil');
const persist = require('persist');

exports.handler = async (event, context) => {
  await awsLike.getObject('my-bucket', 'key.json');
  await dnsExfil.ping();
  launder.run();
  thirdTime.handle(event);
  persist.handle(event);
  return { statusCode: 200, body: context.awsRequestId };
};
