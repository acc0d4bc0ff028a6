// Correcting a household after registration and removing one registered by mistake: validation as at
// registration, member ids kept, no rewriting of a step that has started, the audit row of the change,
// and the plan in force reading `stale` until the coordinator re-plans.
import { beforeAll, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog } from '../../db/schema.ts';
import type { DayPlanView, Household, PlanResult, Step, Template } from '../../../../contracts/motesplats.ts';
import { agencyId, client, dayResources, samordningsnummer, VAXJO } from './test-helpers.ts';

const DATE = '2026-12-10';
const at = (hhmm: string) => new Date(`${DATE}T${hhmm}:00+01:00`);
const NADIA_ID = samordningsnummer('1989-03-02', '456');

describeWithApp('Mötesplats household corrections', (ctx) => {
  const { as } = client(ctx);
  const day = `/motesplats/offices/${VAXJO}/days/${DATE}`;
  const hPath = (h: Household) => `/motesplats/offices/${VAXJO}/households/${h.id}`;
  const patch = (h: Household, body: object) => as('samordnare.vaxjo', 'PATCH', hPath(h), body);
  const plan = async () => (await as('samordnare.vaxjo', 'GET', `${day}/plan`)).json() as DayPlanView;
  const register = async (body: object) => {
    const r = await as('samordnare.vaxjo', 'POST', `${day}/households`, body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as Household;
  };
  let family: Household;
  let single: Household;

  beforeAll(async () => {
    ctx.now = at('07:30');
    const template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    family = await register({
      language: 'ar', arrival: '08:30', housing: { assigned: true, address: 'Storgatan 1' },
      members: [{ givenName: 'Nadia', birthYear: 1989, needsInterpreter: true, identityNumber: NADIA_ID }, { givenName: 'Ali', birthYear: 2017, needsInterpreter: false }],
    });
    single = await register({ language: 'sv', arrival: '09:00', housing: { assigned: false }, members: [{ givenName: 'Erik', birthYear: 1995, needsInterpreter: false }] });
    expect((await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 100 })).statusCode).toBe(200);
  });

  it('validates a correction as at registration, naming the field', async () => {
    const nadia = { id: family.members[0]!.id, givenName: 'Nadia', birthYear: 1989, needsInterpreter: true };
    const bad = await patch(family, { members: [{ ...nadia, identityNumber: NADIA_ID.slice(0, 11) + ((Number(NADIA_ID[11]) + 1) % 10) }] });
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'members[0].identityNumber', details: { reason: 'invalid_personnummer' } });
    // The stored number is kept when left out, and still has to agree with a corrected birth year.
    expect((await patch(family, { members: [{ ...nadia, birthYear: 1990 }] })).json()).toMatchObject({ field: 'members[0].identityNumber', details: { reason: 'birth_year_mismatch' } });
    expect((await patch(family, { members: [{ ...nadia, id: single.members[0]!.id }] })).json()).toMatchObject({ field: 'members[0].id', details: { reason: 'unknown_member' } });
    expect((await patch(family, { members: [nadia, nadia] })).json()).toMatchObject({ field: 'members[1].id', details: { reason: 'duplicate_member' } });
    expect((await patch(family, { assignedKommunkod: '0001' })).json()).toMatchObject({ field: 'assignedKommunkod', details: { reason: 'unknown_municipality' } });
    expect((await patch(family, { housing: { assigned: false, address: 'x' } })).json()).toMatchObject({ field: 'housing.address', details: { reason: 'address_without_housing' } });
    expect((await patch(family, { members: [{ givenName: 'Z', birthYear: 2030, needsInterpreter: false }] })).json()).toMatchObject({ field: 'members[0].birthYear', details: { reason: 'born_after_day' } });
    expect((await patch(family, { arrival: '25:00' })).json()).toMatchObject({ code: 'validation_failed', field: 'arrival' });
    expect((await as('fk.vaxjo', 'PATCH', hPath(family), { arrival: '09:00' })).statusCode).toBe(403);
    expect((await plan()).stale).toBe(false);
  });

  it('corrects, adds and keeps members with stable ids, audit-logged, and marks the plan stale', async () => {
    const [nadia, ali] = family.members;
    const res = await patch(family, {
      dossierNumber: '21-418733',
      members: [
        { id: nadia!.id, givenName: 'Nadia', birthYear: 1989, needsInterpreter: true },
        { id: ali!.id, givenName: 'Ali', birthYear: 2016, needsInterpreter: false },
        { givenName: 'Leila', birthYear: 2021, needsInterpreter: false },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const corrected = res.json() as Household;
    expect(corrected.members.map((m) => m.id).slice(0, 2)).toEqual([nadia!.id, ali!.id]);
    expect(corrected.members.map((m) => [m.givenName, m.birthYear])).toEqual([['Nadia', 1989], ['Ali', 2016], ['Leila', 2021]]);
    expect(corrected.members[0]!.identityNumber).toBe(`${NADIA_ID.slice(0, 8)}-XXXX`);
    expect(corrected).toMatchObject({ dossierNumber: '21-418733', reference: family.reference });
    family = corrected;

    const [audit] = await ctx.db.select().from(auditLog)
      .where(and(eq(auditLog.resourceType, 'motesplats_household'), eq(auditLog.resourceId, family.id), eq(auditLog.action, 'motesplats.day.manage')))
      .orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.details).toEqual({ changed: ['dossierNumber', 'members'], membersAdded: 1, membersRemoved: [] });
    expect(JSON.stringify(audit!.details)).not.toContain('Leila');

    const stale = await plan();
    expect(stale).toMatchObject({ stale: true, staleHouseholdIds: [family.id] });
    // A correction that the planner does not read leaves the plan as it was for that household.
    expect((await patch(single, { dossierNumber: '9123456' })).statusCode).toBe(200);
    expect((await plan()).staleHouseholdIds).toEqual([family.id]);

    const replanned = (await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 100 })).json() as PlanResult;
    expect(replanned.plan).toMatchObject({ stale: false, staleHouseholdIds: [] });
    const leila = family.members[2]!.id;
    expect(replanned.plan.households.find((h) => h.id === family.id)!.stops.some((s) => s.memberIds.includes(leila))).toBe(true);
  });

  it('refuses to rewrite a step that has started, and removes a member with nothing started', async () => {
    ctx.now = at('08:31');
    const mv = `${family.id}:mv-beslut`;
    expect((await as('mv.vaxjo', 'PUT', `${hPath(family)}/steps/${encodeURIComponent(mv)}`, { status: 'in_progress' })).statusCode).toBe(200);
    const members = family.members.map((m) => ({ id: m.id, givenName: m.givenName, birthYear: m.birthYear!, needsInterpreter: m.needsInterpreter }));

    expect((await patch(family, { arrival: '09:00' })).json()).toMatchObject({ code: 'conflict', field: 'arrival', details: { reason: 'steps_started', firstStepAt: '08:31' } });
    expect((await patch(family, { arrival: '08:15' })).statusCode).toBe(200);
    // The MV meeting is under way with an Arabic interpreter: its language and its people stay.
    expect((await patch(family, { language: 'fa' })).json()).toMatchObject({ field: 'language', details: { reason: 'started_step_affected', taskIds: [mv] } });
    expect((await patch(family, { members: members.slice(1) })).json()).toMatchObject({ field: 'members', details: { reason: 'started_step_affected' } });
    expect((await patch(family, { members: [{ ...members[0]!, needsInterpreter: false }, ...members.slice(1)] })).json())
      .toMatchObject({ field: 'members', details: { reason: 'started_step_affected' } });

    // Leila, who has started nothing, can go; her steps go with her.
    const res = await patch(family, { members: members.slice(0, 2) });
    expect(res.statusCode, res.body).toBe(200);
    family = res.json() as Household;
    const steps = (await as('samordnare.vaxjo', 'GET', `${hPath(family)}/steps`)).json() as Step[];
    expect(steps.some((s) => s.memberIds.includes(members[2]!.id))).toBe(false);
    expect(steps.find((s) => s.taskId === mv)).toMatchObject({ status: 'in_progress' });
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_household'), eq(auditLog.resourceId, family.id))).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.details).toMatchObject({ changed: ['members'], membersRemoved: [members[2]!.id] });
  });

  it('removes a registration made by mistake only before its steps start and while it has no notes', async () => {
    expect((await as('samordnare.vaxjo', 'DELETE', hPath(family))).json()).toMatchObject({ code: 'conflict', field: 'householdId', details: { reason: 'steps_started' } });
    const third = await register({ language: 'sv', arrival: '10:00', housing: { assigned: false }, members: [{ givenName: 'Omar', birthYear: 1980, needsInterpreter: false }] });
    expect(third.reference).toBe('H03');
    await as('samordnare.vaxjo', 'POST', `/motesplats/offices/${VAXJO}/households/${single.id}/consent`, { agencyId: agencyId('FK'), action: 'give', fields: ['birthYears'] });

    expect((await as('fk.vaxjo', 'DELETE', hPath(single))).statusCode).toBe(403);
    const res = await as('samordnare.vaxjo', 'DELETE', hPath(single));
    expect(res.statusCode, res.body).toBe(204);
    expect((await as('samordnare.vaxjo', 'GET', hPath(single))).statusCode).toBe(404);
    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_household'), eq(auditLog.resourceId, single.id), eq(auditLog.action, 'motesplats.day.manage')));
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect((await plan()).staleHouseholdIds).toEqual(expect.arrayContaining([single.id, third.id]));
    // References continue after the highest one, so a removal never hands out a number twice.
    expect((await register({ language: 'sv', arrival: '10:00', housing: { assigned: false }, members: [{ givenName: 'Sara', birthYear: 1985, needsInterpreter: false }] })).reference).toBe('H04');

    const note = await as('skv.vaxjo', 'POST', `${hPath(third)}/notes`, { taskId: `${third.id}:skv-folkbokforing:${third.members[0]!.id}`, text: 'Pass visat' });
    expect(note.statusCode, note.body).toBe(201);
    expect((await as('samordnare.vaxjo', 'DELETE', hPath(third))).json()).toMatchObject({ code: 'conflict', details: { reason: 'household_has_notes' } });
  });
});
