// The fresh day plan (planDay) searches for its whole work budget, a few seconds, and would stop the
// event loop for that long: kiosks, display boards and bookings would not answer. So it runs in one long-lived
// worker thread, started at the first plan, one plan at a time (planning is CPU-bound: two at once
// would only halve each one's search). Input and plan cross as plain data (structured clone).
// If the worker cannot start, crashes or hangs, the plan is made inline with a warning: slower for
// everyone for a moment, but the coordinator's request is never lost.
import { Worker } from 'node:worker_threads';
import { defaultCapMs, planDay, type PlanOptions } from '../../engines/dayplan/index.ts';
import type { DayInput, DayPlan } from '../../engines/dayplan/types.ts';

export interface PlanJob { input: DayInput; options: PlanOptions }
export type PlanReply = { plan: DayPlan } | { error: { message: string; stack?: string } };

export interface PlanWorker {
  /** planDay(input, options), in the worker when it can be, else inline. */
  plan(input: DayInput, options: PlanOptions): Promise<DayPlan>;
  /** Stops the worker (app close); later plans run inline. */
  close(): Promise<void>;
}

interface Log { warn(obj: object, msg: string): void }

export interface PlanWorkerOptions {
  /** The worker's module (tests point it at a broken one to check the fallback). */
  entry?: URL;
  /** How long past the budget an answer may take before the worker is given up (startup included). */
  graceMs?: number;
}

// The worker runs the TypeScript sources, as the server does, whether started by node --import tsx,
// Vitest or the CLI: its boot module registers tsx in the thread (see there why not execArgv).
const ENTRY = new URL('./plan-worker-boot.mjs', import.meta.url);
class WorkerFailed extends Error {}

export function createPlanWorker(log: Log, opts: PlanWorkerOptions = {}): PlanWorker {
  const entry = opts.entry ?? ENTRY;
  const graceMs = opts.graceMs ?? 30_000;
  let worker: Worker | null = null;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  /** The plan being made and the worker making it: a worker given up on may still exit or answer later. */
  let pending: { worker: Worker; settle: (reply: PlanReply | WorkerFailed) => void } | null = null;

  const start = (): Worker => {
    // No inherited flags: the boot module sets up what the thread needs, and nothing else leaks in.
    const w = new Worker(entry, { execArgv: [] });
    // Idle, the worker must never keep the process alive (CLI, tests); it is ref'd while it plans.
    w.unref();
    const answer = (reply: PlanReply | WorkerFailed) => {
      if (pending?.worker === w) pending.settle(reply);
    };
    const failed = (err: WorkerFailed) => {
      if (worker === w) worker = null;
      answer(err);
    };
    w.on('message', answer);
    // Listening to 'error' also keeps a crash in the worker from becoming an uncaught error here.
    w.on('error', (err) => failed(new WorkerFailed(err.message)));
    w.on('exit', (code) => failed(new WorkerFailed(`plan worker exited with code ${code}`)));
    // A reply that cannot be deserialised: plan inline now rather than wait for the timeout.
    w.on('messageerror', (err) => answer(new WorkerFailed(`plan worker reply unreadable: ${err.message}`)));
    return w;
  };

  const inWorker = (job: PlanJob): Promise<PlanReply | WorkerFailed> => new Promise((resolve) => {
    const w = (worker ??= start());
    const timer = setTimeout(() => {
      settle(new WorkerFailed('plan worker did not answer in time'));
      if (worker === w) worker = null;
      void w.terminate();
    }, (job.options.budgetMs ?? defaultCapMs(job.input.tasks.length)) + graceMs); // the planner's own cap, then grace
    const settle = (reply: PlanReply | WorkerFailed) => {
      pending = null;
      clearTimeout(timer);
      w.unref();
      resolve(reply);
    };
    pending = { worker: w, settle };
    w.ref();
    try {
      w.postMessage(job);
    } catch (err) {
      // Input that cannot be cloned: settle here, so the timer cannot later cut off another job.
      settle(new WorkerFailed(`plan worker could not take the job: ${err instanceof Error ? err.message : String(err)}`));
    }
  });

  const run = async (job: PlanJob): Promise<DayPlan> => {
    if (closed) return planDay(job.input, job.options);
    let reply: PlanReply | WorkerFailed;
    try {
      reply = await inWorker(job);
    } catch (err) {
      reply = new WorkerFailed(err instanceof Error ? err.message : String(err)); // new Worker threw
    }
    if (reply instanceof WorkerFailed) {
      log.warn({ err: reply.message }, 'plan worker failed: planning inline, the server is busy until it is done');
      return planDay(job.input, job.options);
    }
    if ('error' in reply) throw Object.assign(new Error(reply.error.message), { stack: reply.error.stack });
    return reply.plan;
  };

  return {
    plan(input, options) {
      const result = queue.then(() => run({ input, options }));
      queue = result.catch(() => {});
      return result;
    },
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
