// Unit tests for the calling order: oldest first, transfers, bookings, bounded priority, parking, ties.
import { describe, it, expect } from 'vitest';
import { DEFAULT_POLICY, nextEligibleAt, orderQueue, pickNext, type QueuePolicy, type QueueTicket } from './ordering.ts';

/** 09:00 on a fixed day; tests speak in minutes after it. */
const T0 = Date.UTC(2026, 10, 23, 8, 0);
const at = (minutes: number) => T0 + minutes * 60_000;

let seq = 0;
function ticket(p: Partial<QueueTicket> & { arrivedMin: number }): QueueTicket {
  seq++;
  const { arrivedMin, ...rest } = p;
  return { id: `t${seq}`, number: seq, queueId: 'skv', arrivedAt: at(arrivedMin), priority: false, state: 'waiting', ...rest };
}
const ids = (ts: QueueTicket[]) => ts.map((t) => t.id);

describe('orderQueue', () => {
  it('calls the oldest ticket first', () => {
    const a = ticket({ id: 'a', arrivedMin: 10 });
    const b = ticket({ id: 'b', arrivedMin: 2 });
    const c = ticket({ id: 'c', arrivedMin: 5 });
    expect(ids(orderQueue([a, b, c], ['skv'], at(20)))).toEqual(['b', 'c', 'a']);
    expect(pickNext([a, b, c], ['skv'], at(20))?.id).toBe('b');
  });

  it('only offers tickets from the queues the officer serves, oldest across them', () => {
    const a = ticket({ id: 'a', arrivedMin: 1, queueId: 'fk' });
    const b = ticket({ id: 'b', arrivedMin: 2, queueId: 'skv' });
    const c = ticket({ id: 'c', arrivedMin: 3, queueId: 'pm' });
    expect(ids(orderQueue([a, b, c], ['skv', 'pm'], at(20)))).toEqual(['b', 'c']);
    expect(ids(orderQueue([a, b, c], new Set(['pm', 'fk']), at(20)))).toEqual(['a', 'c']);
    expect(pickNext([a, b, c], ['af'], at(20))).toBeNull();
  });

  it('keeps a transferred ticket at its original arrival time in the new queue', () => {
    // Served at Försäkringskassan from 09:02, then sent on to Skatteverket at 09:20: still counts from 09:00.
    const transferred = ticket({ id: 'moved', arrivedMin: 0, queueId: 'skv' });
    const walkIn = ticket({ id: 'walk', arrivedMin: 8, queueId: 'skv' });
    expect(ids(orderQueue([walkIn, transferred], ['skv'], at(20)))).toEqual(['moved', 'walk']);
  });

  it('ignores tickets that are not waiting', () => {
    const a = ticket({ id: 'a', arrivedMin: 1, state: 'serving' });
    const b = ticket({ id: 'b', arrivedMin: 2, state: 'done' });
    const c = ticket({ id: 'c', arrivedMin: 3 });
    expect(ids(orderQueue([a, b, c], ['skv'], at(20)))).toEqual(['c']);
  });

  it('breaks ties by ticket number, then id, whatever the input order', () => {
    const a = ticket({ id: 'a', arrivedMin: 5, number: 12 });
    const b = ticket({ id: 'b', arrivedMin: 5, number: 11 });
    const c = ticket({ id: 'c', arrivedMin: 5, number: 11 });
    const expected = ['b', 'c', 'a'];
    expect(ids(orderQueue([a, b, c], ['skv'], at(9)))).toEqual(expected);
    expect(ids(orderQueue([c, a, b], ['skv'], at(9)))).toEqual(expected);
    expect(pickNext([a, c, b], ['skv'], at(9))?.id).toBe('b');
  });
});

