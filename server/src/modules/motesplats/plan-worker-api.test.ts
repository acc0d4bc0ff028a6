// Planning a day off the event loop (plan-worker.ts, makePlan in plan.ts): while the planner searches
// for its whole budget the server answers other requests, the database included (PGlite has one
// connection), and households registered meanwhile are in the plan that is stored: the search is made
// again off the lock, and if the day changes during that one too, under the lock.
import { beforeAll, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeWithApp } from '../../test/harness.ts';
import { mpDays, mpPlans } from '../../db/schema-motesplats.ts';
import type { Household, PlanResult, Template } from '../../../../contracts/motesplats.ts';
import { planDay } from '../../engines/dayplan/index.ts';
import { makePlan } from './plan.ts';
import type { PlanWorker } from './plan-worker.ts';
import { client, dayResources, stableIds, VAXJO } from './test-helpers.ts';

const DATE = '2026-12-17';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithApp('Mötesplats planning off the event loop', (ctx) => {
  const { as } = client(ctx);
  const day = `/motesplats/offices/${VAXJO}/days/${DATE}`;
  const register = async (givenName: string, arrival: string) => {
    const res = await as('samordnare.vaxjo', 'POST', `${day}/households`, { language: 'sv', arrival, housing: { assigned: false }, members: [{ givenName, birthYear: 1990, needsInterpreter: false }] });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Household;
  };
  const plansStored = async () => {
    const [d] = await ctx.db.select().from(mpDays).where(and(eq(mpDays.officeId, VAXJO), eq(mpDays.date, DATE)));
    return (await ctx.db.select().from(mpPlans).where(eq(mpPlans.dayId, d!.id))).length;
  };

  beforeAll(async () => {
    ctx.now = new Date(`${DATE}T07:30:00+01:00`);
    const template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    const res = await as('samordnare.vaxjo', 'POST', `${day}/households`, {
      language: 'ar', arrival: '08:30', housing: { assigned: true, address: 'Storgatan 1' },
      members: [{ givenName: 'Nadia', birthYear: 1989, needsInterpreter: true }, { givenName: 'Ali', birthYear: 2017, needsInterpreter: false }],
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('answers other requests, database reads included, while the day is planned with its default budget', async () => {
    // No budget: the planner's default work budget (defaultWork: seconds of search even on a day this
    // small), which on the event loop once stopped everything.
    let planned = false;
    const planning = as('samordnare.vaxjo', 'POST', `${day}/plan`, {}).then((res) => { planned = true; return res; });
    await sleep(300);
    const ping = await as(null, 'GET', '/ping');
    const households = await as('samordnare.vaxjo', 'GET', `${day}/households`);
    const office = await as(null, 'GET', `/offices/${VAXJO}`);
    expect(planned).toBe(false);
    expect(ping.statusCode).toBe(200);
    expect(households.statusCode).toBe(200);
    expect(office.statusCode).toBe(200);
    // No time limits here (shared machines are noisy): that all three were answered while the plan was
    // still being made is the proof; with the search on the event loop they would wait for it.
    const res = await planning;
    expect(res.statusCode, res.body).toBe(200);
    const { plan } = res.json() as PlanResult;
    expect(plan.version).toBe(1);
    expect(plan.method).toBe('planner');
    expect(plan.unplanned).toEqual([]);
  });

  it('puts a household registered while the plan is computed into the stored plan', async () => {
    const planning = as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 1500 });
    await sleep(300);
    const late = await register('Erik', '09:00');
    const res = await planning;
    expect(res.statusCode, res.body).toBe(200);
    const { plan } = res.json() as PlanResult;
    expect(plan.households.find((h) => h.id === late.id)!.stops.length).toBeGreaterThan(0);
    expect(plan.stale).toBe(false);
    expect(plan.version).toBe(2);
    expect(await plansStored()).toBe(2); // the plan overtaken by the registration was not stored
  });

  it('plans under the lock when the day changes during the retry too', async () => {
    // A planner that registers a household during each search, as a busy registration desk might:
    // both searches are overtaken, and the last plan is made under the lock on the day as it is then.
    const registered: Household[] = [];
    const planner: PlanWorker = {
      plan: async (input, options) => {
        registered.push(await register(`Sen ${registered.length + 1}`, '10:00'));
        return planDay(input, options);
      },
      close: async () => {},
    };
    const coordinator = { userId: stableIds.user('samordnare.vaxjo'), username: 'samordnare.vaxjo', displayName: 'Samordnare', roles: [] };
    const { plan } = await makePlan(ctx.db, VAXJO, DATE, 100, coordinator, ctx.now, planner);
    expect(registered).toHaveLength(2);
    for (const h of registered) expect(plan.households.find((x) => x.id === h.id)!.stops.length).toBeGreaterThan(0);
    expect(plan.stale).toBe(false);
    expect(plan.unplanned).toEqual([]);
    expect(await plansStored()).toBe(3);
  });
});
