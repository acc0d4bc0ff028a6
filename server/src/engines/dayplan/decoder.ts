// The serial schedule-generation decoder: a priority list of tasks (plus per-task genes) becomes a
// schedule by placing each task, in list order, at the earliest time its persons, an officer of its
// station and (when needed) an interpreter of its language are all free, back-filling gaps left by
// tasks placed before it. Over all lists this reaches every "active" schedule, and for a regular
// objective such as ours (never better when a task ends later) an optimal schedule is among them, so
// the search only has to find a good list. Genes let it reach more than that cheaply:
//   - notBefore: deliberate waiting (a task not started before a minute even if it could be);
//   - officer / interpreter: pin the task to one resource (falls back to any if that one cannot hold it),
//     which is how a dispatch plan is re-encoded without getting worse.
//
// It is incremental, because the search changes one small thing per move. Each list position is a
// "step", and the decoder logs what every step did (tasks settled, tasks left waiting for a
// predecessor). A candidate is decoded by undoing the log back to the first step the move can affect
// and decoding on from there; a rejected candidate is undone and the accepted steps replayed from their
// saved placements (no searching). While it decodes it also compares its steps with the saved ones: once
// the move's changed positions are behind it and every task settled so far sits exactly where it did,
// the rest would repeat the accepted decoding, so it stops there (the move changed nothing).
import { NEVER, type Calendar } from './calendar.ts';
import type { Indexed } from './instance.ts';
import { newSchedule, scoreSchedule, type Frame, type Genes, type Schedule } from './frame.ts';
import { unplacedReason } from './reasons.ts';
import type { UnplannedReason } from './types.ts';

const PENDING = 0;
const PLACED = 1;
const FAILED = 2;

/** What a step of the accepted decoding did, kept while a candidate is tried (to replay or compare). */
interface Saved {
  fromStep: number;
  entries: number[];
  /** Per entry: the placement it made (for a settled task). */
  start: number[];
  officer: number[];
  interpreter: number[];
  reason: (UnplannedReason | null)[];
  /** Entry index where each step from fromStep begins (one more than the steps, for the end). */
  stepStart: number[];
}

export type TryResult = 'same' | 'decoded';

/**
 * Work done, shared by every decoder of one planning run: one unit per task placement tried, undone or
 * replayed. The search's budget is counted in it rather than in milliseconds, so a run gives the same
 * plan on any machine under any load (docs/dayplan.md, "Budget").
 */
export interface WorkMeter {
  work: number;
}

export class Decoder {
  readonly sched: Schedule;
  genes: Genes;
  readonly officers: Calendar[];
  readonly interpreters: Calendar[];
  readonly persons: Calendar[];
  private readonly status: Uint8Array;
  private readonly waiting: Uint8Array;
  /** Per task: the step that settled it (placed or failed). */
  private readonly settledAt: Int32Array;
  /** Entries in step order: a task settled (t) or a task left waiting for a predecessor (−t − 1). */
  private readonly log: number[] = [];
  /** Log length at the start of each step. */
  private stepStart: number[] = [];
  private saved: Saved | null = null;
  private previousGenes: Genes | null = null;
  private previousScore: [number, number, number] = [0, 0, 0];
  // Comparison with the saved steps while a candidate decodes.
  private stamp = 0;
  private readonly savedStamp: Int32Array;
  private readonly savedIndex: Int32Array;
  private readonly savedStep: Int32Array;
  private readonly differs: Uint8Array;
  private differing = 0;

  constructor(
    private readonly frame: Frame,
    genes: Genes,
    readonly meter: WorkMeter = { work: 0 },
  ) {
    const n = frame.ix.tasks.length;
    this.genes = genes;
    this.officers = frame.officers.map((c) => c.clone());
    this.interpreters = frame.interpreters.map((c) => c.clone());
    this.persons = frame.persons.map((c) => c.clone());
    this.status = new Uint8Array(n);
    this.waiting = new Uint8Array(n);
    this.settledAt = new Int32Array(n).fill(-1);
    this.savedStamp = new Int32Array(n);
    this.savedIndex = new Int32Array(n);
    this.savedStep = new Int32Array(n);
    this.differs = new Uint8Array(n);
    this.sched = newSchedule(n);
    for (let i = 0; i < n; i++) {
      const f = frame.fixed[i];
      const ex = frame.excluded[i];
      if (f) this.setPlaced(i, f.start, f.officer, f.interpreter, f.end - f.start);
      else if (ex) this.setFailed(i, ex);
    }
    this.decodeFrom(0);
    scoreSchedule(frame.ix, this.sched);
  }

