// The day while it runs: an officer who leaves during a step finishes it, a step that runs over gets its
// new length, each stored plan checked clean by the engine's validator; the live streams of the board and
// of the household's page over a real socket; the report counting households still in the building.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { mpPlans } from '../../db/schema-motesplats.ts';
import { validatePlan } from '../../engines/dayplan/index.ts';
import type { DayInput, DayPlan } from '../../engines/dayplan/types.ts';
import type { Household, LeadTimeReport, PlanResult, Template } from '../../../../contracts/motesplats.ts';
import { client, dayResources, VAXJO } from './test-helpers.ts';
import { openStream, type SseReader } from '../../test/sse-reader.ts';

const DATE = '2026-12-15';
const at = (hhmm: string) => new Date(`${DATE}T${hhmm}:00+01:00`);
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describeWithApp('Mötesplats day events and live streams', (ctx) => {
  const { as } = client(ctx);
  const day = `/motesplats/offices/${VAXJO}/days/${DATE}`;
  let family: Household;
  let single: Household;
  let mvOfficer: string;
  const mv = () => `${family.id}:mv-beslut`;
  const streams: SseReader[] = [];

  const stored = async () => {
    const [row] = await ctx.db.select().from(mpPlans).orderBy(desc(mpPlans.createdAt), desc(mpPlans.version)).limit(1);
    return { input: row!.input as DayInput, plan: row!.plan as DayPlan };
  };
  const event = async (body: object) => {
    const res = await as('samordnare.vaxjo', 'POST', `${day}/events`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PlanResult;
  };

  beforeAll(async () => {
    ctx.now = at('07:30');
    const template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    const resources = await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id));
    mvOfficer = (resources.json() as { officers: Array<{ id: string; station: string }> }).officers.find((o) => o.station === 'MV')!.id;
    const register = async (body: object) => (await as('samordnare.vaxjo', 'POST', `${day}/households`, body)).json() as Household;
    family = await register({
      language: 'ar', arrival: '08:30', housing: { assigned: true, address: 'Storgatan 1' },
      members: [{ givenName: 'Nadia', birthYear: 1989, needsInterpreter: true }, { givenName: 'Ali', birthYear: 2017, needsInterpreter: false }],
    });
    single = await register({ language: 'sv', arrival: '09:00', housing: { assigned: false }, members: [{ givenName: 'Erik', birthYear: 1995, needsInterpreter: false }] });
    expect((await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 100 })).statusCode).toBe(200);
  });

  afterAll(async () => {
    for (const s of streams) await s.close();
  });

  it('lets an officer who leaves during a step finish it: their shift ends with the step, no rule broken', async () => {
    ctx.now = at('08:31');
    expect((await as('mv.vaxjo', 'PUT', `/motesplats/offices/${VAXJO}/households/${family.id}/steps/${encodeURIComponent(mv())}`, { status: 'in_progress' })).statusCode).toBe(200);
    ctx.now = at('08:40');
    const result = await event({ kind: 'officer_leaves', officerId: mvOfficer, time: '08:40' });
    const { input, plan } = await stored();
    expect(validatePlan(input, plan)).toEqual([]);
    const fixed = plan.assignments.find((a) => a.taskId === mv())!;
    expect(fixed).toMatchObject({ start: minutes('08:31'), officerId: mvOfficer });
    expect(fixed.end).toBeGreaterThan(minutes('08:40'));
    // The shift ends when the person in front of them is done, and nothing new is planned for them.
    expect(input.officers.find((o) => o.id === mvOfficer)!.shift.end).toBe(fixed.end);
    expect(plan.assignments.filter((a) => a.officerId === mvOfficer).map((a) => a.taskId)).toEqual([mv()]);
    // Migrationsverket has nobody left for Erik.
    expect(result.plan.unplanned.map((u) => u.taskId)).toContain(`${single.id}:mv-beslut`);
  });

  it('gives a step that runs over its new length (new end − start), no rule broken', async () => {
    ctx.now = at('08:50');
    expect((await as('samordnare.vaxjo', 'POST', `${day}/events`, { kind: 'step_overrun', householdId: family.id, taskId: mv(), time: '08:20' })).json())
      .toMatchObject({ code: 'validation_failed', field: 'time', details: { reason: 'ends_before_start' } });
    await event({ kind: 'step_overrun', householdId: family.id, taskId: mv(), time: '09:30' });
    const { input, plan } = await stored();
    expect(input.tasks.find((t) => t.id === mv())!.durationMin).toBe(minutes('09:30') - minutes('08:31'));
    expect(plan.assignments.find((a) => a.taskId === mv())).toMatchObject({ start: minutes('08:31'), end: minutes('09:30') });
    expect(input.officers.find((o) => o.id === mvOfficer)!.shift.end).toBe(minutes('09:30'));
    expect(validatePlan(input, plan)).toEqual([]);
  });

  it("carries the coordinator's event to the household's stream and the board's, over a real socket", async () => {
    const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await ctx.login('samordnare.vaxjo');
    const board = await openStream(`${base}/api/v1${day}/events`, cookie);
    const own = await openStream(`${base}/api/v1/motesplats/itinerary/${family.itineraryToken}/events`);
    const other = await openStream(`${base}/api/v1/motesplats/itinerary/${single.itineraryToken}/events`);
    streams.push(board, own, other);
    expect([board.status, own.status, other.status]).toEqual([200, 200, 200]);
    for (const s of [board, own, other]) await s.next('ready');
    const anonymous = await openStream(`${base}/api/v1${day}/events`);
    streams.push(anonymous);
    expect(anonymous.status).toBe(401);

    const result = await event({ kind: 'step_overrun', householdId: family.id, taskId: mv(), time: '09:45' });
    expect(result.changedHouseholdIds).toContain(family.id);
    expect(await own.next('changed')).toEqual({ planVersion: result.plan.version });
    expect(await board.next('changed')).toEqual({ planVersion: result.plan.version, householdIds: result.changedHouseholdIds, what: 'event' });

    // A correction reaches the board and that household's page.
    expect((await as('samordnare.vaxjo', 'PATCH', `/motesplats/offices/${VAXJO}/households/${single.id}`, { dossierNumber: '9123456' })).statusCode).toBe(200);
    expect(await board.next('changed')).toEqual({ planVersion: null, householdIds: [single.id], what: 'household' });
    expect(await other.next('changed')).toEqual({ planVersion: null });

    // Staffing set again: every open board re-reads (the plan view says whether it changed).
    const template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    expect(await board.next('changed')).toEqual({ planVersion: null, householdIds: [], what: 'resources' });
  });

  it('reports households still in the building and no-shows beside the completed ones', async () => {
    const report = async () => (await as('samordnare.vaxjo', 'GET', `/motesplats/report?officeId=${VAXJO}&from=${DATE}&to=${DATE}`)).json() as LeadTimeReport;
    expect((await report()).days[0]).toMatchObject({ households: 2, completedHouseholds: 0, inProgressHouseholds: 2, noShowHouseholds: 0, leadTimeMedianMin: null });
    await event({ kind: 'no_show', householdId: single.id });
    const after = await report();
    expect(after.days[0]).toMatchObject({ households: 1, persons: 2, completedHouseholds: 0, inProgressHouseholds: 1, noShowHouseholds: 1 });
    expect(after.total).toMatchObject({ inProgressHouseholds: 1, noShowHouseholds: 1 });
  });
});
