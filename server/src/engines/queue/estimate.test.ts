// Unit tests for the wait estimate, the robust service-time statistic and the AHT baseline.
// The offices are small and constructed, so that each answer can be worked out by hand.
import { describe, it, expect } from 'vitest';
import {
  ahtRuleEstimate,
  buildServiceTimeModel,
  estimateWait,
  expectedTicketMinutes,
  robustServiceMinutes,
  type CounterOfficer,
  type EstimateTicket,
} from './estimate.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0);
const at = (minutes: number) => T0 + minutes * 60_000;

/** s10 takes 10 minutes, s5 takes 5; nothing observed yet, so the configured priors are the expectation. */
const MODEL = buildServiceTimeModel({}, { s10: 10, s5: 5 });

let seq = 0;
function ticket(p: Partial<EstimateTicket> & { arrivedMin: number }): EstimateTicket {
  seq++;
  const { arrivedMin, ...rest } = p;
  return { id: `t${seq}`, number: seq, queueId: 'skv', arrivedAt: at(arrivedMin), priority: false, state: 'waiting', serviceIds: ['s10'], ...rest };
}
const officer = (id: string, queueIds: string[], extra: Partial<CounterOfficer> = {}): CounterOfficer => ({ id, queueIds, ...extra });
const newSkv = { newTicket: { queueId: 'skv', serviceIds: ['s10'] } };

describe('estimateWait', () => {
  it('one counter, three 10-minute tickets ahead: 30 minutes plus what is left of the current one', () => {
    const ahead = [ticket({ arrivedMin: 1 }), ticket({ arrivedMin: 2 }), ticket({ arrivedMin: 3 })];
    const busy = officer('o1', ['skv'], { serving: { serviceIds: ['s10'], startedAt: at(6) } });
    const e = estimateWait({ now: at(10), tickets: ahead, officers: [busy], serviceTimes: MODEL, target: newSkv });
    expect(e).toEqual({ minutes: 36, reason: null, position: 4, aheadCount: 3, openCounters: 1 });
  });

  it('two counters take about half as long as one', () => {
    const ahead = [1, 2, 3, 4].map((m) => ticket({ arrivedMin: m }));
    const one = estimateWait({ now: at(10), tickets: ahead, officers: [officer('o1', ['skv'])], serviceTimes: MODEL, target: newSkv });
    const two = estimateWait({ now: at(10), tickets: ahead, officers: [officer('o1', ['skv']), officer('o2', ['skv'])], serviceTimes: MODEL, target: newSkv });
    expect(one.minutes).toBe(40);
    expect(two.minutes).toBe(20);
    expect(two.openCounters).toBe(2);
  });

  it('sums the services of a ticket with several', () => {
    expect(expectedTicketMinutes(MODEL, ['s10', 's5'])).toBe(15);
    const ahead = [ticket({ arrivedMin: 1, serviceIds: ['s10', 's5'] })];
    const e = estimateWait({ now: at(10), tickets: ahead, officers: [officer('o1', ['skv'])], serviceTimes: MODEL, target: newSkv });
    expect(e.minutes).toBe(15);
  });

  it('returns null minutes with a reason when no counter serves the queue', () => {
    const ahead = [ticket({ arrivedMin: 1 })];
    const none = estimateWait({ now: at(10), tickets: ahead, officers: [], serviceTimes: MODEL, target: newSkv });
    expect(none).toEqual({ minutes: null, reason: 'no_open_counters', position: 2, aheadCount: 1, openCounters: 0 });
    const otherQueue = estimateWait({ now: at(10), tickets: ahead, officers: [officer('o1', ['fk'])], serviceTimes: MODEL, target: newSkv });
    expect(otherQueue.minutes).toBeNull();
    expect(otherQueue.reason).toBe('no_open_counters');
  });

  it('shares an officer who serves two queues instead of counting them as a counter for each', () => {
    // o1 serves skv and fk, o2 only fk. The fk tickets are older, so o1 takes one of them first.
    const tickets = [
      ticket({ arrivedMin: 0, queueId: 'fk' }),
      ticket({ arrivedMin: 1, queueId: 'fk' }),
      ticket({ arrivedMin: 2, queueId: 'skv' }),
    ];
    const officers = [officer('o1', ['skv', 'fk']), officer('o2', ['fk'])];
    const e = estimateWait({ now: at(10), tickets, officers, serviceTimes: MODEL, target: newSkv });
    // AHT × ahead ÷ counters would say 10; o1 is busy with fk until 10, then the skv ticket until 20.
    expect(e).toMatchObject({ minutes: 20, aheadCount: 1, openCounters: 1 });
    expect(ahtRuleEstimate(e.aheadCount, 10, e.openCounters)).toBe(10);
  });

  it('assumes a ticket running over time still has part of its expected time left', () => {
    const busy = officer('o1', ['skv'], { serving: { serviceIds: ['s10'], startedAt: at(-20) } });
    const e = estimateWait({ now: at(10), tickets: [], officers: [busy], serviceTimes: MODEL, target: newSkv, options: { minRemainingShare: 0.3 } });
    expect(e.minutes).toBeCloseTo(3, 9);
  });

  it('estimates an existing ticket by id, not counting parked tickets and with a priority ticket ahead', () => {
    const tickets = [
      ticket({ id: 'parked', arrivedMin: 0, state: 'parked', parkedUntil: null }),
      ticket({ id: 'prio', arrivedMin: 6, priority: true }),
      ticket({ id: 'me', arrivedMin: 1 }),
      ticket({ id: 'after', arrivedMin: 2 }),
    ];
    const e = estimateWait({ now: at(8), tickets, officers: [officer('o1', ['skv'])], serviceTimes: MODEL, target: { ticketId: 'me' } });
    expect(e).toEqual({ minutes: 10, reason: null, position: 2, aheadCount: 1, openCounters: 1 });
  });

  it('calls a booked visitor at the booked time, not before it while others wait', () => {
    const officers = [officer('o1', ['skv'])];
    const office = (bookedMin: number) => [
      ticket({ id: 'walk1', arrivedMin: 0 }),
      ticket({ id: 'walk2', arrivedMin: 1 }),
      ticket({ id: 'booked', arrivedMin: 5, checkedInAt: at(5), bookedAt: at(bookedMin) }),
    ];
    const wait = (tickets: EstimateTicket[], id: string) =>
      estimateWait({ now: at(10), tickets, officers, serviceTimes: MODEL, target: { ticketId: id } }).minutes;
    // Booked for 25: at 20 the booker is still early, so walk2 goes first; the booker is called at 30.
    expect(wait(office(25), 'booked')).toBe(20);
    expect(wait(office(25), 'walk2')).toBe(10);
    // Booked for 15: at 20 the booking is due and goes ahead of walk2.
    expect(wait(office(15), 'booked')).toBe(10);
    expect(wait(office(15), 'walk2')).toBe(20);
    // Nobody else waits: called early.
    expect(wait([ticket({ id: 'alone', arrivedMin: 5, checkedInAt: at(5), bookedAt: at(30) })], 'alone')).toBe(0);
  });

  it('uses known shifts: an officer back from lunch, and one leaving before reaching the ticket', () => {
    const ahead = [ticket({ arrivedMin: 1 }), ticket({ arrivedMin: 2 })];
    const lunch = officer('o1', ['skv'], { shifts: [{ from: at(45), until: null }] });
    const back = estimateWait({ now: at(10), tickets: ahead, officers: [lunch], serviceTimes: MODEL, target: newSkv });
    expect(back).toMatchObject({ minutes: 55, openCounters: 0 });
    const leaving = officer('o1', ['skv'], { shifts: [{ from: at(0), until: at(25) }] });
    const gone = estimateWait({ now: at(10), tickets: ahead, officers: [leaving], serviceTimes: MODEL, target: newSkv });
    expect(gone).toMatchObject({ minutes: null, reason: 'beyond_known_shifts', openCounters: 1 });
  });

  it('says why for unknown and no longer waiting tickets', () => {
    const done = ticket({ id: 'done', arrivedMin: 0, state: 'done' });
    const officers = [officer('o1', ['skv'])];
    expect(estimateWait({ now: at(10), tickets: [done], officers, serviceTimes: MODEL, target: { ticketId: 'nope' } }).reason).toBe('ticket_not_found');
    expect(estimateWait({ now: at(10), tickets: [done], officers, serviceTimes: MODEL, target: { ticketId: 'done' } }).reason).toBe('ticket_not_waiting');
  });

  it('is fast: well under a millisecond for 50 tickets and 10 officers', () => {
    const queues = ['skv', 'fk', 'pm', 'af'];
    const tickets = Array.from({ length: 50 }, (_, i) =>
      ticket({ arrivedMin: i, queueId: queues[i % 4]!, serviceIds: i % 3 === 0 ? ['s10', 's5'] : ['s10'], priority: i % 17 === 0 }),
    );
    const officers = Array.from({ length: 10 }, (_, i) =>
      officer(`o${i}`, [queues[i % 4]!, queues[(i + 1) % 4]!], { serving: { serviceIds: ['s10'], startedAt: at(45 + i) } }),
    );
    const last = tickets[tickets.length - 1]!.id;
    const runOnce = () => estimateWait({ now: at(50), tickets, officers, serviceTimes: MODEL, target: { ticketId: last } });
    expect(runOnce().minutes).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) runOnce();
    const n = 500;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) runOnce();
    expect((performance.now() - t0) / n).toBeLessThan(1);
  });
});