  private get stepCount(): number {
    // The list, then the topological order (tasks missing from the list), then one step that fails
    // whatever is still pending (a precedence cycle).
    return this.genes.order.length + this.frame.ix.topo.length + 1;
  }

  /**
   * Decodes `genes` in place of the current ones. `firstStep`: no step before it can differ (the first
   * changed list position, or the step that settled a task whose gene changed). `lastChange`: the last
   * changed list position (−1 when only genes changed). 'same': the schedule came out unchanged and the
   * genes are taken; 'decoded': call accept() or reject().
   */
  tryGenes(genes: Genes, firstStep: number, lastChange: number, geneTasks: number[] = []): TryResult {
    let settleBy = lastChange;
    if (genes.order.length !== this.genes.order.length) {
      firstStep = 0;
      settleBy = NEVER;
    }
    for (const t of geneTasks) {
      firstStep = Math.min(firstStep, Math.max(0, this.settledAt[t]!));
      settleBy = Math.max(settleBy, this.settledAt[t]!);
    }
    firstStep = Math.max(0, Math.min(firstStep, this.stepCount - 1));
    this.previousGenes = this.genes;
    this.previousScore = [this.sched.unplannedCount, this.sched.total, this.sched.makespan];
    this.saved = this.undoTo(firstStep, true);
    this.genes = genes;
    const converged = this.decodeFrom(firstStep, Math.max(settleBy, firstStep));
    if (converged >= 0) {
      // Identical outcome: replay the saved steps after the one where it converged, keep the new genes.
      this.replay(converged + 1);
      this.saved = null;
      return 'same';
    }
    scoreSchedule(this.frame.ix, this.sched);
    return 'decoded';
  }

  accept(): void {
    this.saved = null;
  }

  reject(): void {
    const saved = this.saved!;
    this.undoTo(saved.fromStep, false);
    this.genes = this.previousGenes!;
    this.replay(saved.fromStep);
    [this.sched.unplannedCount, this.sched.total, this.sched.makespan] = this.previousScore;
    this.saved = null;
  }

  /** Decodes steps from `from` to the end; with a saved decoding to compare, stops where it converges (returns that step, else −1). */
  private decodeFrom(from: number, compareFrom = NEVER): number {
    const { order } = this.genes;
    const topo = this.frame.ix.topo;
    const steps = this.stepCount;
    this.stepStart.length = steps + 1;
    const saved = this.saved;
    for (let k = from; k < steps; k++) {
      this.stepStart[k] = this.log.length;
      if (k < order.length + topo.length) {
        const i = k < order.length ? order[k]! : topo[k - order.length]!;
        if (this.status[i] === PENDING && !this.waiting[i]) this.tryPlace(i, k);
      } else {
        for (let i = 0; i < this.status.length; i++) if (this.status[i] === PENDING) this.fail(i, 'predecessor_unplanned', k);
      }
      if (saved) {
        for (let e = this.stepStart[k]!; e < this.log.length; e++) if (this.log[e]! >= 0) this.compare(this.log[e]!, k);
        const s = k - saved.fromStep;
        if (s + 1 < saved.stepStart.length) for (let e = saved.stepStart[s]!; e < saved.stepStart[s + 1]!; e++) if (saved.entries[e]! >= 0) this.compare(saved.entries[e]!, k);
        if (k >= compareFrom && this.differing === 0) return k;
      }
    }
    this.stepStart[steps] = this.log.length;
    return -1;
  }

  /** Whether task t, at the end of step k, is settled the same way in the candidate and the saved steps. */
  private compare(t: number, k: number): void {
    const saved = this.saved!;
    const j = this.savedIndex[t]!;
    const savedSettled = this.savedStamp[t] === this.stamp && this.savedStep[t]! <= k;
    const settled = this.status[t] !== PENDING;
    let same = savedSettled === settled;
    if (same && settled) {
      const s = this.sched;
      same = s.start[t] === saved.start[j] && s.officer[t] === saved.officer[j] && s.interpreter[t] === saved.interpreter[j] && s.reason[t] === saved.reason[j];
    }
    const d = same ? 0 : 1;
    this.differing += d - this.differs[t]!;
    this.differs[t] = d;
  }

