// Request logs keep the path, never a secret carried in the URL: the household's itinerary token (its
// path segment), a booking's manage-link token, and the OpenID Connect callback's code and state. Anyone
// who can read the logs could otherwise open an itinerary or change a booking.
const SECRET_PARAMS = new Set(['token', 'code', 'state']);
const SECRET_SEGMENT = /(\/itinerary\/)[^/?#]+/;

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, '$1[redacted]');
  if (q < 0) return path;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (SECRET_PARAMS.has(key)) params.set(key, '[redacted]');
  return `${path}?${params.toString()}`;
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
