// API errors of the booking endpoints as visitor messages: by the stable reason or schema keyword, never the
// API's English text, which a visitor reading Tigrinya could not use.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { apiReason } from '../visits/api-reason.ts';
import { retryMinutes } from '../visits/retry-minutes.ts';

/** Contact fields the API names in `field`, mapped to the inputs of ContactFields. */
export const CONTACT_FIELD_IDS: Record<string, string> = {
  visitorName: 'booking-name',
  email: 'booking-email',
  phone: 'booking-phone',
  personnummer: 'booking-personnummer',
  interpreterLanguage: 'booking-interpreter-language',
};

/** The free starts a 409 `slot_taken` offers instead (details.nextFree), or an empty list. */
export function nextFreeOf(err: unknown): string[] {
  if (!(err instanceof ApiError) || apiReason(err) !== 'slot_taken') return [];
  const details = err.details as { nextFree?: unknown };
  return Array.isArray(details.nextFree) ? details.nextFree.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Values a refusal's message names: the minutes until a rate limit lets the visitor in again
 * (`details.retryAfterSeconds`), and the open-booking cap (`details.max`).
 */
export function reasonValues(err: ApiError): { minutes: number; max: number } {
  const details = (typeof err.details === 'object' && err.details !== null ? err.details : {}) as { max?: unknown };
  return { minutes: retryMinutes(err), max: typeof details.max === 'number' ? details.max : 2 };
}

/** A message for any failed booking request, in the visitor's language. */
export function bookingErrorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('errors.network');
  const reason = apiReason(err);
  if (reason && t(`errors.reason.${reason}`, { defaultValue: '' })) return t(`errors.reason.${reason}`, reasonValues(err));
  if (err.code === 'validation_failed' && err.field && CONTACT_FIELD_IDS[err.field]) return t(`errors.field.${err.field}`);
  if (err.status === 404) return t('errors.reason.unknown_booking');
  return t('errors.unknown');
}
