import { describe, expect, it } from 'vitest';
import { maskPhone, requireSwedishMobile, toSwedishMobileE164 } from './phone.ts';

describe('Swedish mobile numbers', () => {
  it('normalises the ways people write them to E.164', () => {
    for (const raw of ['0701234567', '070-123 45 67', '+46701234567', '+46 70 123 45 67', '0046701234567', '+46 (0)70-123 45 67', '(070) 123.45.67']) {
      expect(toSwedishMobileE164(raw), raw).toBe('+46701234567');
    }
    expect(toSwedishMobileE164('0761234567')).toBe('+46761234567');
  });

  it('refuses landlines, short numbers and foreign numbers', () => {
    for (const raw of ['', '12345', '08-123 456 78', '0470123456', '070123456', '07012345678', '+4570123456', '+47701234567', 'ring mig']) {
      expect(toSwedishMobileE164(raw), raw).toBeNull();
    }
    expect(() => requireSwedishMobile('08-123 456 78')).toThrow(expect.objectContaining({ code: 'validation_failed', field: 'phone', details: { reason: 'not_a_mobile_number' } }));
  });

  it('masks all but the operator prefix and the last two digits', () => {
    expect(maskPhone('+46701234567')).toBe('+46 70 *** ** 67');
    expect(maskPhone('not a number')).toBe('***');
  });
});
