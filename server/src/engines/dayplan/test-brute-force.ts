// The exact optimum of a micro day by brute force, written independently of the decoder: try every
// task order and every officer/interpreter choice, place each task at the first minute where it fits
// (checked minute by minute against plain lists), and keep the best. For an objective that never
// improves when a task ends later, some optimal schedule is reached this way (list it by start time
// with its own resources, and every task lands no later than in it).
import type { DayInput } from './types.ts';

interface Busy {
  start: number;
  end: number;
}

export function bruteForceOptimum(input: DayInput): { total: number; makespan: number } {
  const tasks = input.tasks;
  const arrival = new Map(input.households.map((h) => [h.id, h.arrival]));
  let best = { total: Infinity, makespan: Infinity };
  const free = (list: Busy[], s: number, e: number) => list.every((b) => e <= b.start || b.end <= s);
  const works = (shift: Busy, breaks: Busy[], s: number, e: number) => s >= shift.start && e <= shift.end && free(breaks, s, e);

  const recurse = (done: Map<string, { start: number; end: number; officer: string; interpreter: string | null }>) => {
    if (done.size === tasks.length) {
      const last = new Map<string, number>();
      let makespan = 0;
      for (const t of tasks) {
        const a = done.get(t.id)!;
        makespan = Math.max(makespan, a.end);
        for (const p of t.personIds) last.set(p, Math.max(last.get(p) ?? 0, a.end));
      }
      let total = 0;
      for (const p of input.persons) if (last.has(p.id)) total += last.get(p.id)! - arrival.get(p.householdId)!;
      if (total < best.total || (total === best.total && makespan < best.makespan)) best = { total, makespan };
      return;
    }
    for (const t of tasks) {
      if (done.has(t.id) || !t.after.every((p) => done.has(p))) continue;
      const from = Math.max(arrival.get(t.householdId)!, ...t.after.map((p) => done.get(p)!.end));
      const interps = t.interpreterLanguage === null ? [null] : input.interpreters.filter((x) => x.language === t.interpreterLanguage);
      for (const o of input.officers.filter((o) => o.station === t.station)) {
        for (const x of interps) {
          for (let s = from; s < 24 * 60; s++) {
            const e = s + t.durationMin;
            const busyOf = (pred: (a: { officer: string; interpreter: string | null }, id: string) => boolean) =>
              [...done.entries()].filter(([id, a]) => pred(a, id)).map(([, a]) => a);
            const ok =
              works(o.shift, o.breaks, s, e) &&
              free(busyOf((a) => a.officer === o.id), s, e) &&
              (x === null || (works(x.shift, x.breaks, s, e) && free(busyOf((a) => a.interpreter === x.id), s, e))) &&
              free(busyOf((_, id) => tasks.find((u) => u.id === id)!.personIds.some((p) => t.personIds.includes(p))), s, e);
            if (!ok) continue;
            done.set(t.id, { start: s, end: e, officer: o.id, interpreter: x?.id ?? null });
            recurse(done);
            done.delete(t.id);
            break;
          }
        }
      }
    }
  };
  recurse(new Map());
  return best;
}
