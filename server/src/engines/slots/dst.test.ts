// Daylight-saving days. On 2026-03-29 Swedish clocks jump from 02:00 to 03:00 (UTC+1 → UTC+2); on
// 2026-10-25 they go back from 03:00 to 02:00 (UTC+2 → UTC+1). Both are Sundays, so the office here is
// open on Sundays. Instants are written in UTC with the local time beside them.
import { describe, expect, it } from 'vitest';
import { computeSlots } from './slots.ts';
import { computeSlotsBaseline } from './baseline.ts';
import { dayClock } from './wall-clock.ts';
import { NO_HOLIDAYS, hold, query, startsUtc, visit } from './test-helpers.ts';
import type { Place } from './types.ts';

const SPRING = '2026-03-29';
const FALL = '2026-10-25';
const utc = (iso: string) => Date.parse(`${iso}:00Z`);
const weekend: Place = {
  kind: 'office',
  openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '16:00' })),
  dateExceptions: [],
  holidays: NO_HOLIDAYS,
};
const hourly = { durationMin: 60, stepMin: 60 };

describe('dayClock', () => {
  it('maps an ordinary day with one offset', () => {
    expect(dayClock('2026-06-01').first(9 * 60)).toBe(utc('2026-06-01T07:00'));
    expect(dayClock('2026-01-15').first(9 * 60)).toBe(utc('2026-01-15T08:00'));
  });

  it('spring: 02:30 never shows; as an opening or a closing it is the end of the gap, 03:00 CEST', () => {
    const c = dayClock(SPRING);
    expect(c.first(150)).toBeNull();
    expect(c.opening(150)).toBe(utc('2026-03-29T01:00'));
    expect(c.closing(150)).toBe(utc('2026-03-29T01:00'));
    expect(c.first(119)).toBe(utc('2026-03-29T00:59')); // 01:59 CET
    expect(c.first(180)).toBe(utc('2026-03-29T01:00')); // 03:00 CEST
  });

  it('fall: 02:30 shows twice; first at 00:30Z (CEST), last at 01:30Z (CET)', () => {
    const c = dayClock(FALL);
    expect(c.first(150)).toBe(utc('2026-10-25T00:30'));
    expect(c.opening(150)).toBe(utc('2026-10-25T00:30'));
    expect(c.closing(150)).toBe(utc('2026-10-25T01:30'));
    expect(c.first(180)).toBe(utc('2026-10-25T02:00')); // 03:00 CET
  });
});

describe.each([
  ['engine', computeSlots],
  ['baseline', computeSlotsBaseline],
])('daylight-saving days (%s)', (_name, compute) => {
  it('spring: 09:00–16:00 opens at 07:00Z, the day before at 08:00Z', () => {
    const days = compute(query({ place: weekend, from: '2026-03-28', to: '2026-03-30', rules: hourly }));
    expect(startsUtc(days)).toEqual([
      '08:00 09:00 10:00 11:00 12:00 13:00 14:00',
      '07:00 08:00 09:00 10:00 11:00 12:00 13:00',
      '07:00 08:00 09:00 10:00 11:00 12:00 13:00',
    ]);
  });

  it('fall: 09:00–16:00 opens at 08:00Z, the day before at 07:00Z', () => {
    const days = compute(query({ place: weekend, from: '2026-10-24', to: FALL, rules: hourly }));
    expect(startsUtc(days)).toEqual([
      '07:00 08:00 09:00 10:00 11:00 12:00 13:00',
      '08:00 09:00 10:00 11:00 12:00 13:00 14:00',
    ]);
  });

  it('spring, open 01:00–04:00: no start in the skipped hour and two real hours of service', () => {
    // 01:00 and 01:30 CET, then 03:00 and 03:30 CEST; 02:00 and 02:30 do not exist.
    const q = (rules: object) => query({ place: visit(SPRING, '01:00', '04:00'), from: SPRING, rules });
    expect(startsUtc(compute(q({})))).toEqual(['00:00 00:30 01:00 01:30']);
    // An hour's service from 01:30 CET ends at 03:30 CEST (01:30Z); from 03:30 it would end after 04:00.
    const hour = compute(q({ durationMin: 60 }))[0]!.slots;
    expect(hour.map((s) => [s.start, s.end])).toEqual([
      [utc('2026-03-29T00:00'), utc('2026-03-29T01:00')],
      [utc('2026-03-29T00:30'), utc('2026-03-29T01:30')],
      [utc('2026-03-29T01:00'), utc('2026-03-29T02:00')],
    ]);
    // 120 minutes fill the whole opening: only 01:00.
    expect(startsUtc(compute(q({ durationMin: 120 })))).toEqual(['00:00']);
  });

  it('fall, open 01:00–04:00: the repeated hour gives no duplicate start, and four real hours of service', () => {
    // 01:00, 01:30, 02:00, 02:30 CEST (the first 02:00–02:59), then 03:00 and 03:30 CET.
    const q = (rules: object) => query({ place: visit(FALL, '01:00', '04:00'), from: FALL, rules });
    const days = compute(q({}));
    expect(startsUtc(days)).toEqual(['23:00 23:30 00:00 00:30 02:00 02:30']);
    const starts = days[0]!.slots.map((s) => s.start);
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts[0]).toBe(utc('2026-10-24T23:00'));
    // Three hours' service: from 01:00 CEST (23:00Z) and 02:00 CEST (00:00Z); closing is 04:00 CET (03:00Z).
    expect(startsUtc(compute(q({ durationMin: 180, stepMin: 60 })))).toEqual(['23:00 00:00']);
  });

  it('spring: an opening inside the gap starts at 03:00, a closing inside it ends at 03:00', () => {
    expect(startsUtc(compute(query({ place: visit(SPRING, '02:30', '04:00'), from: SPRING })))).toEqual(['01:00 01:30']);
    expect(startsUtc(compute(query({ place: visit(SPRING, '01:00', '02:30'), from: SPRING })))).toEqual(['00:00 00:30']);
  });

  it('fall: a closing in the repeated hour is its second showing', () => {
    // Open 01:00–02:30 closes at 02:30 CET (01:30Z): a 90-minute service from 02:00 CEST (00:00Z) fits.
    const q = query({ place: visit(FALL, '01:00', '02:30'), from: FALL, rules: { durationMin: 90 } });
    expect(startsUtc(compute(q))).toEqual(['23:00 23:30 00:00']);
  });

  it('counts notice and holds in real time across the jump', () => {
    const place = visit(SPRING, '01:00', '04:00');
    // Now 01:30 CET (00:30Z) with an hour's notice: 01:30Z, which is 03:30 CEST.
    const notice = query({ place, from: SPRING, now: utc('2026-03-29T00:30'), rules: { minNoticeMin: 60 } });
    expect(startsUtc(compute(notice))).toEqual(['01:30']);
    // A hold from 01:30 CET to 03:00 CEST is 30 real minutes long and blocks only 01:30.
    const holds = [hold('desk', utc('2026-03-29T00:30'), utc('2026-03-29T01:00'))];
    expect(startsUtc(compute(query({ place, from: SPRING, holds })))).toEqual(['00:00 01:00 01:30']);
  });
});
