// A small API handler bundled with real packages: validation, a signed
// token, dates and ids.
const { z } = require('zod');
const jwt = require('jsonwebtoken');
const dayjs = require('dayjs');
const { v4: uuid } = require('uuid');

const Order = z.object({ sku: z.string().min(1), qty: z.number().int().positive() });
const signingKey = 'depbox-fixture-not-a-secret';

exports.handler = async (event) => {
  let input = {};
  try { input = JSON.parse(event.body || '{}'); } catch (_) { /* empty */ }
  const parsed = Order.safeParse(input);
  if (!parsed.success) {
    return { statusCode: 400, body: JSON.stringify({ errors: parsed.error.issues.map((i) => i.message) }) };
  }
  const id = uuid();
  const receipt = jwt.sign({ id, sku: parsed.data.sku }, signingKey, { expiresIn: '1h' });
  return { statusCode: 201, body: JSON.stringify({ id, at: dayjs(0).toISOString(), receipt }) };
};
