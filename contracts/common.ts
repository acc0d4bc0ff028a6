// Primitives every domain's contract uses. Dates and instants carry a JSON Schema `format` that the
// server checks strictly: a real calendar date, inside the years the service deals in.
import { Type } from 'typebox';

/** The first and last year any date or instant in the API may fall in. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;

/** A Swedish calendar date. */
export const IsoDate = Type.String({
  format: 'date',
  pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
  description: `YYYY-MM-DD (Swedish calendar date, years ${EARLIEST_YEAR}–${LATEST_YEAR})`,
});

/** An instant with its offset. */
export const Instant = Type.String({ format: 'date-time', description: `ISO 8601 instant, e.g. 2026-12-03T09:00:00Z (years ${EARLIEST_YEAR}–${LATEST_YEAR})` });

/** True for YYYY-MM-DD naming a day that exists, within the API's years. */
export function isIsoDateInWindow(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for an RFC 3339 date-time whose date part exists and falls within the API's years. */
export function isInstantInWindow(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(value);
  if (!m || !isIsoDateInWindow(m[1]!)) return false;
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (h > 23 || min > 59 || s > 60) return false;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}
