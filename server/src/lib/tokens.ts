// Secret tokens carried in links (a booking's manage link, a Mötesplats household's itinerary link):
// 192 random bits, URL-safe, so the link alone opens the page and cannot be guessed.
import { randomBytes } from 'node:crypto';

export function newLinkToken(): string {
  return randomBytes(24).toString('base64url');
}
