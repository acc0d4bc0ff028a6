// The plan worker's thread (plan-worker.ts starts it): plans one day per message and answers with the
// plan, or with the planner's error so the request fails as it would have inline.
import { parentPort } from 'node:worker_threads';
import { planDay } from '../../engines/dayplan/index.ts';
import type { PlanJob, PlanReply } from './plan-worker.ts';

parentPort!.on('message', ({ input, options }: PlanJob) => {
  let reply: PlanReply;
  try {
    reply = { plan: planDay(input, options) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { error: { message: e.message, stack: e.stack } };
  }
  parentPort!.postMessage(reply);
});
