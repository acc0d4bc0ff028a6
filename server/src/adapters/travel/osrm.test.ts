// The OSRM table client against a response in OSRM's table format (fixtures/), through a fake fetch:
// the URL it builds, seconds turned into destination-major minutes, no route as Infinity, blocks for
// large matrices, and each kind of failure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OsrmTravel } from './osrm.ts';
import { GreatCircleTravel } from './great-circle.ts';
import { createTravelTimes } from './index.ts';

const recorded = JSON.parse(readFileSync(new URL('./fixtures/osrm-table-kronoberg.json', import.meta.url), 'utf8')) as unknown;

const LENHOVDA = { lat: 57.0029, lon: 15.5312 };
const LESSEBO = { lat: 56.7518, lon: 15.2697 };
const VISBY = { lat: 57.6394, lon: 18.2954 };
const VAXJO = { lat: 56.8777, lon: 14.8091 };
const ASEDA = { lat: 57.1694, lon: 15.3466 };

function fakeFetch(answer: (url: string) => Response | Promise<Response>) {
  const urls: string[] = [];
  const fn = (async (input: string | URL | Request) => {
    const url = String(input);
    urls.push(url);
    return answer(url);
  }) as typeof fetch;
  return { fn, urls };
}
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('OSRM travel adapter', () => {
  it('requests one table and turns seconds into destination-major minutes', async () => {
    const f = fakeFetch(() => json(200, recorded));
    const travel = new OsrmTravel({ url: 'http://osrm.local:5000/', fetch: f.fn });
    const m = await travel.matrix([LENHOVDA, LESSEBO, VISBY], [VAXJO, ASEDA]);
    expect(f.urls).toEqual([
      'http://osrm.local:5000/table/v1/driving/15.531200,57.002900;15.269700,56.751800;18.295400,57.639400;14.809100,56.877700;15.346600,57.169400'
        + '?sources=0;1;2&destinations=3;4&annotations=duration',
    ]);
    expect(m.demandCount).toBe(3);
    expect(m.siteCount).toBe(2);
    // minutes[site * 3 + origin]
    expect(m.minutes[0 * 3 + 0]).toBeCloseTo(2198.4 / 60, 4);
    expect(m.minutes[1 * 3 + 0]).toBeCloseTo(1391.7 / 60, 4);
    expect(m.minutes[0 * 3 + 1]).toBeCloseTo(1874.2 / 60, 4);
    expect(m.minutes[1 * 3 + 1]).toBeCloseTo(2250.9 / 60, 4);
    // No route from Gotland without the ferry: Infinity, which the engine reports as unreachable.
    expect(m.minutes[0 * 3 + 2]).toBe(Infinity);
    expect(m.minutes[1 * 3 + 2]).toBe(Infinity);
  });

  it('splits a matrix larger than the server accepts into blocks and puts each back in place', async () => {
    // Answer each block with seconds = 60 · (origin index · 100 + destination index) read back from the URL.
    const f = fakeFetch((url) => {
      const q = new URL(url).searchParams;
      const coords = new URL(url).pathname.split('/').at(-1)!.split(';');
      const src = q.get('sources')!.split(';').map(Number);
      const dst = q.get('destinations')!.split(';').map(Number);
      const at = (i: number) => Math.round(Number(coords[i]!.split(',')[1]) * 1000) % 1000;
      return json(200, { code: 'Ok', durations: src.map((s) => dst.map((d) => 60 * (at(s) * 100 + at(d)))) });
    });
    const origins = Array.from({ length: 7 }, (_, i) => ({ lat: 60 + i / 1000, lon: 15 }));
    const sites = Array.from({ length: 5 }, (_, j) => ({ lat: 61 + j / 1000, lon: 16 }));
    const m = await new OsrmTravel({ url: 'http://osrm.local', maxLocations: 6, concurrency: 2, fetch: f.fn }).matrix(origins, sites);
    expect(f.urls.length).toBe(3 * 2); // blocks of 3 origins × 3 destinations
    for (let i = 0; i < 7; i++) for (let j = 0; j < 5; j++) expect(m.minutes[j * 7 + i]).toBe(i * 100 + j);
  });

  it('reports a refused request with OSRM\'s code', async () => {
    const f = fakeFetch(() => json(400, { code: 'TooBig', message: 'Too many table coordinates' }));
    await expect(new OsrmTravel({ url: 'http://osrm.local', fetch: f.fn }).matrix([LENHOVDA], [VAXJO]))
      .rejects.toMatchObject({ code: 'upstream_error', details: { reason: 'travel_rejected', provider: 'osrm', code: 'TooBig' } });
  });

  it('reports a confused or unreachable server', async () => {
    const html = fakeFetch(() => new Response('<html>502</html>', { status: 502 }));
    await expect(new OsrmTravel({ url: 'http://osrm.local', fetch: html.fn }).matrix([LENHOVDA], [VAXJO]))
      .rejects.toMatchObject({ details: { reason: 'travel_provider_error', status: 502 } });
    const shape = fakeFetch(() => json(200, { code: 'Ok', durations: [[1, 2]] }));
    await expect(new OsrmTravel({ url: 'http://osrm.local', fetch: shape.fn }).matrix([LENHOVDA], [VAXJO]))
      .rejects.toMatchObject({ details: { reason: 'travel_provider_error' } });
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(new OsrmTravel({ url: 'http://osrm.local', fetch: down.fn }).matrix([LENHOVDA], [VAXJO]))
      .rejects.toMatchObject({ details: { reason: 'travel_unreachable' } });
  });
});

describe('great-circle travel model', () => {
  it('is distance × detour factor at the road speed', () => {
    const t = new GreatCircleTravel({ detourFactor: 1.3, speedKmh: 70 });
    // One degree of latitude is 111.2 km on the mean-radius sphere: 111.2 × 1.3 / 70 h.
    expect(t.minutes({ lat: 60, lon: 15 }, { lat: 61, lon: 15 })).toBeCloseTo((111.195 * 1.3 * 60) / 70, 1);
    const m = t.matrixSync([LENHOVDA, LESSEBO], [VAXJO]);
    expect(m.minutes[1]).toBeCloseTo(t.minutes(LESSEBO, VAXJO), 4);
  });

  it('is the default when no TRAVEL_URL is set', () => {
    expect(createTravelTimes({}).name).toBe('great-circle');
    expect(createTravelTimes({ url: 'http://osrm.local:5000' }).name).toBe('osrm');
  });
});
