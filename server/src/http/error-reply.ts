// One shape for every error answer, whoever raised it: our AppErrors, schema validation, Fastify's own
// errors (content type, body size, a malformed URL), PostgreSQL refusing a value, and the socket-level
// errors Node answers before Fastify sees a request. Each carries a code from docs/errors.md and a
// requestId; anything unexpected stays a generic 500 whose details go only to the log.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { AppError, ERROR_STATUS, type ErrorCode } from '../lib/errors.ts';
import { mapDbError, pgErrorOf } from '../lib/db-errors.ts';

/** Turns an ajv instancePath like "/openingHours/0/closes" into "openingHours[0].closes". */
function fieldFromPath(instancePath: string, missing?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (missing) parts.push(missing);
  return parts.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Fastify's own error codes → ours. Unlisted 4xx from Fastify become `bad_request`. */
const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: 'The body is empty but declared as JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The body is not valid JSON' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: 'The URL is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', message: 'A path parameter is too long' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', message: 'The request could not be routed' },
};

/**
 * PostgreSQL's "this value cannot be stored" errors. The schemas should refuse such input first; this
 * is the last line, so a value that slips past them is still the caller's 400, not our 500.
 */
const PG_DATA_ERRORS: Record<string, string> = {
  '22001': 'is too long',
  '22003': 'is out of range',
  '22007': 'is not a valid date or time',
  '22008': 'is not a valid date or time',
  '22021': 'contains characters that cannot be stored',
  '22P02': 'is not valid for its type',
  '22P05': 'contains characters that cannot be stored',
  '54000': 'is too large',
};

interface ErrorBody {
  status: number;
  code: ErrorCode;
  message: string;
  field?: string | undefined;
  details?: unknown;
}

/** What to answer for an error; null means it is unexpected (a 500, logged with its details). */
export function describeError(err: unknown): ErrorBody | null {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message, field: err.field, details: err.details };
  const fe = err as Partial<FastifyError> & { validation?: FastifyError['validation']; validationContext?: string };
  if (fe?.validation && fe.validation.length > 0) {
    const v = fe.validation[0]!;
    const params = v.params as { missingProperty?: string; additionalProperty?: string };
    const field = fieldFromPath(v.instancePath, params.missingProperty ?? params.additionalProperty) || fe.validationContext || 'body';
    // A date that does not exist, or falls outside 1900–2100, has the reason the domains give it too.
    const format = (v.params as { format?: string }).format;
    const reason = v.keyword === 'format' && (format === 'date' || format === 'date-time') ? { reason: 'invalid_date' } : {};
    return {
      status: 400,
      code: 'validation_failed',
      message: `${field}: ${v.message ?? 'is invalid'}`,
      field,
      details: { in: fe.validationContext, keyword: v.keyword, params: v.params, ...reason },
    };
  }
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return { status: ERROR_STATUS[mapped.code], code: mapped.code, message: mapped.message };
  // Constraint errors that no service mapped itself (lib/db-errors.ts names the field).
  const constraint = mapDbError(err);
  if (constraint instanceof AppError) return describeError(constraint);
  const pg = pgErrorOf(err);
  if (pg?.code && PG_DATA_ERRORS[pg.code]) {
    return { status: 400, code: 'validation_failed', message: `A value ${PG_DATA_ERRORS[pg.code]}`, details: { reason: 'unstorable_value' } };
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 404) return { status: 404, code: 'not_found', message: 'Not found' };
    if (fe.statusCode === 413) return { status: 413, code: 'payload_too_large', message: 'The request body is too large' };
    if (fe.statusCode === 415) return { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json' };
    if (fe.statusCode === 429) return { status: 429, code: 'rate_limited', message: 'Too many requests' };
    return { status: 400, code: 'bad_request', message: 'The request is malformed' };
  }
  return null;
}

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Quote the request id when reporting it.';

/** Fastify's error handler and its `frameworkErrors`: every error answer leaves through here. */
export function replyWithError(err: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const known = describeError(err);
  if (!known) {
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: INTERNAL_MESSAGE, requestId: req.id });
  }
  if (known.status === 429 && err instanceof AppError) {
    const retry = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry !== undefined) void reply.header('retry-after', String(retry));
  }
  return reply.status(known.status).send({ code: known.code, message: known.message, field: known.field, details: known.details, requestId: req.id });
}

/**
 * Errors Node's HTTP parser meets before there is a request (a header block or URL over the size
 * limit, a broken request line): answered in the same JSON shape with a fresh request id.
 */
export function replyToClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW' || err.code === 'HPE_URI_TOO_LONG';
  const timeout = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const code: ErrorCode = tooLarge ? 'uri_too_long' : timeout ? 'request_timeout' : 'bad_request';
  const messages: Partial<Record<ErrorCode, string>> = {
    uri_too_long: 'The URL or the headers are too long',
    request_timeout: 'The request took too long to arrive',
    bad_request: 'The request is malformed',
  };
  const body = JSON.stringify({ code, message: messages[code], requestId: randomUUID() });
  if (socket.writable) {
    const status = ERROR_STATUS[code];
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}
