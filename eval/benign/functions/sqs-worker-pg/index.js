// An SQS worker: stores each order in Postgres and notifies a webhook,
// with Powertools logs; configuration from the environment (dotenv for
// local runs).
require('dotenv').config();
const { Pool } = require('pg');
const axios = require('axios');
const { Logger } = require('@aws-lambda-powertools/logger');

const logger = new Logger({ serviceName: 'orders' });
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 1000 });

exports.handler = async (event) => {
  const failures = [];
  for (const rec of (event && event.Records) || []) {
    try {
      const order = JSON.parse(rec.body);
      await pool.query('INSERT INTO orders (id, body) VALUES ($1, $2)', [rec.messageId, order]);
      if (process.env.WEBHOOK_URL) await axios.post(process.env.WEBHOOK_URL, { id: rec.messageId }, { timeout: 1000 });
    } catch (e) {
      logger.warn('order failed', { messageId: rec.messageId, error: e && e.message });
      failures.push({ itemIdentifier: rec.messageId });
    }
  }
  return { batchItemFailures: failures };
};
