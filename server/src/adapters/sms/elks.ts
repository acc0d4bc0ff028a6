// The production SMS adapter for 46elks (https://46elks.se/documentation): one form-encoded POST per
// message with HTTP basic auth. Every failure becomes an `upstream_error` AppError with a reason, and
// never carries the credentials.
import { AppError } from '../../lib/errors.ts';
import type { SmsMessage, SmsSender } from './sender.ts';

export interface ElksOptions {
  /** API base, https://api.46elks.com/a1 in production; a local fake server in tests. */
  url: string;
  user: string;
  password: string;
  /** Text sender ID (up to 11 letters and digits) or a number in E.164. */
  from: string;
  timeoutMs?: number;
}

/** Long enough for a slow answer, short enough that a stuck provider does not pile up notifications. */
const DEFAULT_TIMEOUT_MS = 10_000;

const failure = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('upstream_error', message, { reason, details: { provider: '46elks', ...details } });

export class ElksSmsSender implements SmsSender {
  constructor(private readonly options: ElksOptions) {}

  async send({ to, text }: SmsMessage): Promise<{ id: string }> {
    const { url, user, password, from, timeoutMs = DEFAULT_TIMEOUT_MS } = this.options;
    let status: number;
    let body: string;
    try {
      const res = await fetch(`${url}/sms`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ from, to, message: text }),
        // Covers the body too: a server that sends headers and then stalls still times out.
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      body = await res.text();
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') throw failure('sms_timeout', `46elks did not answer within ${timeoutMs} ms`);
      throw failure('sms_unreachable', `46elks could not be reached: ${err instanceof Error ? err.message : String(err)}`);
    }
    // 46elks explains a refusal in a short plain-text body ("Invalid to number").
    const said = body.slice(0, 200).trim();
    if (status === 401 || status === 403) throw failure('sms_unauthorized', `46elks refused the API credentials (HTTP ${status})`, { status });
    if (status >= 400 && status < 500) throw failure('sms_rejected', `46elks refused the message (HTTP ${status}): ${said}`, { status });
    if (status < 200 || status >= 300) throw failure('sms_provider_error', `46elks failed (HTTP ${status}): ${said}`, { status });
    let answer: { id?: unknown; status?: unknown };
    try {
      answer = JSON.parse(body) as typeof answer;
    } catch {
      throw failure('sms_provider_error', `46elks answered with something other than JSON: ${said}`, { status });
    }
    if (answer.status === 'failed') throw failure('sms_rejected', '46elks could not deliver the message', { status });
    if (typeof answer.id !== 'string') throw failure('sms_provider_error', '46elks answered without a message id', { status });
    return { id: answer.id };
  }
}
