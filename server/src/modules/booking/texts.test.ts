// The booking messages in every visitor language: every key there, every placeholder filled, the code,
// the Swedish time, the place and the manage link in each; Swedish for a language without texts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { VISITOR_LANGUAGES } from '../../../../contracts/visits.ts';
import { bookingEmail, bookingSms, calendarTexts, CATALOGUES, fill, MESSAGE_KINDS, type MessageFacts } from './texts.ts';

const facts = (over: Partial<MessageFacts> = {}): MessageFacts => ({
  code: 'K7MQ2X9P',
  serviceNameSv: 'Föräldrapenning',
  serviceNameEn: 'Parental benefit',
  place: 'Servicekontor Växjö, Storgatan 1, 352 31 Växjö',
  // 10:30 in Stockholm (winter time, UTC+1).
  start: new Date('2026-11-17T09:30:00Z'),
  channel: 'in_person',
  manageUrl: 'http://localhost:3000/bokning/K7MQ2X9P?t=abc_DEF-123',
  ...over,
});

/** November 2026 and Tuesday in each language, on the Gregorian calendar. */
const NOVEMBER: Record<string, string> = { sv: 'november', en: 'November', ar: 'نوفمبر', fa: 'نوامبر', ti: 'ሕዳር', so: 'Noofeembar', uk: 'листопада' };
const TUESDAY: Record<string, string> = { sv: 'tisdag', en: 'Tuesday', ar: 'الثلاثاء', fa: 'سه‌شنبه', ti: 'ሰሉስ', so: 'Talaado', uk: 'вівторок' };

/** The booking pages' "(Swedish time)", so the messages say what the pages say. */
const swedishTime = (lang: string): string =>
  (JSON.parse(readFileSync(new URL(`../../../../web/src/i18n/locales/${lang}/booking.json`, import.meta.url), 'utf8')) as { summary: { swedishTime: string } }).summary.swedishTime;

