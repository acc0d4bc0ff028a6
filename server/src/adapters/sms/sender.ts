// The SMS adapter's contract. The visit flow only ever talks to this interface; which implementation
// runs is chosen from config (SMS_PROVIDER) in index.ts, and tests pass their own through AppDeps.

export interface SmsMessage {
  /** Recipient in E.164, e.g. +46701234567. */
  to: string;
  text: string;
}

export interface SmsSender {
  /** Sends (or, locally, stores) one message; resolves with the provider's id, rejects with an AppError. */
  send(message: SmsMessage): Promise<{ id: string }>;
}
