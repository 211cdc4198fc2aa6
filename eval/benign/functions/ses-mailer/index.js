// A mailer fed by EventBridge or SQS: renders a handlebars template and
// sends it through SES with nodemailer, logging with winston.
const nodemailer = require('nodemailer');
const Handlebars = require('handlebars');
const winston = require('winston');
const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');

const log = winston.createLogger({ level: 'info', transports: [new winston.transports.Console()] });
const transport = nodemailer.createTransport({ SES: { sesClient: new SESv2Client({}), SendEmailCommand } });
const render = Handlebars.compile('<p>Hello {{name}},</p><p>your order {{order}} has shipped.</p>');

exports.handler = async (event) => {
  const msgs = (event && event.Records) ? event.Records.map((r) => { try { return JSON.parse(r.body); } catch (_) { return {}; } }) : [event && event.detail || {}];
  let sent = 0;
  for (const m of msgs) {
    try {
      await transport.sendMail({ from: process.env.MAIL_FROM || 'shop@example.com', to: m.email || 'customer@example.com', subject: 'Shipped', html: render(m) });
      sent++;
    } catch (e) {
      log.warn('mail failed', { error: e && e.name });
    }
  }
  return { sent };
};
