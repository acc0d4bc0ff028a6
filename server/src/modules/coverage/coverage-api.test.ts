// Coverage planning through the API and the CLI on the seeded demo network: figures that add up to
// Sweden, closing Växjö's office moves Kronoberg's figures, new sites with their gains, field-named
// validation errors, who may ask, and the CSV tables. One file, so the travel matrix is built once.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { offices } from '../../db/schema.ts';
import { describeWithApp } from '../../test/harness.ts';
import type { CoverageAnalysis, CoverageContext } from '../../../../contracts/coverage.ts';
import type { OfficeSummary } from '../../../../contracts/registry.ts';
import { runCoverageCommand } from './cli.ts';

const SWEDEN = 10_605_520;
const KRONOBERG = 203_122;

describeWithApp('coverage planning API', (ctx) => {
  let planner: string;
  let vaxjoId: string;
  let serviceId: string;
  const get = (url: string, cookie = planner) => ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
  const analysis = async (query: string) => {
    const res = await get(`/coverage?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as CoverageAnalysis;
  };
  const kronoberg = (a: CoverageAnalysis['result']) => a.counties.find((c) => c.code === '07')!;

  it('sets up: a planner, Växjö and a service offered there', async () => {
    planner = await ctx.login('planerare');
    const offices = (await get('/offices?tier=servicekontor', '')).json() as OfficeSummary[];
    vaxjoId = offices.find((o) => o.name === 'Servicekontor Växjö')!.id;
    const office = (await get(`/offices/${vaxjoId}`, '')).json() as { serviceIds: string[] };
    const context = (await get('/coverage/context')).json() as CoverageContext;
    // The service offered at Växjö by the most offices: a network with neighbours to reassign to.
    serviceId = context.services.filter((s) => office.serviceIds.includes(s.id)).sort((a, b) => b.officeCount - a.officeCount)[0]!.id;
    expect(context.defaultCounty).toBeNull();
    expect(context.sources).toMatchObject({ population: SWEDEN, localities: 2017, populationDate: '2025-12-31' });
    expect(context.sources.lines.some((l) => l.includes('SCB'))).toBe(true);
    expect(context.travelModel.name).toBe('great-circle');
    expect(context.counties).toHaveLength(21);
  });

  it('gives sane figures for every office and for one service', async () => {
    const any = await analysis('');
    const n = any.result.national;
    expect(n.population).toBe(SWEDEN);
    expect(any.result.counties).toHaveLength(21);
    expect(any.result.municipalities).toHaveLength(290);
    expect(n.within).toEqual([...n.within].sort((a, b) => a - b));
    expect(n.shareWithin.every((s) => s > 0 && s <= 1)).toBe(true);
    expect(n.meanMinutes).toBeGreaterThan(5);
    expect(n.meanMinutes).toBeLessThan(30);
    expect(n.p90Minutes).toBeGreaterThan(n.meanMinutes!);
    expect(kronoberg(any.result).population).toBe(KRONOBERG);
    expect(any.underservedMinutes).toBe(30);
    expect(any.result.underserved.every((u) => u.minutes! > 30)).toBe(true);
    expect(any.closure).toBeNull();
    expect(any.newSites).toBeNull();

    const one = await analysis(`service=${serviceId}`);
    expect(one.service?.id).toBe(serviceId);
    expect(one.offices.length).toBeLessThanOrEqual(any.offices.length);
    expect(one.offices.some((o) => o.id === vaxjoId)).toBe(true);
    // Fewer offices can only lengthen trips.
    expect(one.result.national.meanMinutes).toBeGreaterThanOrEqual(n.meanMinutes!);
    expect(one.offices.reduce((s, o) => s + o.servedBefore, 0)).toBe(SWEDEN - one.result.national.unreachable);
  });

  it('filters the long tables to a county', async () => {
    const a = await analysis('county=07&underservedMinutes=15');
    expect(a.county).toBe('07');
    expect(a.result.municipalities.map((m) => m.countyCode)).toEqual(Array(8).fill('07'));
    expect(a.result.counties).toHaveLength(21);
    expect(a.result.underserved.length).toBeGreaterThan(0);
    expect(a.result.underserved.every((u) => u.countyCode === '07' && u.minutes! > 15)).toBe(true);
  });

  it('closing Växjö reassigns its people and worsens Kronoberg', async () => {
    const a = await analysis(`service=${serviceId}&close=${vaxjoId}&county=07`);
    const before = kronoberg(a.baseline);
    const after = kronoberg(a.result);
    expect(after.meanMinutes).toBeGreaterThan(before.meanMinutes!);
    expect(after.within[1]).toBeLessThan(before.within[1]!);
    const vaxjo = a.result.municipalities.find((m) => m.code === '0780')!;
    expect(vaxjo.meanMinutes).toBeGreaterThan(a.baseline.municipalities.find((m) => m.code === '0780')!.meanMinutes!);
    const c = a.closure!;
    expect(c.closed).toEqual([{ id: vaxjoId, name: 'Servicekontor Växjö' }]);
    expect(c.affectedPeople).toBeGreaterThan(90_000);
    expect(c.addedMinutesPerAffectedPerson).toBeGreaterThan(0);
    expect(c.reassignments.every((r) => r.fromOfficeId === vaxjoId)).toBe(true);
    expect(c.reassignments.reduce((s, r) => s + r.people, 0)).toBe(c.affectedPeople);
    expect(c.crossings.map((x) => x.minutes)).toEqual([15, 30, 45, 60]);
    expect(c.crossings[1]!.lost).toBe(c.crossings[1]!.withinBefore - c.crossings[1]!.withinAfter);
    const office = a.offices.find((o) => o.id === vaxjoId)!;
    expect(office).toMatchObject({ closed: true, servedAfter: 0 });
    expect(office.servedBefore).toBe(c.affectedPeople);
  });

  it('adds k sites with positive gains, and designs from scratch', async () => {
    const a = await analysis(`service=${serviceId}&close=${vaxjoId}&add=3&objective=pmedian`);
    const s = a.newSites!;
    expect(s.sites).toHaveLength(3);
    expect(s.sites.every((x) => x.gain > 0 && x.meanMinutesSaved! > 0 && x.id.startsWith('tatort:'))).toBe(true);
    expect(s.headlineAfter).toBeLessThan(s.headlineBefore);
    expect(s.candidateCount).toBe(2017);
    expect(a.result.national.meanMinutes).toBeLessThan(a.closure ? a.baseline.national.meanMinutes! + a.closure.addedMinutesPerCapita + 1e-6 : Infinity);
    expect(s.headlineAfter).toBeCloseTo(a.result.national.meanMinutes!, 3);

    const cover = await analysis(`add=2&objective=maxcover&coverMinutes=20&county=07`);
    expect(cover.newSites!.sites.every((x) => x.countyCode === '07' && x.gain > 0)).toBe(true);
    expect(cover.newSites!.headlineAfter).toBeGreaterThan(cover.newSites!.headlineBefore);
    expect(cover.newSites!.coverMinutes).toBe(20);

    const listed = await analysis('add=1&candidate=0780TB108&candidate=0765TB102');
    expect(listed.newSites!.candidateCount).toBe(2);
    expect(['tatort:0780TB108', 'tatort:0765TB102']).toContain(listed.newSites!.sites[0]!.id);

    const scratch = await analysis('add=40&keepNetwork=false');
    expect(scratch.newSites!.keepNetwork).toBe(false);
    expect(scratch.newSites!.sites).toHaveLength(40);
    expect(scratch.result.national.unreachable).toBe(0);
  });

  it('names the field and reason of every refused input', async () => {
    const cases: [string, string, string | undefined][] = [
      ['service=00000000-0000-4000-8000-000000000000', 'service', 'unknown_service'],
      ['close=not-a-uuid', 'close[0]', undefined],
      [`close=${vaxjoId}&close=00000000-0000-4000-8000-000000000000`, 'close[1]', 'unknown_office'],
      ['add=0', 'add', undefined],
      ['add=2&objective=fastest', 'objective', undefined],
      ['objective=pmedian', 'objective', 'needs_add'],
      ['county=99', 'county', 'unknown_county'],
      ['county=7', 'county', undefined],
      ['add=1&candidate=0780TX999', 'candidate[0]', 'unknown_locality'],
      ['add=1&candidates=list', 'candidate', 'candidates_required'],
      ['add=3&candidate=0780TB108', 'add', 'too_few_candidates'],
      [`add=1&keepNetwork=false&close=${vaxjoId}`, 'close', 'close_with_redesign'],
      ['colour=red', 'colour', undefined],
    ];
    for (const [query, field, reason] of cases) {
      const res = await get(`/coverage?${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json() as { code: string; field: string; details?: { reason?: string } };
      expect(body, query).toMatchObject({ code: 'validation_failed', field });
      if (reason) expect(body.details?.reason, query).toBe(reason);
    }
    // An office that does not offer the service: closing it would change nothing.
    const one = await analysis(`service=${serviceId}`);
    const all = await analysis('');
    const other = all.offices.find((o) => !one.offices.some((x) => x.id === o.id));
    if (other) {
      const res = await get(`/coverage?service=${serviceId}&close=${other.id}`);
      expect(res.json()).toMatchObject({ field: 'close[0]', details: { reason: 'office_not_offering' } });
    }
    expect((await get('/coverage/export')).json()).toMatchObject({ code: 'validation_failed', field: 'table' });
    expect((await get('/coverage/export?table=reassignments')).json()).toMatchObject({ field: 'close', details: { reason: 'needs_close' } });
    expect((await get('/coverage/export?table=new-sites')).json()).toMatchObject({ field: 'add', details: { reason: 'needs_add' } });
  });

  it('lets planners and admins in, and nobody else', async () => {
    for (const url of ['/coverage/context', '/coverage', '/coverage/export?table=counties']) {
      expect((await get(url, '')).statusCode, url).toBe(401);
      for (const user of ['chef.vaxjo', 'handlaggare.vaxjo', 'fk.vaxjo', 'samordnare.vaxjo']) {
        const res = await get(url, await ctx.login(user));
        expect(res.statusCode, `${user} ${url}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'forbidden' });
      }
    }
    // The county planner starts in Kronoberg and may still read the national figures (docs/coverage.md).
    const county = await ctx.login('planerare.kronoberg');
    expect(((await get('/coverage/context', county)).json() as CoverageContext).defaultCounty).toBe('07');
    const national = await get('/coverage', county);
    expect(national.statusCode).toBe(200);
    expect((national.json() as CoverageAnalysis).result.national.population).toBe(SWEDEN);
    const admin = await ctx.login('admin');
    expect(((await get('/coverage/context', admin)).json() as CoverageContext).defaultCounty).toBeNull();
  });

  it('exports each table as CSV', async () => {
    const csv = async (query: string) => {
      const res = await get(`/coverage/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tackning-[a-z-]+\.csv"$/);
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      return res.body.slice(1).trimEnd().split('\r\n');
    };
    const counties = await csv(`table=counties&service=${serviceId}&close=${vaxjoId}`);
    expect(counties).toHaveLength(1 + 1 + 21);
    const header = counties[0]!.split(',');
    expect(header.slice(0, 6)).toEqual(['code', 'name', 'county_code', 'population', 'within_15_before', 'within_30_before']);
    expect(header).toHaveLength(4 + 2 * 11);
    expect(counties.every((line) => line.split(',').length === header.length)).toBe(true);
    expect(counties[1]!.startsWith(`SE,Sverige,,${SWEDEN},`)).toBe(true);

    expect(await csv('table=municipalities&county=07')).toHaveLength(1 + 8);
    const reassignments = await csv(`table=reassignments&service=${serviceId}&close=${vaxjoId}`);
    expect(reassignments[0]).toBe('from_office_id,from_office,to_office_id,to_office,people,added_minutes_per_person');
    expect(reassignments.length).toBeGreaterThan(1);
    const sites = await csv('table=new-sites&add=4');
    expect(sites).toHaveLength(1 + 4);
    expect(sites[1]!.split(',')[0]).toBe('1');
    expect(sites[1]).toContain('person_minutes');
    const underserved = await csv('table=underserved&underservedLimit=5');
    expect(underserved).toHaveLength(1 + 5);
  });

  it('answers the same analysis on the command line, as JSON and as CSV', async () => {
    let out = '';
    const write = (s: string) => void (out += s);
    await runCoverageCommand(['--service', serviceId, '--close', 'Servicekontor Växjö', '--add', '2', '--objective', 'pmedian'], ctx.db, null, write);
    const json = JSON.parse(out) as CoverageAnalysis;
    expect(json.closure!.closed[0]!.id).toBe(vaxjoId);
    expect(json.newSites!.sites).toHaveLength(2);

    out = '';
    await runCoverageCommand(['--close', vaxjoId, '--add', '2', '--format', 'csv', '--table', 'new-sites'], ctx.db, null, write);
    const lines = out.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('rank,id,name')).toBe(true);
    expect(lines).toHaveLength(3);

    await expect(runCoverageCommand(['--add', '0'], ctx.db, null, write)).rejects.toMatchObject({ code: 'validation_failed', field: 'add' });
    await expect(runCoverageCommand(['--close', 'Servicekontor Atlantis'], ctx.db, null, write)).rejects.toMatchObject({ field: 'close' });
    await expect(runCoverageCommand(['--format', 'xml'], ctx.db, null, write)).rejects.toThrow('--format');
  });

  it('follows a registry change at once: an office moved gets new travel times (the cache is keyed by the offices)', async () => {
    const before = await analysis(`service=${serviceId}&county=07`);
    // Moved 40 km north-east, out of Växjö: Växjö's own people now travel further.
    await ctx.db.update(offices).set({ lat: 57.2, lon: 15.3 }).where(eq(offices.id, vaxjoId));
    const after = await analysis(`service=${serviceId}&county=07`);
    const mean = (a: CoverageAnalysis) => a.result.municipalities.find((m) => m.code === '0780')!.meanMinutes!;
    expect(mean(after)).toBeGreaterThan(mean(before) + 5);
    expect(after.offices.find((o) => o.id === vaxjoId)).toMatchObject({ lat: 57.2, lon: 15.3 });
  });
});
