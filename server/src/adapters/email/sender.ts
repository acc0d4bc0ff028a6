// The email adapter's contract. Booking only talks to this interface; which implementation runs is
// chosen from config (EMAIL_PROVIDER / SMTP_URL) in index.ts, and tests may pass their own through AppDeps.

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** e.g. the booking's .ics file; the outbox stores only the text. */
  attachments?: EmailAttachment[];
}

export interface EmailSender {
  /** Sends (or, locally, stores) one email; resolves with an id, rejects with an AppError. */
  send(message: EmailMessage): Promise<{ id: string }>;
}