describe('booking message texts', () => {
  it('has every key in every visitor language, each with its placeholders', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...VISITOR_LANGUAGES].sort());
    const needs = (template: string, names: string[]) => {
      for (const n of names) expect(template, template).toContain(`{{${n}}}`);
    };
    for (const lang of VISITOR_LANGUAGES) {
      const c = CATALOGUES[lang];
      expect(c.locale, lang).toMatch(/^[a-z]{2}/);
      needs(c.when, ['date', 'time']);
      for (const kind of MESSAGE_KINDS) {
        needs(c.subject[kind], ['code']);
        needs(c.lead[kind], ['service', 'when', 'place']);
      }
      expect(c.video.trim().length, lang).toBeGreaterThan(10);
      needs(c.code, ['code']);
      needs(c.manage, ['url']);
      needs(c.videoPlace, ['place']);
    }
  });

  it('fills every placeholder, with the code, time, place and link in each message', () => {
    for (const lang of VISITOR_LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        for (const channel of ['in_person', 'video'] as const) {
          const f = facts({ channel });
          const mail = bookingEmail(lang, kind, f);
          const sms = bookingSms(lang, kind, f);
          const all = `${mail.subject}\n${mail.text}\n${sms}`;
          const label = `${lang} ${kind} ${channel}`;
          expect(all, label).not.toContain('{{');
          expect(all, label).not.toContain('}}');
          expect(mail.subject, label).toContain(f.code);
          expect(sms, label).toContain(f.code);
          for (const text of [mail.text, sms]) {
            expect(text, label).toContain(f.place);
            expect(text, label).toContain('10:30');
            expect(text, label).toContain('2026');
            expect(text, label).toContain(NOVEMBER[lang]);
            expect(text, label).toContain(TUESDAY[lang]);
            expect(text, label).toContain(lang === 'en' ? 'Parental benefit' : 'Föräldrapenning');
            if (lang !== 'sv') expect(text, label).toContain(swedishTime(lang));
            // A cancellation has no link or kiosk hint: nothing is left to change or show.
            if (kind === 'cancelled') expect(text, label).not.toContain(f.manageUrl);
            else {
              expect(text, label).toContain(f.manageUrl);
              expect(text, label).toContain(f.code);
            }
          }
          const videoShown = mail.text.includes(CATALOGUES[lang].video);
          expect(videoShown, label).toBe(channel === 'video' && kind !== 'cancelled');
        }
      }
    }
  });

  it('keeps the Swedish and English messages as they were', () => {
    const f = facts();
    expect(bookingSms('sv', 'booked', f)).toBe(
      'Samservice: Din tid för Föräldrapenning är bokad tisdag 17 november 2026 kl. 10:30 på Servicekontor Växjö, Storgatan 1, 352 31 Växjö. '
      + 'Bokningskod: K7MQ2X9P. Visa koden i kiosken när du kommer. Ändra eller avboka: http://localhost:3000/bokning/K7MQ2X9P?t=abc_DEF-123',
    );
    expect(bookingEmail('en', 'rescheduled', f)).toEqual({
      subject: 'Samservice: Your booking has changed (K7MQ2X9P)',
      text: 'Your appointment for Parental benefit has been moved to Tuesday, 17 November 2026 at 10:30 (Swedish time) at Servicekontor Växjö, Storgatan 1, 352 31 Växjö.\n\n'
        + 'Booking code: K7MQ2X9P. Show the code at the kiosk when you arrive.\n\n'
        + 'Change or cancel: http://localhost:3000/bokning/K7MQ2X9P?t=abc_DEF-123\n\nSamservice\n',
    });
    expect(bookingSms('sv', 'cancelled', f)).toBe('Samservice (K7MQ2X9P): Din tid för Föräldrapenning tisdag 17 november 2026 kl. 10:30 på Servicekontor Växjö, Storgatan 1, 352 31 Växjö är avbokad.');
  });

  it('writes each language in its own words, dates on the Gregorian calendar with Latin digits', () => {
    const f = facts();
    expect(bookingSms('ar', 'booked', f)).toContain('تم حجز موعدك لمعاملة Föräldrapenning يوم الثلاثاء، 17 نوفمبر 2026 الساعة 10:30 (بتوقيت السويد)');
    expect(bookingEmail('ar', 'booked', f).subject).toBe('Samservice: تأكيد حجزك (K7MQ2X9P)');
    expect(bookingSms('fa', 'reminder', f)).toContain('سه‌شنبه 17 نوامبر 2026 ساعت 10:30 (به وقت سوئد)');
    expect(bookingSms('uk', 'booked', f)).toContain('вівторок, 17 листопада 2026 р. о 10:30 (шведський час)');
    for (const lang of VISITOR_LANGUAGES) {
      // No Arabic-Indic or Persian digits, no Solar Hijri year.
      expect(bookingSms(lang, 'booked', f), lang).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]|1405/);
    }
  });

  it('shows Stockholm\'s clock in summer and winter', () => {
    expect(bookingSms('so', 'booked', facts({ start: new Date('2027-06-15T08:00:00Z') }))).toContain('saacadda 10:00 (waqtiga Iswiidhan)');
    expect(bookingSms('ti', 'booked', facts({ start: new Date('2027-01-12T09:00:00Z') }))).toContain('ሰዓት 10:00 (ግዜ ሽወደን)');
  });

  it('writes the calendar file\'s words in the booking\'s language', () => {
    const f = { ...facts(), officeName: 'Servicekontor Växjö', address: 'Storgatan 1, 352 31 Växjö' };
    expect(calendarTexts('sv', f)).toEqual({
      summary: 'Föräldrapenning – Samservice',
      location: 'Servicekontor Växjö, Storgatan 1, 352 31 Växjö',
      description: `Bokningskod: K7MQ2X9P. Visa koden i kiosken när du kommer. Ändra eller avboka: ${f.manageUrl}`,
    });
    expect(calendarTexts('en', { ...f, channel: 'video' })).toMatchObject({
      summary: 'Parental benefit – Samservice', location: 'Servicekontor Växjö (video room), Storgatan 1, 352 31 Växjö',
    });
    for (const lang of VISITOR_LANGUAGES) {
      const words = calendarTexts(lang, { ...f, channel: 'video' });
      expect(JSON.stringify(words), lang).not.toContain('{{');
      expect(words.description, lang).toContain(f.code);
      expect(words.description, lang).toContain(f.manageUrl);
      if (lang !== 'sv') expect(words.description, lang).not.toContain('Bokningskod');
    }
    expect(calendarTexts('de', f)).toEqual(calendarTexts('sv', f));
  });

  it('falls back to Swedish for a language without texts', () => {
    const f = facts();
    expect(bookingSms('de', 'reminder', f)).toBe(bookingSms('sv', 'reminder', f));
    expect(bookingEmail('', 'booked', f)).toEqual(bookingEmail('sv', 'booked', f));
    expect(bookingSms('toString', 'booked', f)).toBe(bookingSms('sv', 'booked', f));
  });

  it('leaves an unknown placeholder for the tests to find, and never re-reads a filled value', () => {
    expect(fill('{{a}} {{b}}', { a: '{{b}} $& $1' })).toBe('{{b}} $& $1 {{b}}');
  });
});
