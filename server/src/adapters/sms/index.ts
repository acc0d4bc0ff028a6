// Picks the SMS adapter from config: the outbox table by default, 46elks when SMS_PROVIDER=46elks.
import type { FastifyBaseLogger } from 'fastify';
import type { SmsConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { ElksSmsSender } from './elks.ts';
import { OutboxSmsSender } from './outbox.ts';
import type { SmsSender } from './sender.ts';

export type { SmsMessage, SmsSender } from './sender.ts';

export function createSmsSender(config: SmsConfig, db: Db, log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  if (config.provider === '46elks') {
    return new ElksSmsSender({ url: config.url, user: config.user, password: config.password, from: config.from });
  }
  return new OutboxSmsSender(db, config.from, log);
}
