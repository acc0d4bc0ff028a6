// The office calendar on constructed cases: weekly hours, holidays, exceptions and who is present.
import { describe, expect, it } from 'vitest';
import { officeCalendar, type HolidayInfo } from './office-calendar.ts';

const FK = '11111111-1111-4111-8111-111111111111';
const SKV = '22222222-2222-4222-8222-222222222222';
const office = {
  openingHours: [
    { weekday: 1, opens: '13:00', closes: '16:00' },
    { weekday: 1, opens: '09:00', closes: '12:00' },
    { weekday: 2, opens: '09:00', closes: '16:00' },
    { weekday: 4, opens: '09:00', closes: '18:00' },
    { weekday: 5, opens: '09:00', closes: '15:00' },
  ],
  dateExceptions: [
    { date: '2026-12-24', closed: false, opens: '09:00', closes: '12:00', note: 'Öppet på förmiddagen' },
    { date: '2026-12-28', closed: true, opens: null, closes: null, note: 'Inventering' },
  ],
  agencyDays: [
    { agencyId: FK, weekdays: [1, 2, 4] },
    { agencyId: SKV, weekdays: [5] },
  ],
};
const holidays = new Map<string, HolidayInfo>([
  ['2026-12-24', { nameSv: 'Julafton', nameEn: 'Christmas Eve', nonWorkingDay: true }],
  ['2026-12-25', { nameSv: 'Juldagen', nameEn: 'Christmas Day', nonWorkingDay: true }],
  ['2027-01-05', { nameSv: 'Trettondagsafton', nameEn: 'Twelfth Night', nonWorkingDay: false }],
]);

describe('officeCalendar', () => {
  const days = officeCalendar(office, holidays, '2026-12-21', 16);
  const day = (date: string) => days.find((d) => d.date === date)!;

  it('gives one entry per date with the ISO weekday', () => {
    expect(days).toHaveLength(16);
    expect(day('2026-12-21').weekday).toBe(1);
    expect(day('2026-12-27').weekday).toBe(7);
  });

  it('sorts split hours and lists who is present', () => {
    expect(day('2026-12-21')).toMatchObject({
      open: true,
      intervals: [{ opens: '09:00', closes: '12:00' }, { opens: '13:00', closes: '16:00' }],
      agencyIds: [FK],
    });
  });

  it('closes on a non-working holiday and names it', () => {
    expect(day('2026-12-25')).toMatchObject({ open: false, intervals: [], holidayNameSv: 'Juldagen', agencyIds: [] });
  });

  it("lets the office's own exception win over the holiday rule", () => {
    expect(day('2026-12-24')).toMatchObject({ open: true, intervals: [{ opens: '09:00', closes: '12:00' }], holidayNameSv: 'Julafton', exceptionNote: 'Öppet på förmiddagen' });
    expect(day('2026-12-28')).toMatchObject({ open: false, exceptionNote: 'Inventering', agencyIds: [] });
  });

  it('keeps regular hours on a named day that is a working day', () => {
    expect(day('2027-01-05')).toMatchObject({ open: true, holidayNameSv: 'Trettondagsafton' });
  });

  it('is closed on a weekday without hours', () => {
    expect(day('2026-12-23')).toMatchObject({ weekday: 3, open: false, holidayNameSv: null });
  });
});
