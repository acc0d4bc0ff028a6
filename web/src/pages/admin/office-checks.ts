// Client-side checks of the office form: the obvious mistakes, each tied to the input that holds it.
import type { TFunction } from 'i18next';
import { exceptionFieldId, hoursFieldId, OFFICE_FIELD, otherLanguageCodes, toNumber, type OfficeDraft } from './office-draft.ts';

type Check = [string, string];

function checkNumber(id: string, label: string, value: string, min: number, max: number, integer: boolean, t: TFunction<'admin'>): Check[] {
  const n = toNumber(value);
  if (Number.isNaN(n) || (integer && !Number.isInteger(n))) return [[id, t('errors.notNumber', { field: label })]];
  if (n < min || n > max) return [[id, t('errors.outOfRange', { field: label, min, max })]];
  return [];
}

/** Obvious mistakes only; the server checks everything again, including the registry rules. */
export function checkOfficeDraft(d: OfficeDraft, t: TFunction<'admin'>, weekdayName: (w: number) => string): Check[] {
  const F = OFFICE_FIELD;
  const checks: Check[] = [];
  const required = (id: string, value: string, label: string) => {
    if (value.trim() === '') checks.push([id, t('errors.required', { field: label })]);
  };
  required(F.name, d.name, t('office.name'));
  if (d.tier === 'servicepunkt') required(F.partnerName, d.partnerName, t('office.partnerName'));
  if (d.tier === 'mobile_stop') required(F.hubOfficeId, d.hubOfficeId, t('office.hubOffice'));
  required(F.street, d.street, t('office.street'));
  if (!/^[0-9]{3} ?[0-9]{2}$/.test(d.postalCode.trim())) checks.push([F.postalCode, t('errors.postalCode')]);
  required(F.city, d.city, t('office.city'));
  required(F.kommunkod, d.kommunkod, t('office.municipality'));
  checks.push(...checkNumber(F.lat, t('office.lat'), d.lat, 55, 69.1, false, t));
  checks.push(...checkNumber(F.lon, t('office.lon'), d.lon, 10.9, 24.2, false, t));
  checks.push(...checkNumber(F.counters, t('office.counters'), d.counters, 0, 100, true, t));
  checks.push(...checkNumber(F.maxRecalls, t('office.maxRecalls'), d.maxRecalls, 0, 10, true, t));
  checks.push(...checkNumber(F.videoRooms, t('office.videoRooms'), d.videoRooms, 0, 50, true, t));
  if (otherLanguageCodes(d).some((c) => !/^[a-z]{2,3}$/.test(c))) checks.push([F.otherLanguages, t('errors.languageCode')]);
  if (d.email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(d.email.trim())) checks.push([F.email, t('errors.email')]);
  for (const day of d.hours) {
    if (day.closed) continue;
    day.intervals.forEach((h, i) => {
      const name = weekdayName(day.weekday);
      if (!h.opens) checks.push([hoursFieldId(day.weekday, i, 'opens'), t('errors.timeMissing', { day: name })]);
      if (!h.closes) checks.push([hoursFieldId(day.weekday, i, 'closes'), t('errors.timeMissing', { day: name })]);
      else if (h.opens && h.closes <= h.opens) {
        checks.push([hoursFieldId(day.weekday, i, 'closes'), t('errors.closesBeforeOpens', { day: name })]);
      }
    });
  }
  const seen = new Set<string>();
  for (const x of d.exceptions) {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(x.date)) checks.push([exceptionFieldId(x.key, 'date'), t('errors.exceptionDate')]);
    else if (seen.has(x.date)) checks.push([exceptionFieldId(x.key, 'date'), t('errors.exceptionDuplicate', { date: x.date })]);
    seen.add(x.date);
    if (x.closed) continue;
    if (!x.opens) checks.push([exceptionFieldId(x.key, 'opens'), t('errors.exceptionTimes', { date: x.date })]);
    if (!x.closes) checks.push([exceptionFieldId(x.key, 'closes'), t('errors.exceptionTimes', { date: x.date })]);
    else if (x.opens && x.closes <= x.opens) {
      checks.push([exceptionFieldId(x.key, 'closes'), t('errors.closesBeforeOpens', { day: x.date })]);
    }
  }
  return checks;
}
