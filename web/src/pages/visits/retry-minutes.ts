// Minutes until a rate limit lets the visitor in again, from a 429's `details.retryAfterSeconds`.
import type { ApiError } from '../../lib/api.ts';

export function retryMinutes(err: ApiError): number {
  const details = err.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = typeof details?.retryAfterSeconds === 'number' ? details.retryAfterSeconds : 60;
  return Math.max(1, Math.ceil(seconds / 60));
}