  /** Undoes every step from `step` on; when `save`, returns what they did (to replay or compare). */
  private undoTo(step: number, save: boolean): Saved | null {
    const from = this.stepStart[step]!;
    let out: Saved | null = null;
    if (save) {
      this.stamp++;
      this.differing = 0;
      const steps = this.stepCount;
      out = { fromStep: step, entries: this.log.slice(from), start: [], officer: [], interpreter: [], reason: [], stepStart: [] };
      for (let k = step; k <= steps; k++) out.stepStart.push(this.stepStart[k]! - from);
      const s = this.sched;
      for (const t of out.entries) {
        if (t < 0) continue;
        out.start.push(s.start[t]!);
        out.officer.push(s.officer[t]!);
        out.interpreter.push(s.interpreter[t]!);
        out.reason.push(s.reason[t]!);
        this.savedStamp[t] = this.stamp;
        this.savedIndex[t] = out.start.length - 1;
        this.savedStep[t] = this.settledAt[t]!;
        this.differs[t] = 0;
      }
    }
    for (let e = this.log.length - 1; e >= from; e--) this.unsettle(this.log[e]!);
    this.log.length = from;
    return out;
  }

  /** Re-applies the saved steps from `step` on, from their recorded placements. */
  private replay(step: number): void {
    const saved = this.saved!;
    const steps = this.stepCount;
    this.stepStart.length = steps + 1;
    let placement = 0;
    // Count the settled entries before the first replayed step, to index the placement arrays.
    for (let e = 0; e < saved.stepStart[step - saved.fromStep]!; e++) if (saved.entries[e]! >= 0) placement++;
    for (let k = step; k < steps; k++) {
      this.stepStart[k] = this.log.length;
      const s = k - saved.fromStep;
      for (let e = saved.stepStart[s]!; e < saved.stepStart[s + 1]!; e++) {
        const t = saved.entries[e]!;
        this.meter.work++;
        this.log.push(t);
        if (t < 0) {
          this.waiting[-t - 1] = 1;
          continue;
        }
        const st = saved.start[placement]!;
        if (st >= 0) this.setPlaced(t, st, saved.officer[placement]!, saved.interpreter[placement]!, this.frame.ix.duration[t]!);
        else this.setFailed(t, saved.reason[placement]!);
        this.settledAt[t] = k;
        placement++;
      }
    }
    this.stepStart[steps] = this.log.length;
  }

  private unsettle(entry: number): void {
    this.meter.work++;
    if (entry < 0) {
      this.waiting[-entry - 1] = 0;
      return;
    }
    const t = entry;
    const s = this.sched;
    if (this.status[t] === PLACED) {
      const { start, end } = { start: s.start[t]!, end: s.end[t]! };
      this.officers[s.officer[t]!]!.remove(start, end);
      if (s.interpreter[t]! >= 0) this.interpreters[s.interpreter[t]!]!.remove(start, end);
      for (const p of this.frame.ix.persons[t]!) this.persons[p]!.remove(start, end);
    }
    this.status[t] = PENDING;
    s.start[t] = -1;
    s.end[t] = -1;
    s.officer[t] = -1;
    s.interpreter[t] = -1;
    s.reason[t] = null;
    this.settledAt[t] = -1;
  }

  private setPlaced(i: number, start: number, officer: number, interpreter: number, duration: number): void {
    const end = start + duration;
    this.officers[officer]?.add(start, end);
    if (interpreter >= 0) this.interpreters[interpreter]?.add(start, end);
    for (const p of this.frame.ix.persons[i]!) this.persons[p]!.add(start, end);
    this.status[i] = PLACED;
    const s = this.sched;
    s.start[i] = start;
    s.end[i] = end;
    s.officer[i] = officer;
    s.interpreter[i] = interpreter;
  }

  private setFailed(i: number, reason: UnplannedReason): void {
    this.status[i] = FAILED;
    this.sched.reason[i] = reason;
  }

  private settle(i: number, step: number): void {
    this.settledAt[i] = step;
    this.log.push(i);
  }

  private fail(i: number, reason: UnplannedReason, step: number): void {
    this.setFailed(i, reason);
    this.settle(i, step);
    for (const s of this.frame.ix.succs[i]!) if (this.waiting[s] && this.status[s] === PENDING) this.tryPlace(s, step);
  }

