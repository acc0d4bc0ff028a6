// What closing one or several offices does: where their people go instead, how much longer they travel,
// and how many fall out of reach of each threshold.
import { coverageFromNearest, demandGroups, type CoverageOptions } from './coverage.ts';
import { nearestOpen } from './nearest.ts';
import type { CoverageInstance, CoverageResult } from './types.ts';

export interface Reassignment {
  /** Closed site the people used to go to. */
  from: number;
  /** Site they go to now, -1 when none is reachable. */
  to: number;
  people: number;
  /** Added person-minutes of this flow (Infinity if `to` is -1). */
  addedPersonMinutes: number;
}

export interface ThresholdCrossing {
  minutes: number;
  /** People within the threshold before and not after. */
  lost: number;
  withinBefore: number;
  withinAfter: number;
}

export interface ClosureImpact {
  closed: number[];
  reassignments: Reassignment[];
  /** People whose nearest open site was closed. */
  affectedPeople: number;
  /** Added travel time summed over people (one way), among those who can still reach a site. */
  addedPersonMinutes: number;
  /** addedPersonMinutes / affected people who still reach a site. */
  addedMinutesPerAffectedPerson: number;
  /** addedPersonMinutes / everyone in the instance: the change in the national mean. */
  addedMinutesPerCapita: number;
  /** Affected people left with no reachable site at all. */
  cutOff: number;
  crossings: ThresholdCrossing[];
  before: CoverageResult;
  after: CoverageResult;
}

export function closureImpact(
  instance: CoverageInstance,
  open: readonly number[],
  close: readonly number[],
  options: CoverageOptions = {},
): ClosureImpact {
  const closed = new Set(close);
  for (const c of closed) if (!open.includes(c)) throw new RangeError(`site ${c} to close is not open`);
  const before = nearestOpen(instance.matrix, open);
  const after = nearestOpen(instance.matrix, open.filter((j) => !closed.has(j)));
  const { population } = demandGroups(instance.demand);

  const flows = new Map<string, Reassignment>();
  let affectedPeople = 0;
  let addedPersonMinutes = 0;
  let reroutedPeople = 0;
  let cutOff = 0;
  for (let i = 0; i < population.length; i++) {
    const from = before.site[i]!;
    const w = population[i]!;
    if (!closed.has(from) || w <= 0) continue;
    const to = after.site[i]!;
    const added = w * (after.minutes[i]! - before.minutes[i]!);
    affectedPeople += w;
    if (to < 0) cutOff += w;
    else {
      reroutedPeople += w;
      addedPersonMinutes += added;
    }
    const key = `${from}>${to}`;
    const flow = flows.get(key) ?? flows.set(key, { from, to, people: 0, addedPersonMinutes: 0 }).get(key)!;
    flow.people += w;
    flow.addedPersonMinutes += added;
  }

  const beforeCoverage = coverageFromNearest(instance, before, options);
  const afterCoverage = coverageFromNearest(instance, after, options);
  const total = beforeCoverage.national.population;
  return {
    closed: [...closed],
    reassignments: [...flows.values()].sort((a, b) => b.people - a.people),
    affectedPeople,
    addedPersonMinutes,
    addedMinutesPerAffectedPerson: reroutedPeople > 0 ? addedPersonMinutes / reroutedPeople : 0,
    addedMinutesPerCapita: total > 0 ? addedPersonMinutes / total : 0,
    cutOff,
    crossings: beforeCoverage.thresholds.map((t, k) => ({
      minutes: t,
      lost: beforeCoverage.national.within[k]! - afterCoverage.national.within[k]!,
      withinBefore: beforeCoverage.national.within[k]!,
      withinAfter: afterCoverage.national.within[k]!,
    })),
    before: beforeCoverage,
    after: afterCoverage,
  };
}
