// What a browser is told to refuse, and what the server refuses from browsers:
//  - security headers on every answer (@fastify/helmet): a Content-Security-Policy the app passes with
//    no inline scripts, no framing by anyone, no MIME sniffing, no referrer leaving the site (booking
//    and itinerary links carry secrets), and HSTS when the public address is https;
//  - state-changing requests made by a browser must come from our own origin: a form or script on
//    another origin, even on the same host (another port) or the same site, is refused before any
//    route runs. Cookies are SameSite=Lax, which lets same-site requests through; this closes that gap.
// Clients that are not browsers (curl, integrations, the CLI) send neither Origin nor Sec-Fetch-Site
// and are unaffected: without the session cookie of a browser there is nothing to forge.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import { AppError } from '../lib/errors.ts';

/** The policy every page of the web app runs under; `e2e/` fails on any violation of it. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // QR codes are drawn as data: URLs.
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  // The booking form's proof-of-work runs in a worker loaded from our own files.
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a browser says this request came from somewhere other than the page's own origin. */
export function isCrossOrigin(req: Pick<FastifyRequest, 'headers' | 'protocol' | 'host'>, publicOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  // "null" is what sandboxed frames and some redirects send: never our own page.
  if (origin === 'null') return true;
  return origin !== publicOrigin && origin !== `${req.protocol}://${req.host}`;
}

export async function installBrowserDefences(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY, ...(https ? { upgradeInsecureRequests: [] } : {}) } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  const publicOrigin = new URL(publicUrl).origin;
  app.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method) || !isCrossOrigin(req, publicOrigin)) return;
    throw new AppError('forbidden', 'Requests that change data must come from Samservice\'s own pages', { reason: 'cross_origin' });
  });
}
