import { describe, expect, it } from 'vitest';
import { calledText, nextText } from './sms-texts.ts';

describe('SMS texts', () => {
  it('speaks the visitor\'s language, and Swedish when there is no text in it', () => {
    expect(nextText('sv', 'A012')).toBe('Samservice: Du är näst på tur (A012). Gå till väntrummet.');
    expect(calledText('sv', 'A012', 'Lucka 3')).toBe('Din tur nu: A012 → Lucka 3');
    expect(calledText('en', 'A012', 'Lucka 3')).toBe('Your turn now: A012 → Lucka 3');
    expect(nextText('uk', 'A012')).toContain('Ви наступні');
    expect(nextText('de', 'A012')).toBe(nextText('sv', 'A012'));
  });

  it('fits every text in one SMS part (70 characters when not plain GSM)', () => {
    for (const lang of ['sv', 'en', 'ar', 'fa', 'ti', 'so', 'uk']) {
      expect(nextText(lang, 'A012').length, lang).toBeLessThanOrEqual(70);
      expect(calledText(lang, 'A012', 'Lucka 10').length, lang).toBeLessThanOrEqual(70);
    }
  });
});
