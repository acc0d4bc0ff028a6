// Booking codes and manage tokens. The code is short enough to read out at a kiosk (8 characters from
// an alphabet without look-alikes: 31^8 ≈ 8.5·10^11); the manage token in the visitor's link is 192
// random bits, so the code alone (read out at a kiosk, guessable in bulk) never opens personal data.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { newLinkToken } from '../../lib/tokens.ts';

/** No 0/O, 1/I/L: nothing to confuse when read aloud or typed from a text message. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

export function newBookingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const normaliseCode = (code: string) => code.trim().toUpperCase();

/** The token in the visitor's manage link. */
export const newManageToken = newLinkToken;

/** Constant-time comparison of a presented token with the stored one. */
export function tokenMatches(stored: string | null, token: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The web page where the visitor changes or cancels: the code and the token, nothing else. */
export const managePath = (code: string, token: string) => `/bokning/${code}?t=${encodeURIComponent(token)}`;
