// The OIDC flow's secrets (state, nonce, PKCE verifier) travel in a short-lived cookie, sealed with an
// HMAC so any app instance can check that it made them and nobody edited them (decision 0009).
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

/** A login at the IdP must come back within this time. */
export const FLOW_TTL_SECONDS = 600;

/**
 * The sealing key: derived from the client secret, which every instance shares, so a login started on one
 * instance finishes on another. A public client has no secret: then the key is per process.
 */
export function flowKey(clientSecret: string | null): Buffer {
  if (!clientSecret) return randomBytes(32);
  return Buffer.from(hkdfSync('sha256', clientSecret, 'samservice', 'oidc flow cookie', 32));
}

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest();

export function sealFlow(key: Buffer, flow: Flow, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...flow, exp: now + FLOW_TTL_SECONDS * 1000 })).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/** The flow, or null when the cookie is missing, altered, from another key or expired. */
export function openFlow(key: Buffer, sealed: string | undefined, now = Date.now()): Flow | null {
  const [body, sig, extra] = (sealed ?? '').split('.');
  if (!body || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const v = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Flow> & { exp?: number };
    if (typeof v.exp !== 'number' || v.exp < now) return null;
    if (typeof v.state !== 'string' || typeof v.nonce !== 'string' || typeof v.verifier !== 'string') return null;
    return { state: v.state, nonce: v.nonce, verifier: v.verifier };
  } catch {
    return null;
  }
}