describe('service times', () => {
  it('a robust statistic ignores an outlier', () => {
    const durations = [10, 9, 11, 10, 10, 12, 8, 10, 10, 200];
    const robust = robustServiceMinutes(durations, 10);
    const plainMean = durations.reduce((a, b) => a + b, 0) / durations.length;
    expect(plainMean).toBeGreaterThan(28);
    expect(robust).toBeGreaterThan(10);
    expect(robust).toBeLessThan(12.5);
  });

  it('leans on the prior when there is little data, and on the data when there is much', () => {
    expect(robustServiceMinutes([], 10)).toBe(10);
    expect(robustServiceMinutes([20], 10)).toBe(12.5);
    expect(robustServiceMinutes(Array(40).fill(20), 10)).toBeCloseTo((40 * 20 + 3 * 10) / 43, 9);
  });

  it('only the recent window counts', () => {
    const old = Array(100).fill(30);
    const recent = Array(40).fill(6);
    expect(robustServiceMinutes([...old, ...recent], 6)).toBe(6);
  });

  it('a rare service starts from the pooled pace of the office', () => {
    const model = buildServiceTimeModel({ common: Array(40).fill(8), rare: [] });
    expect(model.fallbackMinutes).toBeCloseTo((40 * 8 + 3 * 10) / 43, 9);
    expect(model.minutesByService.get('rare')).toBe(model.fallbackMinutes);
    expect(expectedTicketMinutes(model, ['never-seen'])).toBe(model.fallbackMinutes);
  });
});

describe('ahtRuleEstimate', () => {
  it('is AHT × people ahead ÷ counters, and null without counters', () => {
    expect(ahtRuleEstimate(3, 10, 1)).toBe(30);
    expect(ahtRuleEstimate(3, 10, 2)).toBe(15);
    expect(ahtRuleEstimate(3, 10, 0)).toBeNull();
  });
});