  private tryPlace(i: number, step: number): void {
    this.meter.work++;
    const { ix } = this.frame;
    const genes = this.genes;
    let from = Math.max(ix.release[i]!, this.frame.floor, genes.notBefore[i]!);
    for (const p of ix.preds[i]!) {
      const st = this.status[p];
      if (st === FAILED) return this.fail(i, 'predecessor_unplanned', step);
      if (st === PENDING) {
        if (!this.waiting[i]) {
          this.waiting[i] = 1;
          this.log.push(-i - 1);
        }
        return;
      }
      from = Math.max(from, this.sched.end[p]!);
    }
    const hasInterp = ix.interpreterChoices[i] !== null;
    let go = genes.officer[i]!;
    let gi = hasInterp ? genes.interpreter[i]! : -1;
    let s = this.earliest(i, from, go, gi);
    if (s >= NEVER && (go >= 0 || gi >= 0)) {
      go = -1;
      gi = -1;
      s = this.earliest(i, from, -1, -1);
    }
    if (s >= NEVER) return this.fail(i, unplacedReason(ix, i, (t) => this.status[t] === PLACED), step);
    const d = ix.duration[i]!;
    const o = go >= 0 ? go : pick(this.officers, ix.officerChoices[i]!, s, d, this.frame.preferOfficer?.[i] ?? -1, ix.stationShortest[i]!);
    const x = !hasInterp ? -1 : gi >= 0 ? gi : pick(this.interpreters, ix.interpreterChoices[i]!, s, d, this.frame.preferInterpreter?.[i] ?? -1, ix.languageShortest[i]!);
    this.setPlaced(i, s, o, x, d);
    this.settle(i, step);
    for (const t of ix.succs[i]!) if (this.waiting[t] && this.status[t] === PENDING) this.tryPlace(t, step);
  }

  private earliest(i: number, from: number, officerPin: number, interpPin: number): number {
    return earliestStart(this.frame.ix, this, i, from, officerPin, interpPin);
  }
}

/** The calendars a placement is checked against. */
export interface Calendars {
  readonly officers: Calendar[];
  readonly interpreters: Calendar[];
  readonly persons: Calendar[];
}

/**
 * The least minute ≥ from when all of task i's persons, an officer and (if needed) an interpreter are
 * free for its whole length: a fixed point, since each resource only pushes the time later. NEVER when
 * there is none.
 */
export function earliestStart(ix: Indexed, cals: Calendars, i: number, from: number, officerPin: number, interpPin: number): number {
  const d = ix.duration[i]!;
  const ps = ix.persons[i]!;
  const interps = ix.interpreterChoices[i];
  let s = from;
  for (;;) {
    let t = s;
    for (let moved = true; moved; ) {
      moved = false;
      for (const p of ps) {
        const u = cals.persons[p]!.earliestFree(t, d);
        if (u !== t) {
          t = u;
          moved = ps.length > 1;
        }
      }
    }
    t = officerPin >= 0 ? cals.officers[officerPin]!.earliestFree(t, d) : earliestOfAny(cals.officers, ix.officerChoices[i]!, t, d);
    if (interps) t = interpPin >= 0 ? cals.interpreters[interpPin]!.earliestFree(t, d) : earliestOfAny(cals.interpreters, interps, t, d);
    if (t >= NEVER / 2) return NEVER;
    if (t === s) return s;
    s = t;
  }
}

/** The earliest start ≥ t on any of the calendars; stops as soon as one is free at t itself. */
function earliestOfAny(cals: Calendar[], list: number[], t: number, d: number): number {
  let best = NEVER;
  for (const k of list) {
    const u = cals[k]!.earliestFree(t, d);
    if (u < best) {
      best = u;
      if (u === t) break;
    }
  }
  return best;
}

/**
 * Among resources free over [s, s + d): the preferred one, else the one that wastes least. A free
 * stretch left before s or after s + d that is shorter than the shortest task the resource serves can
 * never be used again: the choice minimises those wasted minutes, then (best fit) the free time around
 * the task. It looks ahead to breaks: with two officers at staggered lunches, a 45-minute task goes to
 * the one who still has 45 minutes or more before lunch afterwards, or exactly none, so that the other
 * 45-minute task also fits before lunch (choosing by idle time alone lost 10 % on such a day).
 */
export function pick(cals: Calendar[], list: number[], s: number, d: number, prefer: number, shortest: number): number {
  if (prefer >= 0 && list.includes(prefer) && cals[prefer]!.freeAt(s, d)) return prefer;
  let chosen = -1;
  let bestWaste = Infinity;
  let bestIdle = Infinity;
  for (const k of list) {
    const c = cals[k]!;
    if (!c.freeAt(s, d)) continue;
    const before = Math.min(c.idleBefore(s), NEVER);
    const after = Math.min(c.idleAfter(s + d), NEVER);
    const waste = (before < shortest ? before : 0) + (after < shortest ? after : 0);
    const idle = before + after;
    if (waste < bestWaste || (waste === bestWaste && idle < bestIdle)) {
      bestWaste = waste;
      bestIdle = idle;
      chosen = k;
    }
  }
  return chosen;
}

/** A one-off decode (seeds, final passes, tests). */
export function decode(frame: Frame, genes: Genes, meter?: WorkMeter): Schedule {
  return new Decoder(frame, genes, meter).sched;
}
