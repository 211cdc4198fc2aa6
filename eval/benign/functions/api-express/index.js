// An HTTP API behind API Gateway: express through serverless-http, with
// helmet, cors, joi validation, JWT auth and pino logs.
const serverless = require('serverless-http');
const express = require('express');
const cors = require('cors');
const helmet = require('helmet');
const Joi = require('joi');
const jwt = require('jsonwebtoken');
const pino = require('pino');

const log = pino({ level: process.env.LOG_LEVEL || 'info' });
const app = express();
app.use(helmet());
app.use(cors());
app.use(express.json({ limit: '100kb' }));

const item = Joi.object({ name: Joi.string().max(100).required(), qty: Joi.number().integer().min(0).default(1) });

app.get('/health', (req, res) => res.json({ ok: true }));
app.post('/items', (req, res) => {
  const { error, value } = item.validate(req.body || {});
  if (error) return res.status(400).json({ error: error.message });
  log.info({ item: value.name }, 'item created');
  return res.status(201).json(value);
});
app.get('/me', (req, res) => {
  try {
    const token = String(req.headers.authorization || '').replace(/^Bearer /, '');
    return res.json(jwt.verify(token, process.env.JWT_SECRET || 'local-development-secret'));
  } catch (e) {
    return res.status(401).json({ error: 'unauthorized' });
  }
});
app.use((req, res) => res.status(404).json({ error: 'not found' }));

exports.handler = serverless(app);
