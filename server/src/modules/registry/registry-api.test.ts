// Registry API against the seeded demo network: reads, validation errors that name the field,
// the registry rules, scoped editing, and integrity held by the database.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import type { Agency, Office, OfficeDay, OfficeInput, OfficeSummary, Service } from '../../../../contracts/registry.ts';

describeWithApp('registry API', (ctx) => {
  const get = async <T>(url: string, cookie?: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const officeByName = async (name: string) => {
    const list = await get<OfficeSummary[]>('/offices');
    const found = list.find((o) => o.name.includes(name));
    if (!found) throw new Error(`no office named like ${name}`);
    return get<Office>(`/offices/${found.id}`);
  };
  const asInput = (o: Office): OfficeInput => ({
    name: o.name, tier: o.tier, isMotesplats: o.isMotesplats, partnerName: o.partnerName, hubOfficeId: o.hubOfficeId,
    street: o.street, postalCode: o.postalCode, city: o.city, kommunkod: o.kommunkod, lat: o.lat, lon: o.lon,
    counters: o.counters, videoRooms: o.videoRooms, capabilities: o.capabilities, languages: o.languages,
    accessibilityNotes: o.accessibilityNotes, phone: o.phone, email: o.email, openingHours: o.openingHours,
    dateExceptions: o.dateExceptions, agencyDays: o.agencyDays, serviceIds: o.serviceIds,
  });

  it('lists the agencies, with municipalities as their own kind', async () => {
    const agencies = await get<Agency[]>('/agencies');
    const names = agencies.map((a) => a.nameSv);
    for (const n of ['Försäkringskassan', 'Skatteverket', 'Pensionsmyndigheten', 'Arbetsförmedlingen', 'Migrationsverket', 'Trafikverket']) {
      expect(names).toContain(n);
    }
    expect(agencies.some((a) => a.kind === 'municipality' && a.kommunkod === '0780')).toBe(true);
  });

  it('has at least 30 services, each owned by an agency, with channels', async () => {
    const services = await get<Service[]>('/services');
    expect(services.length).toBeGreaterThanOrEqual(30);
    expect(services.every((s) => s.channels.length > 0 && s.durationMin >= 5)).toBe(true);
    expect(services.some((s) => s.requiredCapabilities.includes('biometric_station'))).toBe(true);
    expect(services.some((s) => s.performers.length > 0)).toBe(true);
  });

  it('lists offices nearest first from a place', async () => {
    const list = await get<OfficeSummary[]>('/offices?near=56.8777,14.8091');
    expect(list[0]!.municipalityName).toBe('Växjö');
    expect(list[0]!.distanceKm).toBeLessThan(5);
    for (let i = 1; i < list.length; i++) expect(list[i]!.distanceKm!).toBeGreaterThanOrEqual(list[i - 1]!.distanceKm!);
  });

  it('shows an office calendar with Swedish holidays closed', async () => {
    const vaxjo = await officeByName('Växjö');
    expect(vaxjo.isMotesplats).toBe(true);
    const days = await get<OfficeDay[]>(`/offices/${vaxjo.id}/calendar?from=2026-12-21&days=14`);
    const christmas = days.find((d) => d.date === '2026-12-25')!;
    expect(christmas).toMatchObject({ open: false, holidayNameSv: 'Juldagen', agencyIds: [] });
    const monday = days.find((d) => d.date === '2026-12-21')!;
    expect(monday.weekday).toBe(1);
    expect(monday.open).toBe(true);
    expect(monday.agencyIds.length).toBeGreaterThan(0);
  });

  it('rejects bad input with a stable code and the failing field', async () => {
    const cookie = await ctx.login('admin');
    const vaxjo = await officeByName('Växjö');
    const input = { ...asInput(vaxjo), name: 'Testkontor', openingHours: [{ weekday: 1, opens: '10:00', closes: '25:00' }] };
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: input });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'openingHours[0].closes' });

    const unknown = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: { ...asInput(vaxjo), colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'validation_failed', field: 'colour' });

    const reversed = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: { ...input, openingHours: [{ weekday: 2, opens: '16:00', closes: '10:00' }] } });
    expect(reversed.json()).toMatchObject({ code: 'validation_failed', field: 'openingHours[0].closes', details: { reason: 'closes_before_opens' } });

    const overlapping = [{ weekday: 2, opens: '09:00', closes: '12:00' }, { weekday: 2, opens: '11:00', closes: '15:00' }];
    const overlap = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: { ...input, openingHours: overlapping } });
    expect(overlap.json()).toMatchObject({ code: 'validation_failed', field: 'openingHours[1].opens', details: { reason: 'hours_overlap' } });

    const duplicate = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: asInput(vaxjo) });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'already_exists', field: 'name' });
  });

  it('enforces the servicecenter rule: open every weekday with a state agency each day', async () => {
    const cookie = await ctx.login('admin');
    const vaxjo = await officeByName('Växjö');
    const base = { ...asInput(vaxjo), name: 'Servicecenter Test', tier: 'servicecenter' as const, isMotesplats: false, dateExceptions: [] };
    const closedWednesday = { ...base, openingHours: base.openingHours.filter((h) => h.weekday !== 3) };
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: closedWednesday });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'rule_violation', field: 'openingHours' });
    expect(body.details.violations.map((v: { rule: string }) => v.rule)).toContain('servicecenter_open_every_weekday');

    const agencies = await get<Agency[]>('/agencies');
    const municipal = agencies.filter((a) => a.kind === 'municipality').map((a) => a.id);
    const onlyMunicipal = { ...base, agencyDays: base.agencyDays.filter((a) => municipal.includes(a.agencyId)) };
    const res2 = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: onlyMunicipal });
    expect(res2.statusCode).toBe(422);
    expect(res2.json().details.violations.map((v: { rule: string }) => v.rule)).toContain('servicecenter_agency_every_weekday');
  });

  it('offers a service only where the office has what it requires', async () => {
    const cookie = await ctx.login('admin');
    const vaxjo = await officeByName('Växjö');
    const services = await get<Service[]>('/services');
    const biometric = services.find((s) => s.requiredCapabilities.includes('biometric_station'))!;
    const input = { ...asInput(vaxjo), name: 'Kontor utan biometri', isMotesplats: false, capabilities: vaxjo.capabilities.filter((c) => c !== 'biometric_station'), serviceIds: [biometric.id] };
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: input });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'rule_violation', field: 'serviceIds[0]' });

    const ok = await ctx.app.inject({ method: 'POST', url: '/api/v1/offices', headers: { cookie }, payload: { ...input, serviceIds: [] } });
    expect(ok.statusCode, ok.body).toBe(201);
    const created = ok.json() as Office;
    expect(created.name).toBe('Kontor utan biometri');
    const hits = await get<Array<{ id: string }>>(`/search?q=${encodeURIComponent('kontor utan biometri')}`);
    expect(hits[0]!.id).toBe(created.id);
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/offices/${created.id}`, headers: { cookie } });
    expect(del.statusCode).toBe(204);
  });

  it('lets an office manager edit their own office only', async () => {
    const cookie = await ctx.login('chef.vaxjo');
    const vaxjo = await officeByName('Växjö');
    const own = await ctx.app.inject({ method: 'PUT', url: `/api/v1/offices/${vaxjo.id}`, headers: { cookie }, payload: { ...asInput(vaxjo), counters: vaxjo.counters + 1 } });
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as Office).counters).toBe(vaxjo.counters + 1);
    const other = (await get<OfficeSummary[]>('/offices')).find((o) => o.id !== vaxjo.id)!;
    const otherFull = await get<Office>(`/offices/${other.id}`);
    const res = await ctx.app.inject({ method: 'PUT', url: `/api/v1/offices/${other.id}`, headers: { cookie }, payload: asInput(otherFull) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('forbidden');
  });

  it('refuses to delete an agency that is still in use', async () => {
    const cookie = await ctx.login('admin');
    const fk = (await get<Agency[]>('/agencies')).find((a) => a.code === 'FK')!;
    const res = await ctx.app.inject({ method: 'DELETE', url: `/api/v1/agencies/${fk.id}`, headers: { cookie } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('in_use');
  });

  it('holds integrity in the database even past the API', async () => {
    await expect(ctx.db.execute(sql`insert into offices (name, tier, street, postal_code, city, kommunkod, lat, lon) values ('X', 'servicepunkt', 'a', '12345', 'b', '0780', 56.9, 14.8)`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`insert into offices (name, tier, street, postal_code, city, kommunkod, lat, lon) values ('Y', 'servicekontor', 'a', '12345', 'b', '0780', 14.8, 56.9)`)).rejects.toThrow();
    await expect(ctx.db.execute(sql`insert into services (agency_id, name_sv, name_en, duration_min, channels) select id, 'Z', 'Z', 30, array['fax'] from agencies limit 1`)).rejects.toThrow();
  });
});
