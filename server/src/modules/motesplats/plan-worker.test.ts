// The plan worker: plans in its own thread (the event loop keeps turning meanwhile), gives the same
// plan as planning inline, takes plans one at a time, and plans inline when the worker cannot start,
// crashes or hangs.
import { afterAll, describe, expect, it } from 'vitest';
import { planDay, validatePlan } from '../../engines/dayplan/index.ts';
import { microDay, randomDay } from '../../engines/dayplan/test-instances.ts';
import { createPlanWorker } from './plan-worker.ts';

const warnings: string[] = [];
const log = { warn: (_obj: object, msg: string) => void warnings.push(msg) };

describe('plan worker', () => {
  const worker = createPlanWorker(log);
  afterAll(() => worker.close());

  it('plans a day in its thread while the event loop keeps turning', async () => {
    const input = randomDay(3, { households: 3 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const plan = await worker.plan(input, { budgetMs: 600, seed: 1 });
    clearInterval(timer);
    expect(plan.method).toBe('planner');
    expect(validatePlan(input, plan)).toEqual([]);
    // Inline, the 600 ms search would have let no tick through.
    expect(ticks).toBeGreaterThan(20);
    expect(warnings).toEqual([]);
  });

  it('gives the plan inline planning gives, one request after another', async () => {
    const days = [microDay(1), microDay(2), randomDay(5, { households: 2 })];
    // An iteration cap the budget does not cut short makes the search reproducible.
    const options = { budgetMs: 20_000, iterations: 3000, seed: 1 };
    const plans = await Promise.all(days.map((d) => worker.plan(d, options)));
    plans.forEach((plan, i) => {
      expect(validatePlan(days[i]!, plan)).toEqual([]);
      expect({ ...plan, runMs: 0 }).toEqual({ ...planDay(days[i]!, options), runMs: 0 });
    });
  });

  it('plans inline with a warning when the worker cannot start', async () => {
    const broken = createPlanWorker(log, { entry: new URL('./no-such-worker.mjs', import.meta.url) });
    const input = microDay(3);
    const plan = await broken.plan(input, { budgetMs: 50 });
    expect(validatePlan(input, plan)).toEqual([]);
    expect(warnings.at(-1)).toMatch(/plan worker failed/);
    await broken.close();
  });

  /** A stand-in worker thread, as a data: URL module. */
  const fakeWorker = (onMessage: string) =>
    new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', ${onMessage});`)}`);

  it('plans inline with a warning when the worker crashes or does not answer', async () => {
    for (const entry of [fakeWorker(`() => { throw new Error('boom'); }`), fakeWorker('() => {}')]) {
      const failing = createPlanWorker(log, { entry, graceMs: 200 });
      const input = microDay(6);
      expect(validatePlan(input, await failing.plan(input, { budgetMs: 50 }))).toEqual([]);
      expect(warnings.at(-1)).toMatch(/plan worker failed/);
      await failing.close();
    }
  });

  it("passes the planner's own error on, and goes on planning", async () => {
    const refusing = createPlanWorker(log, { entry: fakeWorker(`() => parentPort.postMessage({ error: { message: 'bad day' } })`) });
    const warned = warnings.length;
    await expect(refusing.plan(microDay(7), {})).rejects.toThrow('bad day');
    await expect(refusing.plan(microDay(7), {})).rejects.toThrow('bad day');
    expect(warnings.length).toBe(warned);
    await refusing.close();
  });

  it('plans inline after it is closed', async () => {
    const closing = createPlanWorker(log);
    await closing.plan(microDay(4), { budgetMs: 50 });
    await closing.close();
    const input = microDay(5);
    expect(validatePlan(input, await closing.plan(input, { budgetMs: 50 }))).toEqual([]);
  });
});
