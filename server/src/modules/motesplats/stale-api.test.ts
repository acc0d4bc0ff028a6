// The plan in force reads `stale` when the day's staffing or template changes after it was made, with
// the reason the board shows (`staleReasons`), until the coordinator re-plans; saving the same staffing
// again, and a shift the plan itself lengthened for a started step, are not changes.
import { beforeAll, expect, it } from 'vitest';
import { describeWithApp } from '../../test/harness.ts';
import type { DayPlanView, DayResources, Household, PlanResult, Template } from '../../../../contracts/motesplats.ts';
import { client, dayResources, VAXJO } from './test-helpers.ts';

const DATE = '2026-12-15';
const at = (hhmm: string) => new Date(`${DATE}T${hhmm}:00+01:00`);

describeWithApp('Mötesplats plan stale after staffing and template changes', (ctx) => {
  const { as } = client(ctx);
  const day = `/motesplats/offices/${VAXJO}/days/${DATE}`;
  const plan = async () => (await as('samordnare.vaxjo', 'GET', `${day}/plan`)).json() as DayPlanView;
  const replan = async () => {
    const res = await as('samordnare.vaxjo', 'POST', `${day}/plan`, { budgetMs: 100 });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as PlanResult).plan;
  };
  /** The day's staffing as stored, with ids, changed by `edit` and saved again. */
  const restaff = async (edit: (r: DayResources) => void) => {
    const current = (await as('samordnare.vaxjo', 'GET', `${day}/resources`)).json() as DayResources;
    edit(current);
    const { officeId: _o, date: _d, ...body } = current;
    const res = await as('samordnare.vaxjo', 'PUT', `${day}/resources`, body);
    expect(res.statusCode, res.body).toBe(200);
  };
  let template: Template;
  let family: Household;

  beforeAll(async () => {
    ctx.now = at('07:30');
    template = ((await as('samordnare.vaxjo', 'GET', `/motesplats/offices/${VAXJO}/templates`)).json() as Template[])[0]!;
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    const res = await as('samordnare.vaxjo', 'POST', `${day}/households`, {
      language: 'ar', arrival: '08:30', housing: { assigned: false },
      members: [{ givenName: 'Nadia', birthYear: 1989, needsInterpreter: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    family = res.json() as Household;
    expect(await replan()).toMatchObject({ stale: false, staleHouseholdIds: [], staleReasons: [] });
  });

  it('reads the same staffing saved again as no change', async () => {
    await restaff(() => {});
    expect(await plan()).toMatchObject({ stale: false, staleReasons: [] });
    // A renamed officer is not something the planner reads.
    await restaff((r) => { r.officers[0]!.name = 'Mira på MV'; });
    expect((await plan()).stale).toBe(false);
  });

  it('marks the plan stale for a changed break, shift, interpreter or officer until the coordinator re-plans', async () => {
    await restaff((r) => { r.officers[1]!.breaks = [{ start: '11:30', end: '12:15' }]; });
    expect(await plan()).toMatchObject({ stale: true, staleHouseholdIds: [], staleReasons: ['staffing'] });
    expect(await replan()).toMatchObject({ stale: false, staleReasons: [] });

    await restaff((r) => { r.interpreters[0]!.shift = { start: '08:00', end: '12:00' }; r.interpreters[0]!.breaks = []; });
    expect((await plan()).staleReasons).toEqual(['staffing']);
    await replan();

    await restaff((r) => { const { id: _id, ...arabic } = r.interpreters[0]!;
        r.interpreters.push({ ...arabic, name: 'Tolk dari', language: 'fa' } as (typeof r.interpreters)[number]); });
    expect((await plan()).staleReasons).toEqual(['staffing']);
    await replan();

    await restaff((r) => { r.officers = r.officers.filter((o) => o.station !== 'PM'); });
    expect((await plan()).staleReasons).toEqual(['staffing']);
    // The staffing editor sends no ids for new rows: the whole staffing saved anew is a change too.
    await replan();
    expect((await as('samordnare.vaxjo', 'PUT', `${day}/resources`, dayResources(template.id))).statusCode).toBe(200);
    expect((await plan()).staleReasons).toEqual(['staffing']);
    expect(await replan()).toMatchObject({ stale: false, staleReasons: [] });
  });

  it('marks the plan stale when the day gets a template whose steps differ', async () => {
    const longer = template.steps.map((s) => (s.key === 'mv-beslut' ? { ...s, durationMin: s.durationMin + 10 } : s));
    const created = await as('samordnare.vaxjo', 'POST', `/motesplats/offices/${VAXJO}/templates`, { name: 'Längre MV', steps: longer });
    expect(created.statusCode, created.body).toBe(201);
    await restaff((r) => { r.templateId = (created.json() as Template).id; });
    const stale = await plan();
    expect(stale).toMatchObject({ stale: true, staleHouseholdIds: [family.id], staleReasons: ['households', 'template'] });
    expect(await replan()).toMatchObject({ stale: false, staleReasons: [] });
  });

  it('is not stale when the plan lengthened a shift for a step under way', async () => {
    ctx.now = at('08:31');
    const mv = `${family.id}:mv-beslut`;
    expect((await as('mv.vaxjo', 'PUT', `/motesplats/offices/${VAXJO}/households/${family.id}/steps/${encodeURIComponent(mv)}`, { status: 'in_progress' })).statusCode).toBe(200);
    const officer = ((await as('samordnare.vaxjo', 'GET', `${day}/resources`)).json() as DayResources).officers.find((o) => o.station === 'MV')!;
    const left = await as('samordnare.vaxjo', 'POST', `${day}/events`, { kind: 'officer_leaves', officerId: officer.id, time: '08:35' });
    expect(left.statusCode, left.body).toBe(200);
    // The MV officer finishes the meeting they started: the plan's shift runs past 08:35, the stored one does not.
    expect(await plan()).toMatchObject({ stale: false, staleReasons: [] });
    await restaff((r) => { r.officers.find((o) => o.station === 'MV')!.shift.start = '08:15'; });
    expect((await plan()).staleReasons).toEqual(['staffing']);
  });
});
