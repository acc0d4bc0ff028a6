// Domain errors with stable codes. Services throw AppError; one handler in app.ts maps codes to HTTP.
// Every code is listed in docs/errors.md.

export const ERROR_STATUS = {
  validation_failed: 400,
  /** The request itself is malformed (broken JSON, a bad URL). */
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_exists: 409,
  in_use: 409,
  /** The body is larger than the server accepts. */
  payload_too_large: 413,
  /** The URL, or the request's headers, are longer than the server accepts. */
  uri_too_long: 414,
  /** The request did not arrive in time. */
  request_timeout: 408,
  /** The body's Content-Type is not one the route reads (JSON, mostly). */
  unsupported_media_type: 415,
  rule_violation: 422,
  rate_limited: 429,
  internal_error: 500,
  /** An outside service (the SMS provider) failed or did not answer. */
  upstream_error: 502,
  /** This server cannot serve now: it is shutting down, or its database or live-event connection is down. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;
  /**
   * `reason` is a stable, finer key within the code (e.g. `hours_overlap`) that clients can translate;
   * it travels as `details.reason`.
   */
  constructor(code: ErrorCode, message: string, opts: { field?: string; reason?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.code = code;
    this.field = opts.field;
    this.details = opts.reason ? { ...opts.details, reason: opts.reason } : opts.details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string, field?: string) => new AppError('not_found', `${what} was not found`, { field });
