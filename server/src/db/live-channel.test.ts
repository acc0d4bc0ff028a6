// Live channels over one hub: events go to their channel and key only; on PostgreSQL every channel of a
// server shares one listening connection, a bad message or a lost connection is reported, not thrown (the
// connection is opened again), and after stop nothing is opened again (publishing then delivers on this
// server only).
import { afterAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { LiveHub, type Delivered } from './live-channel.ts';
import { pgNotifyTransport } from './notify.ts';
import { freshPostgres } from '../test/postgres.ts';

interface A { kind: 'a'; office: string; n: number }
interface B { kind: 'b'; office: string; day: string; n: number }

function open(hub: LiveHub) {
  return { a: hub.channel<A>('test_a', (e) => e.office), b: hub.channel<B>('test_b', (e) => `${e.office}/${e.day}`) };
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
};

describe('live channels', () => {
  it('deliver in process to the channel and key subscribed, and to subscribers of all', async () => {
    const hub = new LiveHub();
    const { a, b } = open(hub);
    await hub.start();
    const gotA: Delivered<A>[] = [];
    const gotB: Delivered<B>[] = [];
    const all: Delivered<A>[] = [];
    a.subscribe('o1', (e) => gotA.push(e));
    const stop = b.subscribe('o1/2025-01-02', (e) => gotB.push(e));
    a.subscribeAll((e) => all.push(e));
    a.publish({ kind: 'a', office: 'o1', n: 1 });
    a.publish({ kind: 'a', office: 'o2', n: 2 });
    b.publish({ kind: 'b', office: 'o1', day: '2025-01-02', n: 3 });
    b.publish({ kind: 'b', office: 'o1', day: '2025-01-03', n: 4 });
    stop();
    b.publish({ kind: 'b', office: 'o1', day: '2025-01-02', n: 5 });
    expect(gotA.map((e) => [e.n, e.local])).toEqual([[1, true]]);
    expect(all.map((e) => e.n)).toEqual([1, 2]);
    expect(gotB.map((e) => e.n)).toEqual([3]);
  });

  it('refuse a channel opened twice or after start (it would not be listened to)', async () => {
    const hub = new LiveHub();
    hub.channel<A>('test_a', (e) => e.office);
    expect(() => hub.channel<A>('test_a', (e) => e.office)).toThrow(/twice/);
    await hub.start();
    expect(() => hub.channel<B>('test_b', (e) => e.office)).toThrow(/after the hub started/);
  });

  const url = process.env.TEST_DATABASE_URL;
  describe.skipIf(!url)('on PostgreSQL', () => {
    let drop: () => Promise<void> = async () => {};
    const hubs: LiveHub[] = [];
    afterAll(async () => {
      await Promise.all(hubs.map((h) => h.stop()));
      await drop();
    });

    it('carry both channels between two servers on one listening connection each, reconnect, and stop for good', async () => {
      const fresh = await freshPostgres(url!);
      drop = fresh.drop;
      const lost: unknown[] = [];
      const bad: string[] = [];
      const servers = [0, 1].map(() => {
        const hub = new LiveHub(pgNotifyTransport(fresh.url, (err) => lost.push(err)), (_err, channel) => bad.push(channel));
        hubs.push(hub);
        return open(hub);
      });
      await Promise.all(hubs.map((h) => h.start()));
      const [s1, s2] = servers as [ReturnType<typeof open>, ReturnType<typeof open>];
      const got = servers.map((s) => {
        const seen: string[] = [];
        s.a.subscribeAll((e) => seen.push(`a${e.n}:${e.local}`));
        s.b.subscribeAll((e) => seen.push(`b${e.n}:${e.local}`));
        return seen;
      }) as [string[], string[]];

      const admin = new pg.Client({ connectionString: fresh.url });
      await admin.connect();
      try {
        const listening = await admin.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen%'",
        );
        expect(listening.rows[0]!.n).toBe(2);

        s1.a.publish({ kind: 'a', office: 'o1', n: 1 });
        s2.b.publish({ kind: 'b', office: 'o1', day: 'd', n: 2 });
        await admin.query("select pg_notify('test_a', 'not json')");
        await until(() => got[0].length >= 2 && got[1].length >= 2 && bad.length >= 2);
        await new Promise((r) => setTimeout(r, 100)); // and nothing more arrives
        expect(got[0].sort()).toEqual(['a1:true', 'b2:false']);
        expect(got[1].sort()).toEqual(['a1:false', 'b2:true']);
        expect(bad).toEqual(['test_a', 'test_a']);
        expect(lost).toEqual([]);

        // A lost listening connection is reported and opened again, still listening on both channels.
        const listeners = async () => (await admin.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and query ilike 'listen%'",
        )).rows[0]!.n;
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'");
        await until(() => lost.length >= 2);
        for (let i = 0; i < 200 && (await listeners()) < 2; i++) await new Promise((r) => setTimeout(r, 25));
        expect(await listeners()).toBe(2);
        expect(lost).toHaveLength(2);
        s2.a.publish({ kind: 'a', office: 'o1', n: 6 });
        await until(() => got[0].includes('a6:false') && got[1].includes('a6:true'));
        expect(got[0]).toContain('a6:false');
        expect(got[1]).toContain('a6:true');

        await hubs[0]!.stop();
        s1.a.publish({ kind: 'a', office: 'o1', n: 3 });
        await new Promise((r) => setTimeout(r, 100));
        expect(got[0]).toContain('a3:true');
        expect(got[1]).not.toContain('a3:false');
        // Left: the other server's listener and its sender pool's connection (backends exit shortly after).
        const others = async () => (await admin.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )).rows[0]!.n;
        let left = await others();
        for (let i = 0; i < 40 && left > 2; i++) {
          await new Promise((r) => setTimeout(r, 25));
          left = await others();
        }
        expect(left).toBe(2);
      } finally {
        await admin.end();
      }
    });

    it('open nothing after stop when the listening connection was lost just before (the pending reconnect is cancelled)', async () => {
      const fresh = await freshPostgres(url!);
      const lost: unknown[] = [];
      const hub = new LiveHub(pgNotifyTransport(fresh.url, (err) => lost.push(err)));
      open(hub);
      await hub.start();
      const admin = new pg.Client({ connectionString: fresh.url });
      await admin.connect();
      const connects = vi.spyOn(pg.Client.prototype, 'connect');
      try {
        await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'");
        await until(() => lost.length >= 1); // reported; a reconnect is now scheduled (250 ms)
        expect(lost).toHaveLength(1);
        await hub.stop();
        const before = connects.mock.calls.length;
        await new Promise((r) => setTimeout(r, 700));
        expect(connects.mock.calls.length).toBe(before);
      } finally {
        connects.mockRestore();
        await admin.end();
        await fresh.drop();
      }
    });
  });
});
