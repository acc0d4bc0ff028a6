// Runs the SMS notifications after changes at an office, off the request path: a request publishes on the
// visit bus and returns; a little later notifyNext looks at that office's queues. Bursts of changes at
// one office (a busy kiosk, several desks) are gathered into one run, and a failure is only logged.
import type { VisitBus } from './bus.ts';
import { notifyCalled, notifyNext, type NotifyDeps } from './notify-next.ts';

/** Gathers a burst of changes into one look at the queues; small enough that "you are next" is prompt. */
export const NOTIFY_DEBOUNCE_MS = 200;

export interface VisitNotifier {
  /** Stops listening, drops scheduled runs and waits for running ones (app shutdown). */
  stop(): Promise<void>;
}

export function startVisitNotifier(bus: VisitBus, deps: NotifyDeps, debounceMs = NOTIFY_DEBOUNCE_MS): VisitNotifier {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  /** Offices that changed again while their run was going on. */
  const again = new Set<string>();
  const calls = new Set<Promise<unknown>>();
  let stopped = false;

  const guard = (what: string, work: Promise<unknown>) =>
    work.catch((err: unknown) => deps.log.warn({ err }, `SMS notification (${what}) failed`));

  const run = (officeId: string) => {
    timers.delete(officeId);
    const work = guard('next', notifyNext(deps, officeId)).then(() => {
      running.delete(officeId);
      if (again.delete(officeId)) schedule(officeId);
    });
    running.set(officeId, work);
  };

  // Not reset by later events: under a steady stream of changes the run must still happen.
  function schedule(officeId: string) {
    if (stopped || timers.has(officeId)) return;
    if (running.has(officeId)) {
      again.add(officeId);
      return;
    }
    const timer = setTimeout(() => run(officeId), debounceMs);
    timer.unref();
    timers.set(officeId, timer);
  }

  const unsubscribe = bus.subscribeAll((event) => {
    // Only the server where the call was made sends "your turn now": with several servers every one of
    // them hears the call.
    if (event.type === 'call' && !event.call.recall && event.local) {
      const work = guard('called', notifyCalled(deps, event.call.ticketId));
      calls.add(work);
      void work.finally(() => calls.delete(work));
    }
    schedule(event.officeId);
  });

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      again.clear();
      await Promise.all([...running.values(), ...calls]);
    },
  };
}
