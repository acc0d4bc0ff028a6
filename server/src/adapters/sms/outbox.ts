// The local SMS adapter (default): messages go to the sms_outbox table instead of a phone, so development,
// demos and tests can read what a visitor would have received, also after a restart.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { smsOutbox } from '../../db/schema.ts';
import { maskPhone } from '../../lib/phone.ts';
import type { SmsMessage, SmsSender } from './sender.ts';

export class OutboxSmsSender implements SmsSender {
  constructor(
    private readonly db: Db,
    private readonly from: string,
    private readonly log: Pick<FastifyBaseLogger, 'info'>,
  ) {}

  async send({ to, text }: SmsMessage): Promise<{ id: string }> {
    const [row] = await this.db.insert(smsOutbox).values({ sender: this.from, recipient: to, text }).returning({ id: smsOutbox.id });
    // The log is read by more people than the outbox: it says that a message went, never what it said
    // (a manage link's token, a name) or the whole number.
    this.log.info({ sms: { id: row!.id, to: maskPhone(to), length: text.length } }, 'SMS stored in the outbox (SMS_PROVIDER=outbox)');
    return { id: row!.id };
  }
}
