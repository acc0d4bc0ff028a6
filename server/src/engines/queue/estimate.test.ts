// Unit tests for the wait estimate, the robust service-time statistic and the AHT baseline.
// The offices are small and constructed, so that each answer can be worked out by hand.
import { describe, it, expect } from 'vitest';
import {
  ahtRuleEstimate,
  buildServiceTimeModel,
  estimateAllWaits,
  estimateWait,
  expectedTicketMinutes,
  robustServiceMinutes,
  type CounterOfficer,
  type EstimateTicket,
} from './estimate.ts';
import { nextEligibleAt, pickNext, rankTicket } from './ordering.ts';

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

});

/**
 * The plain algorithm the engine's simulation must agree with: at every step the earliest free officer
 * scans every pending ticket with pickNext. Quadratic, obviously right, kept here as the oracle.
 */
function naiveCallTimes(tickets: EstimateTicket[], officers: CounterOfficer[], now: number): Map<string, number> {
  const pending = tickets.filter((t) => rankTicket(t, now) !== null || nextEligibleAt(t, now) !== null);
  const duration = (ids: readonly string[]) => expectedTicketMinutes(MODEL, ids) * 60_000;
  const sim = officers.filter((o) => o.queueIds.length > 0).map((o) => ({
    queues: new Set(o.queueIds),
    freeAt: o.serving ? now + Math.max(duration(o.serving.serviceIds) - (now - o.serving.startedAt), 0.3 * duration(o.serving.serviceIds)) : now,
    shifts: o.shifts ?? [{ from: now, until: null }],
  }));
  const start = (o: (typeof sim)[number], t: number) => {
    for (const s of o.shifts) if (s.until === null || s.until > t) return Math.max(t, s.from);
    return null;
  };
  const out = new Map<string, number>();
  for (let step = 0; step < 100_000 && sim.length > 0; step++) {
    let who = -1;
    let when = Infinity;
    sim.forEach((o, i) => {
      const s = start(o, o.freeAt);
      if (s !== null && s < when) [who, when] = [i, s];
    });
    if (who < 0) break;
    const o = sim[who]!;
    const next = pickNext(pending, o.queues, when);
    if (next) {
      out.set(next.id, when);
      pending.splice(pending.indexOf(next), 1);
      o.freeAt = when + duration(next.serviceIds);
      continue;
    }
    const wakes = pending.filter((t) => o.queues.has(t.queueId)).map((t) => nextEligibleAt(t, when)).filter((w): w is number => w !== null);
    if (wakes.length === 0) sim.splice(who, 1);
    else o.freeAt = Math.min(...wakes);
  }
  return out;
}

/** A small seeded generator (mulberry32), so a failing office can be reproduced from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random office at 10:00: walk-ins, priority, bookings early and late, parked and recalled tickets, shifts. */
function randomOffice(seed: number) {
  const rnd = random(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const queues = ['fk', 'skv', 'pm'];
  const now = at(60);
  const tickets: EstimateTicket[] = Array.from({ length: 5 + Math.floor(rnd() * 60) }, (_, i) => {
    const arrived = at(Math.floor(rnd() * 60));
    const kind = rnd();
    const t: EstimateTicket = {
      id: `r${seed}-${i}`, number: i + 1, queueId: pick(queues), arrivedAt: arrived, priority: rnd() < 0.1,
      state: rnd() < 0.05 ? 'done' : 'waiting', serviceIds: rnd() < 0.3 ? ['s10', 's5'] : [pick(['s10', 's5'])],
    };
    if (kind < 0.15) Object.assign(t, { bookedAt: at(40 + Math.floor(rnd() * 60)), checkedInAt: arrived });
    else if (kind < 0.2) Object.assign(t, { bookedAt: at(90), checkedInAt: null });
    else if (kind < 0.25) Object.assign(t, { state: 'parked', parkedUntil: at(60 + Math.floor(rnd() * 30)) });
    else if (kind < 0.28) Object.assign(t, { state: 'parked', parkedUntil: null });
    else if (kind < 0.33) Object.assign(t, { notBefore: at(55 + Math.floor(rnd() * 20)) });
    return t;
  });
  const officers: CounterOfficer[] = Array.from({ length: Math.floor(rnd() * 5) }, (_, i) => ({
    id: `o${i}`,
    queueIds: queues.filter(() => rnd() < 0.5),
    serving: rnd() < 0.5 ? { serviceIds: ['s10'], startedAt: at(50 + Math.floor(rnd() * 15)) } : null,
    shifts: rnd() < 0.3 ? [{ from: at(60 + Math.floor(rnd() * 30)), until: rnd() < 0.5 ? at(100 + Math.floor(rnd() * 60)) : null }] : null,
  }));
  return { now, tickets, officers };
}

describe('the simulation', () => {
  it('calls every ticket when the naive scan with pickNext does, on 300 random offices', () => {
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { now, tickets, officers } = randomOffice(seed);
      const expected = naiveCallTimes(tickets, officers, now);
      const all = estimateAllWaits({ now, tickets, officers, serviceTimes: MODEL });
      for (const t of tickets) {
        const want = expected.has(t.id) ? (expected.get(t.id)! - now) / 60_000 : null;
        const one = estimateWait({ now, tickets, officers, serviceTimes: MODEL, target: { ticketId: t.id } });
        expect({ seed, id: t.id, minutes: one.minutes }).toEqual({ seed, id: t.id, minutes: want === null ? null : Math.max(0, want) });
        expect(all.get(t.id)).toEqual(one);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('handles a backlog of a thousand tickets across queues', () => {
    const queues = ['skv', 'fk', 'pm', 'af'];
    const tickets = Array.from({ length: 1000 }, (_, i) =>
      ticket({ arrivedMin: i / 20, queueId: queues[i % 4]!, serviceIds: i % 3 === 0 ? ['s10', 's5'] : ['s10'], priority: i % 17 === 0 }),
    );
    const officers = Array.from({ length: 10 }, (_, i) => officer(`o${i}`, [queues[i % 4]!, queues[(i + 1) % 4]!]));
    const all = estimateAllWaits({ now: at(50), tickets, officers, serviceTimes: MODEL });
    const last = tickets[tickets.length - 1]!;
    expect(all.get(last.id)).toEqual(estimateWait({ now: at(50), tickets, officers, serviceTimes: MODEL, target: { ticketId: last.id } }));
    // 1000 tickets of 10–15 minutes over 10 counters: the last is called after roughly 1000 × 11.7 / 10 minutes.
    expect(all.get(last.id)!.minutes).toBeGreaterThan(1000);
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
