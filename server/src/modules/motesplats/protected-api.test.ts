// Protected identity at Mötesplats through the API: a marked member's name reaches the office's
// coordinator only (list, detail, plan, the officer's read of one household), the housing address only
// the coordinator and the municipality, the itinerary link names nobody, the report carries no names,
// and reads stay audit-logged. docs/motesplats.md, "Protected identity".
import { beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog } from '../../db/schema.ts';
import type { DayPlanView, Household, Itinerary, PlanResult, Template } from '../../../../contracts/motesplats.ts';
import { agencyId, client, dayResources, stableIds, VAXJO, type User } from './test-helpers.ts';

const DATE = '2026-12-15';
const NAME = 'Leyla';
const ADDRESS = 'Hemliga gränd 5, 352 30 Växjö';

describeWithApp('Mötesplats protected identity', (ctx) => {
  const { as } = client(ctx);
  const base = `/motesplats/offices/${VAXJO}`;
  const day = `${base}/days/${DATE}`;
  let household: Household;
  const hPath = () => `${base}/households/${household.id}`;

  beforeAll(async () => {
    ctx.now = new Date(`${DATE}T06:00:00Z`);
    const template = ((await as('samordnare.vaxjo', 'GET', `${base}/templates`)).json() as Template[])[0]!;
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    const res = await as('samordnare.vaxjo', 'POST', `${day}/households`, {
      language: 'ar', arrival: '09:00', assignedKommunkod: '0780', housing: { assigned: true, address: ADDRESS },
      members: [
        { givenName: NAME, birthYear: 1988, needsInterpreter: true, protectedIdentity: true },
        { givenName: 'Omid', birthYear: 1986, needsInterpreter: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    household = res.json() as Household;
    // Consent covers housing for FK and the municipality: the address rule holds whatever the consent.
    for (const code of ['FK', 'K0780']) {
      const given = await as('samordnare.vaxjo', 'POST', `${hPath()}/consent`, { agencyId: agencyId(code), action: 'give', fields: ['housing', 'birthYears'] });
      expect(given.statusCode, given.body).toBe(200);
    }
  });

  it('shows the coordinator the name, the marking and the address', async () => {
    expect(household.members[0]).toMatchObject({ givenName: NAME, protectedIdentity: true, nameHidden: false });
    expect(household.members[1]).toMatchObject({ givenName: 'Omid', protectedIdentity: false, nameHidden: false });
    const list = await as('samordnare.vaxjo', 'GET', `${day}/households`);
    expect(list.body).toContain(NAME);
    expect((list.json() as Household[])[0]!.housing).toEqual({ assigned: true, address: ADDRESS });
  });

  it('gives everyone else a label with the household reference, in lists and in one household', async () => {
    for (const user of ['fk.vaxjo', 'kommun.vaxjo', 'mv.vaxjo', 'chef.vaxjo', 'admin'] as User[]) {
      const list = await as(user, 'GET', `${day}/households`);
      expect(list.statusCode, `${user}: ${list.body}`).toBe(200);
      expect(list.body, user).not.toContain(NAME);
      const detail = await as(user, 'GET', hPath());
      expect(detail.body, user).not.toContain(NAME);
      const member = (detail.json() as Household).members[0]!;
      expect(member, user).toMatchObject({ givenName: `Skyddad identitet ${household.reference}:1`, protectedIdentity: true, nameHidden: true });
      expect((detail.json() as Household).members[1]!.givenName, user).toBe('Omid');
    }
  });

  it('shows the housing address to the municipality and the coordinator only', async () => {
    const address = async (user: User) => ((await as(user, 'GET', hPath())).json() as Household).housing?.address ?? null;
    expect(await address('samordnare.vaxjo')).toBe(ADDRESS);
    expect(await address('kommun.vaxjo')).toBe(ADDRESS);
    expect(await address('fk.vaxjo')).toBeNull(); // consent covers housing, protected identity overrides it
    expect(await address('admin')).toBeNull();
    for (const user of ['fk.vaxjo', 'chef.vaxjo', 'admin'] as User[]) expect((await as(user, 'GET', `${day}/households`)).body).not.toContain('Hemliga');
  });

  it('keeps the name out of the plan for everyone but the coordinator', async () => {
    const made = await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 50 });
    expect(made.statusCode, made.body).toBe(200);
    expect((made.json() as PlanResult).plan.households[0]!.members[0]!.givenName).toBe(NAME);
    for (const user of ['fk.vaxjo', 'kommun.vaxjo', 'chef.vaxjo', 'admin'] as User[]) {
      const plan = await as(user, 'GET', `${day}/plan`);
      expect(plan.statusCode, plan.body).toBe(200);
      expect(plan.body, user).not.toContain(NAME);
      expect((plan.json() as DayPlanView).households[0]!.members[0]).toMatchObject({ protectedIdentity: true, nameHidden: true });
    }
    expect((await as('samordnare.vaxjo', 'GET', `${day}/plan`)).body).toContain(NAME);
  });

  it('names nobody of the household on its itinerary link', async () => {
    const res = await as(null, 'GET', `/motesplats/itinerary/${household.itineraryToken}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(NAME);
    expect(res.body).not.toContain('Omid');
    expect(res.body).not.toContain('Hemliga');
    const itinerary = res.json() as Itinerary;
    expect(itinerary.protectedIdentity).toBe(true);
    expect(itinerary.members.map((m) => m.givenName)).toEqual(['Person 1', 'Person 2']);
    expect(itinerary.stops.length).toBeGreaterThan(0);
    const [row] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_itinerary'), eq(auditLog.resourceId, household.id)));
    expect(row).toBeDefined();
  });

  it('carries no names in the lead-time report', async () => {
    const res = await as('samordnare.vaxjo', 'GET', `/motesplats/report?officeId=${VAXJO}&from=${DATE}&to=${DATE}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(household.reference);
    expect(res.body).not.toContain(NAME);
    expect(res.body).not.toContain('Omid');
  });

  it('keeps audit-logging reads by officers who see the label', async () => {
    const fk = stableIds.user('fk.vaxjo');
    const rows = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_household'), eq(auditLog.resourceId, household.id), eq(auditLog.actorUserId, fk)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lets only the coordinator correct the members, keeps the marking when left out and audits a change of it', async () => {
    const members = household.members.map((m) => ({ id: m.id, givenName: m.givenName, birthYear: m.birthYear!, needsInterpreter: m.needsInterpreter }));
    const admin = await as('admin', 'PATCH', hPath(), { members });
    expect(admin.statusCode).toBe(403);
    expect(admin.json()).toMatchObject({ field: 'members', details: { reason: 'protected_identity' } });
    // Nor the address the admin is not shown.
    const housing = await as('admin', 'PATCH', hPath(), { housing: { assigned: false } });
    expect(housing.statusCode).toBe(403);
    expect(housing.json()).toMatchObject({ field: 'housing', details: { reason: 'protected_identity' } });

    const kept = await as('samordnare.vaxjo', 'PATCH', hPath(), { members });
    expect(kept.statusCode, kept.body).toBe(200);
    expect((kept.json() as Household).members[0]!.protectedIdentity).toBe(true);

    const marked = await as('samordnare.vaxjo', 'PATCH', hPath(), { members: members.map((m) => ({ ...m, protectedIdentity: true })) });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((marked.json() as Household).members.every((m) => m.protectedIdentity)).toBe(true);
    const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_household'), eq(auditLog.resourceId, household.id), eq(auditLog.action, 'motesplats.day.manage')));
    const details = audits.map((a) => a.details as { changed?: string[] } | null);
    expect(details.some((d) => d?.changed?.includes('protectedIdentity'))).toBe(true);
    expect(JSON.stringify(details)).not.toContain(NAME);
    expect((await as('fk.vaxjo', 'GET', hPath())).body).not.toContain('Omid');
  });
});
