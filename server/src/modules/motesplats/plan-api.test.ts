// Planning a Mötesplats day through the API: plan, steps started and finished, events that re-plan
// with the started steps kept fixed, every stored plan checked by the engine's independent validator,
// the household's itinerary by its token, and the lead-time report.
import { beforeAll, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { auditLog } from '../../db/schema.ts';
import { mpPlans } from '../../db/schema-motesplats.ts';
import { validatePlan } from '../../engines/dayplan/index.ts';
import type { DayInput, DayPlan } from '../../engines/dayplan/types.ts';
import type { DayPlanView, Household, Itinerary, LeadTimeReport, PlanResult, Template } from '../../../../contracts/motesplats.ts';
import { client, stableIds, VAXJO } from './test-helpers.ts';

const DATE = '2026-12-08';
const at = (hhmm: string) => new Date(`${DATE}T${hhmm}:00+01:00`);

describeWithApp('Mötesplats plan and events', (ctx) => {
  const { as } = client(ctx);
  const day = `/motesplats/offices/${VAXJO}/days/${DATE}`;
  let family: Household;
  let single: Household;

  /** The plan stored last, checked against its own input by the engine's validator. */
  const storedViolations = async () => {
    const [row] = await ctx.db.select().from(mpPlans).orderBy(desc(mpPlans.createdAt), desc(mpPlans.version)).limit(1);
    return validatePlan(row!.input as DayInput, row!.plan as DayPlan);
  };
  const stops = (plan: DayPlanView, h: Household) => plan.households.find((x) => x.id === h.id)!.stops;

  beforeAll(async () => {
    ctx.now = at('07:30');
    const template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    const shift = { start: '08:00', end: '16:30' };
    const officer = (station: string, userId: string | null, lunch: string) =>
      ({ name: `${station} handläggare`, station, userId, shift, breaks: [{ start: lunch, end: `${lunch.slice(0, 2)}:45` }] });
    const res = await as('samordnare.vaxjo', 'PUT', `${day}/resources`, {
      templateId: template.id,
      officers: [
        officer('MV', stableIds.user('mv.vaxjo'), '12:00'), officer('SKV', stableIds.user('skv.vaxjo'), '12:00'), officer('AF', stableIds.user('af.vaxjo'), '12:00'),
        officer('FK', stableIds.user('fk.vaxjo'), '12:00'), officer('PM', null, '12:00'), officer('KOMMUN', stableIds.user('kommun.vaxjo'), '12:00'),
      ],
      interpreters: [{ name: 'Tolk arabiska', language: 'ar', shift, breaks: [{ start: '12:00', end: '12:45' }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const register = async (body: object) => {
      const r = await as('samordnare.vaxjo', 'POST', `${day}/households`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as Household;
    };
    family = await register({
      language: 'ar', arrival: '08:30', housing: { assigned: true, address: 'Storgatan 1' },
      members: [{ givenName: 'Nadia', birthYear: 1989, needsInterpreter: true }, { givenName: 'Ali', birthYear: 2017, needsInterpreter: false }],
    });
    single = await register({ language: 'sv', arrival: '09:00', housing: { assigned: false }, members: [{ givenName: 'Erik', birthYear: 1995, needsInterpreter: false }] });
  });

  it('refuses to plan for anyone but the coordinator', async () => {
    expect((await as('fk.vaxjo', 'POST', `${day}/plan`, {})).statusCode).toBe(403);
    expect((await as('fk.vaxjo', 'GET', `${day}/plan`)).statusCode).toBe(404);
  });

  it('plans the day with every step placed and no rule broken', async () => {
    const res = await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 200 });
    expect(res.statusCode, res.body).toBe(200);
    const { plan } = res.json() as PlanResult;
    expect(plan.version).toBe(1);
    expect(plan.unplanned).toEqual([]);
    expect(stops(plan, family)[0]).toMatchObject({ stepKey: 'mv-beslut', start: '08:30' });
    expect(plan.objective.totalMinutesInBuilding).toBeGreaterThan(0);
    expect(plan.gap).toBeGreaterThanOrEqual(0);
    expect(plan.officers.find((o) => o.station === 'MV')!.items.length).toBe(2);
    expect(plan.interpreters[0]!.items.length).toBeGreaterThan(0);
    expect(await storedViolations()).toEqual([]);
    const read = await as('fk.vaxjo', 'GET', `${day}/plan`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as DayPlanView).version).toBe(1);
  });

  it('re-plans a late arrival, keeping a started step where it happened', async () => {
    const mv = `${family.id}:mv-beslut`;
    ctx.now = at('08:31');
    expect((await as('mv.vaxjo', 'PUT', `/motesplats/offices/${VAXJO}/households/${family.id}/steps/${encodeURIComponent(mv)}`, { status: 'in_progress' })).statusCode).toBe(200);
    ctx.now = at('08:40');
    const res = await as('samordnare.vaxjo', 'POST', `${day}/events`, { kind: 'late_arrival', householdId: single.id, time: '10:30' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json() as PlanResult;
    expect(result.plan.version).toBe(2);
    expect(result.event).toMatchObject({ kind: 'late_arrival', householdId: single.id, time: '10:30' });
    expect(result.changedHouseholdIds).toContain(single.id);
    expect(stops(result.plan, single).every((s) => s.start >= '10:30')).toBe(true);
    expect(stops(result.plan, family).find((s) => s.taskId === mv)).toMatchObject({ start: '08:31', status: 'in_progress' });
    expect(await storedViolations()).toEqual([]);
  });

  it('re-plans an overrun, a follow-up, an officer leaving and a no-show without breaking a rule', async () => {
    const mv = `${family.id}:mv-beslut`;
    const events = [
      { kind: 'step_overrun', householdId: family.id, taskId: mv, time: '09:20' },
      { kind: 'follow_up', householdId: family.id, taskId: mv, durationMin: 15 },
      { kind: 'no_show', householdId: single.id },
    ];
    for (const event of events) {
      const res = await as('samordnare.vaxjo', 'POST', `${day}/events`, event);
      expect(res.statusCode, `${event.kind}: ${res.body}`).toBe(200);
      expect(await storedViolations(), event.kind).toEqual([]);
    }
    const plan = (await as('samordnare.vaxjo', 'GET', `${day}/plan`)).json() as DayPlanView;
    expect(stops(plan, family).find((s) => s.taskId === mv)!.end).toBe('09:20');
    expect(stops(plan, family).some((s) => s.taskId === `${mv}~fu1`)).toBe(true);
    expect(plan.unplanned.filter((u) => u.householdId === single.id).every((u) => u.reason === 'household_absent')).toBe(true);
    expect(plan.events.map((e) => e.kind)).toEqual(['late_arrival', 'step_overrun', 'follow_up', 'no_show']);

    const pmOfficer = plan.officers.find((o) => o.station === 'PM')!;
    const left = await as('samordnare.vaxjo', 'POST', `${day}/events`, { kind: 'officer_leaves', officerId: pmOfficer.id, time: '11:00' });
    expect(left.statusCode, left.body).toBe(200);
    expect(await storedViolations()).toEqual([]);
    expect((await as('samordnare.vaxjo', 'POST', `${day}/events`, { kind: 'late_arrival', householdId: family.id })).json())
      .toMatchObject({ field: 'time', details: { reason: 'required_for_kind' } });
  });

  it('shows the household its own itinerary by token, audit-logged, and nothing of others', async () => {
    const res = await as(null, 'GET', `/motesplats/itinerary/${family.itineraryToken}`);
    expect(res.statusCode, res.body).toBe(200);
    const itinerary = res.json() as Itinerary;
    expect(itinerary).toMatchObject({ reference: family.reference, officeName: 'Servicekontor Växjö', members: [{ givenName: 'Nadia' }, { givenName: 'Ali' }] });
    expect(itinerary.stops[0]).toMatchObject({ stepKey: 'mv-beslut', stationName: 'Migrationsverket', start: '08:31' });
    expect(itinerary.stops.find((s) => s.station === 'KOMMUN')!.stationName).toBe('Växjö kommun');
    expect(res.body).not.toContain('Erik');
    expect(res.body).not.toContain(single.id);
    const audit = await ctx.db.select().from(auditLog).where(and(eq(auditLog.resourceType, 'motesplats_itinerary'), eq(auditLog.resourceId, family.id)));
    expect(audit).toHaveLength(1);
    expect((await as(null, 'GET', '/motesplats/itinerary/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
  });

  it('reports lead time and time in the building beside the 3–4-week baseline', async () => {
    // Erik came after all (the no-show stays recorded); the family's steps are finished one by one.
    const steps = (await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/households/${family.id}/steps`)).json() as Array<{ taskId: string; station: string; status: string }>;
    const officerOf: Record<string, 'mv.vaxjo' | 'skv.vaxjo' | 'af.vaxjo' | 'fk.vaxjo' | 'kommun.vaxjo'> = { MV: 'mv.vaxjo', SKV: 'skv.vaxjo', AF: 'af.vaxjo', FK: 'fk.vaxjo', KOMMUN: 'kommun.vaxjo' };
    let clock = 10 * 60;
    for (const step of steps) {
      const put = (status: string) => as(officerOf[step.station]!, 'PUT', `/motesplats/offices/${VAXJO}/households/${family.id}/steps/${encodeURIComponent(step.taskId)}`, { status });
      ctx.now = at(`${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`);
      if (step.status === 'planned') expect((await put('in_progress')).statusCode, step.taskId).toBe(200);
      clock += 10;
      ctx.now = at(`${String(Math.floor(clock / 60)).padStart(2, '0')}:${String(clock % 60).padStart(2, '0')}`);
      expect((await put('done')).statusCode, step.taskId).toBe(200);
    }
    const res = await as('samordnare.vaxjo', 'GET', `/motesplats/report?officeId=${VAXJO}&from=${DATE}&to=${DATE}`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as LeadTimeReport;
    expect(report.baseline).toMatchObject({ minDays: 21, maxDays: 28 });
    expect(report.days).toEqual([expect.objectContaining({ date: DATE, households: 1, persons: 2, completedHouseholds: 1, inProgressHouseholds: 0, noShowHouseholds: 1 })]);
    // Registered at 07:30, arrived 08:30, last step done at the clock's last value.
    expect(report.total.leadTimeMedianMin).toBe(clock - 7 * 60 - 30);
    expect(report.total.inBuildingMedianMin).toBe(clock - 8 * 60 - 30);
    expect((await as('fk.vaxjo', 'GET', `/motesplats/report?officeId=${VAXJO}&from=${DATE}&to=${DATE}`)).statusCode).toBe(403);
    expect((await as('samordnare.vaxjo', 'GET', `/motesplats/report?officeId=${VAXJO}&from=${DATE}&to=2026-12-01`)).json()).toMatchObject({ details: { reason: 'range_order' } });
  });
});
