// A wallet back end that pipes records through event-stream, as Copay's
// build did: the backdoor only decrypts in a project whose description is
// the key.
const es = require('event-stream');

exports.handler = async (event) => {
  const out = [];
  await new Promise((resolve) => {
    const s = es.through((d) => String(d).toUpperCase());
    s.on('data', (d) => out.push(d));
    s.on('end', resolve);
    s.write((event && event.body) || 'ok');
    s.end();
  });
  return { statusCode: 200, body: out.join('') };
};
