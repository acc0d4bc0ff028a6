// Picks the email adapter from config: the outbox table by default, SMTP when SMTP_URL is set.
import type { FastifyBaseLogger } from 'fastify';
import type { EmailConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { OutboxEmailSender } from './outbox.ts';
import { SmtpEmailSender } from './smtp.ts';
import type { EmailSender } from './sender.ts';

export type { EmailAttachment, EmailMessage, EmailSender } from './sender.ts';

export function createEmailSender(config: EmailConfig, db: Db, log: Pick<FastifyBaseLogger, 'info'>): EmailSender {
  if (config.provider === 'smtp') return new SmtpEmailSender(config.url, config.from);
  return new OutboxEmailSender(db, config.from, log);
}
