// The day view's arithmetic: percentiles as a spreadsheet computes them, hours on Swedish clocks (also
// across the switch to summer time), and the figures of a small constructed day.
import { describe, expect, it } from 'vitest';
import { hourlyCounts, mean, percentile, stockholmHour, summariseDay, type DayEvent, type DayInput, type DayVisit } from './day-figures.ts';

const Q1 = 'q1';
const Q2 = 'q2';
/** 2026-12-01 (winter time, UTC+1) at a Swedish wall-clock time. */
const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+01:00`);

describe('percentile and mean', () => {
  it('interpolates between the closest ranks, like percentile_cont and PERCENTILE.INC', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([10, 1, 5], 0.5)).toBe(5);
    expect(percentile([4], 0.9)).toBe(4);
    expect(percentile([0, 10], 0.9)).toBe(9);
    expect(percentile([], 0.9)).toBeNull();
  });

  it('gives no mean of nothing', () => {
    expect(mean([])).toBeNull();
    expect(mean([2, 4, 9])).toBe(5);
  });
});

describe('hours on Swedish clocks', () => {
  it('reads the hour in Sweden, winter and summer', () => {
    expect(stockholmHour(new Date('2026-12-01T09:59:00Z'))).toBe(10);
    expect(stockholmHour(new Date('2026-06-01T09:59:00Z'))).toBe(11);
    // 30 March 2025: the clocks jump from 02:00 to 03:00 at 01:00 UTC.
    expect(stockholmHour(new Date('2025-03-30T00:59:00Z'))).toBe(1);
    expect(stockholmHour(new Date('2025-03-30T01:00:00Z'))).toBe(3);
  });

  it('counts arrivals and calls per hour with empty hours in between', () => {
    const hours = hourlyCounts([at('09:05'), at('09:55'), at('12:10')], [at('09:30'), at('10:00')]);
    expect(hours).toEqual([
      { hour: 9, arrivals: 2, calls: 1 },
      { hour: 10, arrivals: 0, calls: 1 },
      { hour: 11, arrivals: 0, calls: 0 },
      { hour: 12, arrivals: 1, calls: 0 },
    ]);
    expect(hourlyCounts([], [])).toEqual([]);
  });
});

describe('summariseDay', () => {
  const visit = (id: string, state: DayVisit['state'], queueId: string, arrived: string, extra: Partial<DayVisit> = {}): DayVisit => ({
    id, number: id.toUpperCase(), state, queueId, officerUserId: null, arrivedAt: at(arrived), queuedAt: at(arrived), ...extra,
  });
  const ev = (visitId: string, kind: DayEvent['kind'], time: string, queueId: string, officer: string | null = null): DayEvent => ({
    visitId, kind, at: at(time), queueId, officerUserId: officer, officerName: officer ? `Officer ${officer}` : null, counterName: officer ? `Lucka ${officer}` : null,
  });

  // Queue 1: a waits 10 and is served 12; b waits 20 and does not show; c is transferred to queue 2
  // after waiting 30 and 5 minutes at the counter, waits there until 10:50 and is served until 11:00;
  // d waits now. A booked visitor e, checked in at 09:50 for 10:00, waits from 10:00 to 10:04 and is
  // at the counter now.
  const visits: DayVisit[] = [
    visit('a', 'done', Q1, '09:00', { officerUserId: '1' }),
    visit('b', 'no_show', Q1, '09:10', { officerUserId: '1' }),
    visit('c', 'done', Q2, '09:20', { officerUserId: '2' }),
    visit('d', 'waiting', Q1, '10:30'),
    visit('e', 'serving', Q2, '09:50', { queuedAt: at('10:00'), officerUserId: '2' }),
  ];
  const events: DayEvent[] = [
    ev('a', 'arrived', '09:00', Q1), ev('b', 'arrived', '09:10', Q1),
    ev('a', 'called', '09:10', Q1, '1'), ev('a', 'serving_started', '09:11', Q1, '1'),
    ev('a', 'finished', '09:22', Q1, '1'),
    ev('c', 'arrived', '09:20', Q1),
    ev('b', 'called', '09:30', Q1, '1'), ev('b', 'recalled', '09:33', Q1, '1'), ev('b', 'no_show', '09:36', Q1, '1'),
    ev('e', 'arrived', '09:50', Q2),
    ev('c', 'called', '09:50', Q1, '1'), ev('c', 'transferred', '09:55', Q1, '1'),
    ev('e', 'called', '10:04', Q2, '2'), ev('e', 'serving_started', '10:05', Q2, '2'),
    ev('d', 'arrived', '10:30', Q1),
    ev('c', 'called', '10:50', Q2, '2'), ev('c', 'finished', '11:00', Q2, '2'),
  ];
  const input: DayInput = {
    queues: [{ id: Q2, letter: 'B', agencyId: 'skv' }, { id: Q1, letter: 'A', agencyId: 'fk' }],
    visits, events, desks: [], now: at('11:10'), live: true,
  };

  it('computes each queue from the events', () => {
    const [a, b] = summariseDay(input).queues;
    expect(a).toEqual({
      queueId: Q1, letter: 'A', agencyId: 'fk', waiting: 1, longestWaitMinutes: 40, taken: 4, served: 1, noShows: 1, transferredOut: 1,
      // First calls in A: a after 10, b after 20, c after 30. p90 of [10, 20, 30] = 20 + 0.8 × 10.
      meanWaitMinutes: 20, p90WaitMinutes: 28, meanServiceMinutes: 12,
    });
    expect(b).toEqual({
      queueId: Q2, letter: 'B', agencyId: 'skv', waiting: 0, longestWaitMinutes: null, taken: 1, served: 1, noShows: 0, transferredOut: 0,
      // e waited from its booked time, not its early check-in; c is timed from its call in B.
      meanWaitMinutes: 4, p90WaitMinutes: 4, meanServiceMinutes: 10,
    });
  });

  it('adds up the office and times a transferred visitor\'s current wait from the transfer', () => {
    const transferredBack = { ...input, visits: visits.map((v) => (v.id === 'c' ? { ...v, state: 'waiting' as const } : v)), events: events.slice(0, -2) };
    const { totals } = summariseDay(transferredBack);
    // c has waited since 09:55 (75 minutes), not since arriving at 09:20.
    expect(totals).toMatchObject({ waiting: 2, longestWaitMinutes: 75, taken: 5, served: 1, noShows: 1, transferredOut: 1 });
    expect(totals.meanWaitMinutes).toBe(16); // (10 + 20 + 30 + 4) / 4
  });

  it('lists the officers with what they hold now and what they finished', () => {
    const { counters } = summariseDay({
      ...input,
      desks: [{ officerUserId: '2', officerName: 'Officer 2', counterName: 'Lucka 10', queueIds: [Q2], lastSeenAt: at('10:50') }],
    });
    expect(counters).toEqual([
      { officerUserId: '1', officerName: 'Officer 1', counterName: 'Lucka 1', queueIds: [Q1], current: null, finished: 1, lastActiveAt: at('09:55').toISOString() },
      {
        officerUserId: '2', officerName: 'Officer 2', counterName: 'Lucka 10', queueIds: [Q2], finished: 1, lastActiveAt: at('11:00').toISOString(),
        current: { ticketId: 'e', number: 'E', state: 'serving', since: at('10:05').toISOString() },
      },
    ]);
  });

  it('measures nothing against the clock on another day', () => {
    const past = summariseDay({ ...input, live: false });
    expect(past.queues[0]).toMatchObject({ waiting: 1, longestWaitMinutes: null });
    expect(past.counters.every((c) => c.current === null)).toBe(true);
  });

  it('buckets arrivals and calls (a transferred visitor is called twice) by hour', () => {
    expect(summariseDay(input).hours).toEqual([
      { hour: 9, arrivals: 4, calls: 3 },
      { hour: 10, arrivals: 1, calls: 2 },
    ]);
  });
});