describe('booked visitors', () => {
  // Booked for 10:00 (minute 60), checked in at 09:50 (minute 50).
  const booked = () => ticket({ id: 'booked', arrivedMin: 50, checkedInAt: at(50), bookedAt: at(60) });

  it('are called at their booked time ahead of walk-ins who came a little earlier', () => {
    const walkIn = ticket({ id: 'walk', arrivedMin: 55 });
    expect(ids(orderQueue([walkIn, booked()], ['skv'], at(60)))).toEqual(['booked', 'walk']);
  });

  it('are not called before their booked time while others wait', () => {
    const walkIn = ticket({ id: 'walk', arrivedMin: 55 });
    expect(ids(orderQueue([walkIn, booked()], ['skv'], at(58)))).toEqual(['walk', 'booked']);
    expect(pickNext([walkIn, booked()], ['skv'], at(58))?.id).toBe('walk');
  });

  it('are called early when nobody else waits', () => {
    expect(pickNext([booked()], ['skv'], at(52))?.id).toBe('booked');
  });

  it('do not overtake walk-ins who have waited longer than the booking credit', () => {
    const longWait = ticket({ id: 'long', arrivedMin: 60 - DEFAULT_POLICY.bookingCreditMinutes - 5 });
    const shortWait = ticket({ id: 'short', arrivedMin: 45 });
    expect(ids(orderQueue([shortWait, booked(), longWait], ['skv'], at(61)))).toEqual(['long', 'booked', 'short']);
  });

  it('rank among themselves by booked time, not by check-in', () => {
    const b930 = ticket({ id: 'b930', arrivedMin: 29, checkedInAt: at(29), bookedAt: at(30) });
    const b915 = ticket({ id: 'b915', arrivedMin: 20, checkedInAt: at(20), bookedAt: at(15) });
    const b900 = ticket({ id: 'b900', arrivedMin: 5, checkedInAt: at(5), bookedAt: at(0) });
    expect(ids(orderQueue([b930, b915, b900], ['skv'], at(31)))).toEqual(['b900', 'b915', 'b930']);
  });

  it('are not called before they check in', () => {
    const notHere = ticket({ id: 'notHere', arrivedMin: 0, bookedAt: at(60), checkedInAt: null });
    expect(orderQueue([notHere], ['skv'], at(70))).toEqual([]);
  });

  it('queue as walk-ins from check-in when they come later than the tolerance', () => {
    const late = ticket({ id: 'late', arrivedMin: 80, checkedInAt: at(80), bookedAt: at(60) });
    const walkIn = ticket({ id: 'walk', arrivedMin: 70 });
    expect(ids(orderQueue([late, walkIn], ['skv'], at(81)))).toEqual(['walk', 'late']);
  });

  it('wake a simulation at the booked time', () => {
    expect(nextEligibleAt(booked(), at(52))).toBe(at(60));
    expect(nextEligibleAt(booked(), at(61))).toBeNull();
  });
});

describe('accessibility priority', () => {
  const policy: QueuePolicy = { ...DEFAULT_POLICY, priorityCreditMinutes: 10 };

  it('goes ahead of someone who has waited less than the credit', () => {
    const waited5 = ticket({ id: 'waited5', arrivedMin: 15 });
    const prio = ticket({ id: 'prio', arrivedMin: 20, priority: true });
    expect(ids(orderQueue([waited5, prio], ['skv'], at(20), policy))).toEqual(['prio', 'waited5']);
  });

  it('does not go ahead of someone who has waited longer than the credit', () => {
    const waited15 = ticket({ id: 'waited15', arrivedMin: 5 });
    const prio = ticket({ id: 'prio', arrivedMin: 20, priority: true });
    expect(ids(orderQueue([prio, waited15], ['skv'], at(20), policy))).toEqual(['waited15', 'prio']);
  });

  it('cannot starve others: a stream of priority tickets still lets an old walk-in through', () => {
    const walkIn = ticket({ id: 'walk', arrivedMin: 0 });
    // A priority visitor arrives every 2 minutes; the walk-in is called once it has waited 10 minutes.
    let pool: QueueTicket[] = [walkIn];
    const called: string[] = [];
    for (let m = 0; m <= 30; m += 2) {
      pool.push(ticket({ id: `p${m}`, arrivedMin: m, priority: true }));
      const next = pickNext(pool, ['skv'], at(m), policy)!;
      called.push(next.id);
      pool = pool.filter((t) => t !== next);
    }
    expect(called.indexOf('walk')).toBeGreaterThanOrEqual(0);
    expect(called.indexOf('walk')).toBeLessThanOrEqual(6);
  });
});

describe('parked and recalled tickets', () => {
  it('skips a parked ticket until it resumes', () => {
    const parked = ticket({ id: 'parked', arrivedMin: 0, state: 'parked', parkedUntil: at(30) });
    const walkIn = ticket({ id: 'walk', arrivedMin: 10 });
    expect(ids(orderQueue([parked, walkIn], ['skv'], at(20)))).toEqual(['walk']);
    // Back in the queue at its original place once the time has come.
    expect(ids(orderQueue([parked, walkIn], ['skv'], at(30)))).toEqual(['parked', 'walk']);
    expect(nextEligibleAt(parked, at(20))).toBe(at(30));
  });

  it('skips a ticket parked without a time until an officer resumes it', () => {
    const parked = ticket({ id: 'parked', arrivedMin: 0, state: 'parked', parkedUntil: null });
    expect(orderQueue([parked], ['skv'], at(600))).toEqual([]);
    expect(nextEligibleAt(parked, at(20))).toBeNull();
  });

  it('skips a recalled ticket until its notBefore time', () => {
    const recalled = ticket({ id: 'recalled', arrivedMin: 0, notBefore: at(25) });
    const walkIn = ticket({ id: 'walk', arrivedMin: 10 });
    expect(pickNext([recalled, walkIn], ['skv'], at(24))?.id).toBe('walk');
    expect(pickNext([recalled, walkIn], ['skv'], at(25))?.id).toBe('recalled');
  });
});
