// Swedish mobile numbers for SMS notifications: normalised to E.164 (what SMS providers take) and masked
// for staff screens and logs, where a visitor's full number has no business.
import { AppError } from './errors.ts';

/** Mobile numbers are 07x followed by seven digits; written nationally (07…) or internationally (+467…, 00467…). */
const SWEDISH_MOBILE = /^(?:0|\+46|0046)(7\d{8})$/;

/** The number in E.164 (+46701234567), or null when it is not a Swedish mobile number. */
export function toSwedishMobileE164(raw: string): string | null {
  // People write numbers with spaces, dashes and brackets, and sometimes "+46 (0)70…".
  const compact = raw.replace(/[\s\-().]/g, '').replace(/^(\+46|0046)0(?=7)/, '$1');
  const match = SWEDISH_MOBILE.exec(compact);
  return match ? `+46${match[1]}` : null;
}

/** Like toSwedishMobileE164 for an API input, with a field-named error when it is not a mobile number. */
export function requireSwedishMobile(raw: string, field = 'phone'): string {
  const e164 = toSwedishMobileE164(raw);
  if (!e164) throw new AppError('validation_failed', 'Give a Swedish mobile number, e.g. 070-123 45 67', { field, reason: 'not_a_mobile_number' });
  return e164;
}

/** "+46 70 *** ** 67": enough for staff to see that, and roughly which, number will get the SMS. */
export function maskPhone(e164: string): string {
  const m = /^\+46(\d{2})\d+(\d{2})$/.exec(e164);
  return m ? `+46 ${m[1]} *** ** ${m[2]}` : '***';
}
