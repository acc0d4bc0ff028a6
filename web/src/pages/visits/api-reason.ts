// Reads the API's machine-readable reason (details.reason) from an error, for messages per case.
import { ApiError } from '../../lib/api.ts';

export function apiReason(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  const details = err.details;
  if (typeof details === 'object' && details !== null && 'reason' in details && typeof details.reason === 'string') {
    return details.reason;
  }
  return undefined;
}

/** True for a failed fetch (no answer at all), as opposed to an answer with an error. */
export function isNetworkError(err: unknown): boolean {
  return !(err instanceof ApiError);
}
