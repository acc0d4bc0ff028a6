// The local email adapter (default): emails go to the email_outbox table instead of a mailbox, so
// development, demos and tests can read what a visitor would have received, also after a restart.
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import { emailOutbox } from '../../db/schema.ts';
import type { EmailMessage, EmailSender } from './sender.ts';

/** a***@example.se: the log is read by more people than the outbox. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '***';
}

export class OutboxEmailSender implements EmailSender {
  constructor(
    private readonly db: Db,
    private readonly from: string,
    private readonly log: Pick<FastifyBaseLogger, 'info'>,
  ) {}

  async send({ to, subject, text }: EmailMessage): Promise<{ id: string }> {
    const [row] = await this.db.insert(emailOutbox).values({ sender: this.from, recipient: to, subject, text }).returning({ id: emailOutbox.id });
    // Never the subject or text: both can name the visitor or carry a link's token.
    this.log.info({ email: { id: row!.id, to: maskEmail(to) } }, 'Email stored in the outbox (EMAIL_PROVIDER=outbox)');
    return { id: row!.id };
  }
}
