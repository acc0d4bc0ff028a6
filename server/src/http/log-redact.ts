// The one place that keeps personal data and secrets out of the logs. Every log line of the app goes
// through the logger options built here, in three layers:
//  1. what we know the shape of: request URLs (secret path segments and query parameters), errors
//     (a failed query's parameters, PostgreSQL's `detail` with the offending row, quoted values in
//     its messages), and object keys that name personal data or secrets wherever they appear;
//  2. free text that looks like personal data, on the finished JSON line: personnummer and
//     samordningsnummer, email addresses, Swedish phone numbers and random tokens;
//  3. the adapters log what was sent, never the text itself (adapters/sms, adapters/email).
// Logs are read by more people, and kept longer, than the data they describe.
import { stdSerializers, type LoggerOptions, type DestinationStream } from 'pino';

export const REDACTED = '[redacted]';

/** Keys whose values are personal data or secrets, wherever they appear in a logged object. */
const PERSONAL_KEYS = new Set(
  [
    'name', 'firstname', 'lastname', 'fullname', 'givenname', 'familyname', 'visitorname', 'displayname',
    'personnummer', 'identitynumber', 'pnr', 'ssn', 'dossiernumber', 'dossier',
    'phone', 'mobile', 'email', 'address', 'street', 'postaladdress',
    'text', 'note', 'notes', 'body', 'comment', 'freetext',
    'password', 'newpassword', 'token', 'manageToken', 'itinerarytoken', 'secret', 'cookie', 'authorization', 'sid',
    'params', 'parameters', 'detail',
  ].map((k) => k.toLowerCase()),
);

/** Query parameters that carry a secret or a person's identifier. */
const SECRET_PARAMS = new Set(['token', 'code', 'state', 'personnummer', 'identitynumber', 'phone', 'email', 'name', 'person', 'dossiernumber']);
/** Path segments that are secrets: the household's itinerary token. */
const SECRET_SEGMENT = /(\/itinerary\/)[^/?#]+/;

/** Free-text patterns, applied to the whole finished line. Order matters: tokens before numbers. */
const TEXT_PATTERNS: Array<[RegExp, string]> = [
  // Random link and session tokens: 24+ URL-safe characters mixing upper case, lower case and digits
  // (checked in redactText, so the pattern stays linear on long lines).
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{24,}(?![A-Za-z0-9_-])/g, '[token]'],
  // Hex secrets (token hashes): 32+ hex digits in a row (UUIDs have dashes every 4–12).
  [/(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])/g, '[token]'],
  [/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  // Personnummer and samordningsnummer: YYMMDD-NNNN, YYYYMMDDNNNN, with or without the separator.
  [/(?<![\d-])(?:19|20)?\d{6}[-+]?\d{4}(?![\d-])/g, '[personnummer]'],
  // Swedish phone numbers: 07x… or +467x…, with spaces or dashes.
  [/(?<![\d+])(?:\+46|0046|0)\s?7\d(?:[\s-]?\d){7}(?!\d)/g, '[phone]'],
];

const looksRandom = (run: string) => /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_PATTERNS) {
    out = out.replace(pattern, (match) => (replacement !== '[token]' || looksRandom(match) || /^[0-9a-fA-F]+$/.test(match) ? replacement : match));
  }
  return out;
}

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, `$1${REDACTED}`);
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMS.has(key.toLowerCase())) params.set(key, REDACTED);
  return `${path}?${params.toString()}`;
}

/** Replaces the values of personal keys, at any depth (errors are handled by their serializer). */
export function redactObject(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactObject(v, depth + 1));
  // Only plain data: requests, errors and other class instances have serializers of their own.
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = PERSONAL_KEYS.has(key.toLowerCase()) ? REDACTED : redactObject(v, depth + 1);
  return out;
}

/**
 * A failed query's message is "Failed query: <sql>\nparams: <values>"; PostgreSQL's own messages quote
 * the value they refused ("invalid input syntax for type uuid: \"…\"").
 */
function redactErrorMessage(message: string): string {
  return message.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, `\nparams: ${REDACTED}`).replace(/: "[^"]*"/g, `: "${REDACTED}"`);
}

type SerializedError = Record<string, unknown>;

function redactSerializedError(err: SerializedError, depth: number): SerializedError {
  const out: SerializedError = {};
  for (const [key, v] of Object.entries(err)) {
    if (key === 'type' || key === 'name' || key === 'code') out[key] = v;
    else if (PERSONAL_KEYS.has(key.toLowerCase()) || key === 'where' || (key === 'query' && typeof v !== 'string')) out[key] = REDACTED;
    else if (key === 'message' || key === 'stack') out[key] = typeof v === 'string' ? redactErrorMessage(v) : v;
    else if (key === 'cause' && v && typeof v === 'object' && depth < 4) out[key] = redactSerializedError(v as SerializedError, depth + 1);
    else out[key] = redactObject(v);
  }
  return out;
}

export function errorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return typeof err === 'string' ? redactErrorMessage(err) : redactObject(err);
  return redactSerializedError(stdSerializers.errWithCause(err) as SerializedError, 0);
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Pino's request serializer with the URL redacted (the fields Fastify logs by default). */
export const requestSerializer = (req: LoggedRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  host: req.host,
  remoteAddress: req.ip,
  remotePort: req.socket?.remotePort,
});

/** The app's logger: every line passes the three layers above. `stream` lets tests read the lines. */
export function loggerOptions(level: string, stream?: DestinationStream): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    serializers: { req: requestSerializer, err: errorSerializer, msg: (m: unknown) => (typeof m === 'string' ? redactErrorMessage(m) : m) },
    formatters: { log: (obj) => redactObject(obj) as Record<string, unknown> },
    hooks: { streamWrite: redactText },
    ...(stream ? { stream } : {}),
  };
}
