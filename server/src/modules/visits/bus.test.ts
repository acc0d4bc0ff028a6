// The visit bus: in-process on one server; through PostgreSQL LISTEN/NOTIFY between servers, where every
// server hears every event once and knows which ones it published itself.
import { afterAll, describe, expect, it } from 'vitest';
import { createVisitBus, type DeliveredEvent, type VisitBus } from './bus.ts';
import { LiveHub } from '../../db/live-channel.ts';
import { pgNotifyTransport } from '../../db/notify.ts';
import { freshPostgres } from '../../test/postgres.ts';

const OFFICE = '00000000-0000-4000-8000-000000000001';
const event = (ticketId: string) => ({ type: 'changed' as const, officeId: OFFICE, ticketId });

function collect(bus: VisitBus) {
  const got: DeliveredEvent[] = [];
  bus.subscribe(OFFICE, (e) => got.push(e));
  return got;
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
};

describe('visit bus', () => {
  it('delivers in process, marked local, to subscribers of the office only', async () => {
    const hub = new LiveHub();
    const bus = createVisitBus(hub);
    await hub.start();
    const got = collect(bus);
    const other: DeliveredEvent[] = [];
    bus.subscribe('00000000-0000-4000-8000-000000000002', (e) => other.push(e));
    bus.publish(event('t1'));
    expect(got).toEqual([{ ...event('t1'), local: true }]);
    expect(other).toEqual([]);
  });

  const url = process.env.TEST_DATABASE_URL;
  describe.skipIf(!url)('between two servers on PostgreSQL', () => {
    let drop: () => Promise<void> = async () => {};
    const hubs: LiveHub[] = [];
    afterAll(async () => {
      await Promise.all(hubs.map((h) => h.stop()));
      await drop();
    });

    it('carries each event to both servers once, local only where it was published', async () => {
      const fresh = await freshPostgres(url!);
      drop = fresh.drop;
      const errors: unknown[] = [];
      const buses: VisitBus[] = [];
      for (let i = 0; i < 2; i++) {
        const hub = new LiveHub(pgNotifyTransport(fresh.url, (err) => errors.push(err)), (err) => errors.push(err));
        buses.push(createVisitBus(hub));
        await hub.start();
        hubs.push(hub);
      }
      const [a, b] = buses.map(collect) as [DeliveredEvent[], DeliveredEvent[]];
      buses[0]!.publish(event('from-a'));
      buses[1]!.publish(event('from-b'));
      await until(() => a.length >= 2 && b.length >= 2);
      await new Promise((r) => setTimeout(r, 100)); // and nothing more arrives
      const view = (got: DeliveredEvent[]) => got.map((e) => [(e as { ticketId: string }).ticketId, e.local]).sort();
      expect(view(a)).toEqual([['from-a', true], ['from-b', false]]);
      expect(view(b)).toEqual([['from-a', false], ['from-b', true]]);
      expect(errors).toEqual([]);
    });
  });
});
