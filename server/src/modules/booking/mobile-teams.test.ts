// The office manager creates and renames the hub office's mobile teams: a new team is listed and its
// visits can be planned at once; a missing or taken name is refused on the field `name` with a stable
// reason (unique per hub office ignoring case; another office may use the same name); a rename keeps the team's visits; only the hub office's manager may do this.
import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { mobileTeams, offices } from '../../db/schema.ts';
import { mapDbError } from '../../lib/db-errors.ts';
import { createUser } from '../auth/users.ts';
import { createMobileTeam } from './mobile-admin.ts';
import type { MobilePlanning, MobileTeam, MobileVisit } from '../../../../contracts/booking.ts';
import { LENHOVDA, SJUKPENNING, VAXJO } from './test-helpers.ts';

describeWithApp('mobile teams', (ctx) => {
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  let chef = '';
  let team: MobileTeam;
  /** Another servicekontor, with a manager of its own. */
  let other = '';

  it('creates a team that is listed and can be sent on a visit', async () => {
    chef = await ctx.login('chef.vaxjo');
    const res = await call('POST', `/offices/${VAXJO}/mobile-teams`, chef, { name: '  Mobila  teamet Norr ' });
    expect(res.statusCode, res.body).toBe(201);
    team = res.json() as MobileTeam;
    expect(team.name).toBe('Mobila teamet Norr');
    const planning = (await call('GET', `/offices/${VAXJO}/mobile-teams`, chef)).json() as MobilePlanning;
    expect(planning.teams.map((t) => t.name)).toEqual(['Mobila teamet Norr', 'Mobila teamet Växjö']);
    // Wednesday 9 December: the demo team is at Lenhovda on Tuesdays.
    const visit = await call('POST', `/offices/${VAXJO}/mobile-visits`, chef, {
      teamId: team.id, stopOfficeId: LENHOVDA, date: '2026-12-09', opens: '10:00', closes: '12:00', capacity: 1, serviceIds: [SJUKPENNING],
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect((visit.json() as MobileVisit).teamName).toBe('Mobila teamet Norr');
  });

  it('refuses a missing or taken name on the field name, with its reason', async () => {
    const refused = async (method: 'POST' | 'PATCH', url: string, payload: object, status: number, code: string, reason?: string) => {
      const res = await call(method, url, chef, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code, field: 'name', ...(reason ? { details: { reason } } : {}) });
    };
    const create = `/offices/${VAXJO}/mobile-teams`;
    await refused('POST', create, { name: '' }, 400, 'validation_failed', 'name_required');
    await refused('POST', create, { name: '   ' }, 400, 'validation_failed', 'name_required');
    await refused('POST', create, { name: 'x'.repeat(81) }, 400, 'validation_failed');
    await refused('POST', create, {}, 400, 'validation_failed');
    // Unique within the office, whatever the case.
    await refused('POST', create, { name: 'MOBILA TEAMET VÄXJÖ' }, 409, 'already_exists', 'team_name_taken');
    await refused('PATCH', `${create}/${team.id}`, { name: 'mobila teamet växjö' }, 409, 'already_exists', 'team_name_taken');
    await refused('PATCH', `${create}/${team.id}`, { name: '' }, 400, 'validation_failed', 'name_required');

    // Names are unique per hub office: another office may have a team of the same name, in any case.
    const [ljungby] = await ctx.db.select().from(offices).where(eq(offices.name, 'Servicekontor Ljungby'));
    other = (ljungby ?? (await ctx.db.select().from(offices).where(eq(offices.tier, 'servicekontor'))).find((o) => o.id !== VAXJO)!).id;
    await createUser(ctx.db, { username: 'chef.team', displayName: 'Annan chef', password: 'other-password', roles: [{ role: 'office_manager', officeId: other, agencyId: null, countyCode: null }] });
    const otherChef = await ctx.login('chef.team', 'other-password');
    const theirs = await call('POST', `/offices/${other}/mobile-teams`, otherChef, { name: 'Mobila teamet norr' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await call('POST', `/offices/${other}/mobile-teams`, otherChef, { name: 'Mobila teamet' })).statusCode).toBe(201);
    expect((await call('POST', create, chef, { name: 'Mobila teamet' })).statusCode).toBe(201);
    // The database holds the rule too: the unique index (hub, lower(name)) maps to the field name.
    const direct = await createMobileTeam(ctx.db, other, { name: 'MOBILA TEAMET' }).catch((e: unknown) => e);
    expect(direct).toMatchObject({ code: 'already_exists', field: 'name' });
    const raw = await ctx.db.insert(mobileTeams).values({ hubOfficeId: other, name: 'mobila TEAMET' }).then(() => null, (e: unknown) => mapDbError(e));
    expect(raw).toMatchObject({ code: 'already_exists', field: 'name' });
  });

  it('renames a team: its visits keep it, and its own name in another case is fine', async () => {
    const url = `/offices/${VAXJO}/mobile-teams/${team.id}`;
    const res = await call('PATCH', url, chef, { name: 'Mobila teamet Uppvidinge' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: team.id, name: 'Mobila teamet Uppvidinge' });
    const visits = (await call('GET', `/offices/${LENHOVDA}/mobile-visits?from=2026-12-09&to=2026-12-09`, '')).json() as MobileVisit[];
    expect(visits.map((v) => [v.teamId, v.teamName])).toEqual([[team.id, 'Mobila teamet Uppvidinge']]);
    expect((await call('PATCH', url, chef, { name: 'MOBILA TEAMET UPPVIDINGE' })).json()).toMatchObject({ name: 'MOBILA TEAMET UPPVIDINGE' });
    expect((await call('PATCH', `/offices/${VAXJO}/mobile-teams/${VAXJO}`, chef, { name: 'X' })).json()).toMatchObject({ code: 'not_found', field: 'teamId' });
  });

  it("refuses another office's manager, the hub's service officers and anonymous callers", async () => {
    const officer = await ctx.login('handlaggare.vaxjo');
    const otherChef = await ctx.login('chef.team', 'other-password');
    for (const cookie of [otherChef, officer]) {
      expect((await call('POST', `/offices/${VAXJO}/mobile-teams`, cookie, { name: 'Inte mitt team' })).statusCode).toBe(403);
      expect((await call('PATCH', `/offices/${VAXJO}/mobile-teams/${team.id}`, cookie, { name: 'Inte mitt team' })).statusCode).toBe(403);
    }
    expect((await call('POST', `/offices/${VAXJO}/mobile-teams`, '', { name: 'Anonymt team' })).statusCode).toBe(401);
    // Under its own office's path, the other manager cannot reach Växjö's team.
    expect((await call('PATCH', `/offices/${other}/mobile-teams/${team.id}`, otherChef, { name: 'Kapat' })).json()).toMatchObject({ code: 'not_found', field: 'teamId' });
  });
});
