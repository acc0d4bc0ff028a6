// The SMTP email adapter (EMAIL_PROVIDER=smtp): one message per send through nodemailer. Failures become
// `upstream_error` with a reason and never carry the connection URL (it may hold a password).
import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '../../lib/errors.ts';
import type { EmailMessage, EmailSender } from './sender.ts';

export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    // Short timeouts: confirmations are sent after the request, and a stuck server must not pile them up.
    const options = new URL(url);
    this.transport = nodemailer.createTransport({
      host: options.hostname, port: options.port ? Number(options.port) : undefined, secure: options.protocol === 'smtps:',
      auth: options.username ? { user: decodeURIComponent(options.username), pass: decodeURIComponent(options.password) } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000,
    });
  }

  async send({ to, subject, text, attachments }: EmailMessage): Promise<{ id: string }> {
    try {
      const info = await this.transport.sendMail({ from: this.from, to, subject, text, attachments: attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) });
      return { id: String(info.messageId) };
    } catch (err) {
      const code = (err as { code?: string; responseCode?: number }).code;
      const responseCode = (err as { responseCode?: number }).responseCode;
      const reason = code === 'EAUTH' ? 'email_unauthorized' : responseCode && responseCode >= 500 ? 'email_rejected' : code === 'ETIMEDOUT' ? 'email_timeout' : 'email_unreachable';
      throw new AppError('upstream_error', `SMTP send failed (${code ?? responseCode ?? 'unknown'})`, { reason, details: { provider: 'smtp', status: responseCode } });
    }
  }
}
