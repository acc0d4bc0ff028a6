// The notifier's timing: a burst of changes at an office gives one look at its queues, a steady stream
// still gets looked at, offices do not wait for each other, and a failure is logged, never thrown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVisitBus } from './bus.ts';
import { startVisitNotifier } from './notifier.ts';
import { notifyCalled, notifyNext } from './notify-next.ts';

vi.mock('./notify-next.ts', () => ({ notifyNext: vi.fn(async () => []), notifyCalled: vi.fn(async () => true) }));

const deps = { db: {} as never, sms: { send: vi.fn() }, log: { info: vi.fn(), warn: vi.fn() }, now: () => new Date() };
const changed = (officeId: string) => ({ type: 'changed' as const, officeId, ticketId: 't' });
const call = (officeId: string, recall: boolean) => ({ type: 'call' as const, officeId, call: { ticketId: 't1', number: 'A001', counterName: 'Lucka 1', at: '', recall } });

describe('visit notifier', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.mocked(notifyNext).mockClear();
    vi.mocked(notifyCalled).mockClear();
  });

  it('gathers a burst into one run per office, and keeps running under a steady stream', async () => {
    vi.useFakeTimers();
    const bus = createVisitBus();
    const notifier = startVisitNotifier(bus, deps, 200);
    for (let i = 0; i < 5; i++) bus.publish(changed('o1'));
    bus.publish(changed('o2'));
    await vi.advanceTimersByTimeAsync(200);
    expect(vi.mocked(notifyNext).mock.calls.map((c) => c[1]).sort()).toEqual(['o1', 'o2']);
    // An event every 50 ms for a second: the office is still looked at about every 200 ms.
    for (let i = 0; i < 20; i++) {
      bus.publish(changed('o1'));
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(vi.mocked(notifyNext).mock.calls.filter((c) => c[1] === 'o1').length).toBeGreaterThanOrEqual(5);
    await notifier.stop();
  });

  it('sends "your turn now" for a call but not for a recall', async () => {
    const bus = createVisitBus();
    const notifier = startVisitNotifier(bus, deps, 10);
    bus.publish(call('o1', false));
    bus.publish(call('o1', true));
    await notifier.stop();
    expect(notifyCalled).toHaveBeenCalledTimes(1);
  });

  it('logs a failed run instead of throwing, and stops cleanly', async () => {
    vi.mocked(notifyNext).mockRejectedValueOnce(new Error('database gone'));
    const bus = createVisitBus();
    const notifier = startVisitNotifier(bus, deps, 1);
    expect(() => bus.publish(changed('o1'))).not.toThrow();
    await vi.waitFor(() => expect(deps.log.warn).toHaveBeenCalled());
    await notifier.stop();
    bus.publish(changed('o1'));
    await new Promise((done) => setTimeout(done, 20));
    expect(notifyNext).toHaveBeenCalledTimes(1);
  });
});
