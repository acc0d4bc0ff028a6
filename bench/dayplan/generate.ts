// A seeded generator of Mötesplats days (DayInput) in four sizes, for the day-planner benchmark and the
// instances in bench/instances/. Households, ages, languages and interpreter needs are drawn to look like
// a day of newly arrived people with residence permits; the staffing is then sized from the day's own
// work so that a day runs the way a real one would (see bench/instances/README.md, "How the days were made").
import { DEFAULT_TEMPLATE } from '../../server/src/engines/dayplan/default-template.ts';
import { expandDay } from '../../server/src/engines/dayplan/template.ts';
import type { DayInput, HouseholdInput, Interpreter, Interval, MemberInput, Officer, PathwayTemplate, Task } from '../../server/src/engines/dayplan/types.ts';

export type DaySize = 'tiny' | 'small' | 'medium' | 'large';

export const HOUSEHOLDS: Record<DaySize, number> = { tiny: 3, small: 8, medium: 40, large: 120 };
/** A tiny day must stay small enough to prove the optimum. */
export const TINY_MAX_PERSONS = 10;

export const DATE = '2026-03-10'; // a Tuesday
export const YEAR = 2026;
export const hm = (h: number, m = 0) => h * 60 + m;

/** Opening hours: staff work 08:00–16:30; households are booked 08:30–11:30 in 15-minute slots. */
export const OPEN: Interval = { start: hm(8), end: hm(16, 30) };
export const FIRST_SLOT = hm(8, 30);
export const LAST_SLOT = hm(11, 30);
/** Families with children are booked by 10:00: a parent has four to five hours of steps. */
export const LAST_FAMILY_SLOT = hm(10);
export const SLOT_MIN = 15;
export const LUNCH_MIN = 45;
/** Lunches start in rotation at these times, so a station or language never closes all at once. */
const LUNCH_STARTS = [hm(11, 15), hm(12), hm(12, 45)];

/**
 * The share of the staff's time from the first booking to closing that the day's work fills at a
 * station. It looks low, but the work is not spread over the day: it starts only when households
 * arrive and walk their steps in order, and lunch falls at the busiest hour. With 0.6 the
 * first-come-first-served day overran closing on medium and large days; 0.5 keeps it inside
 * (calibrated with dispatch 'fcfs' over several seeds; figures in bench/instances/README.md).
 */
export const TARGET_LOAD = 0.5;
/** Interpreters follow a person through several stations, so they are sized with more slack. */
export const TARGET_INTERPRETER_LOAD = 0.5;

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same day. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export function pick<T>(r: Rand, weighted: [T, number][]): T {
  let x = r() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of weighted) if ((x -= w) < 0) return v;
  return weighted[weighted.length - 1]![0];
}

/**
 * Languages of the day, weighted roughly like recent arrivals with residence permits (Arabic, Tigrinya,
 * Somali, Dari/Persian, Ukrainian), and the share of adults among them who need an interpreter for
 * an agency meeting. English speakers and Swedish-speaking households need none.
 */
export const LANGUAGES: [string, number][] = [['ar', 30], ['ti', 16], ['so', 12], ['fa', 14], ['uk', 14], ['en', 9], ['sv', 5]];
const ADULT_NEEDS_INTERPRETER: Record<string, number> = { ar: 0.85, ti: 0.9, so: 0.85, fa: 0.85, uk: 0.7, en: 0, sv: 0 };

export type Shape = 'single' | 'couple' | 'single-parent' | 'family' | 'three-generations';
/** Singles are the most common; families of 3–6 are the rest, a few with a grandparent. */
export const SHAPES: [Shape, number][] = [['single', 38], ['couple', 10], ['single-parent', 14], ['family', 32], ['three-generations', 6]];

export function drawMembers(r: Rand, householdId: string, language: string, shapes: [Shape, number][] = SHAPES): MemberInput[] {
  const shape = pick(r, shapes);
  const ages: number[] = [];
  const adults = shape === 'single' || shape === 'single-parent' ? 1 : 2;
  const firstAdult = between(r, 19, shape === 'single' ? 58 : 45);
  ages.push(firstAdult);
  if (adults === 2) ages.push(Math.max(19, firstAdult + between(r, -6, 6)));
  if (shape === 'single-parent' || shape === 'family' || shape === 'three-generations') {
    const children = pick(r, [[1, 30], [2, 35], [3, 22], [4, 13]]);
    // Children's ages fit their parent's: born after the parent turned 18.
    for (let i = 0; i < children; i++) ages.push(between(r, 0, Math.min(17, firstAdult - 18)));
  }
  if (shape === 'three-generations') ages.push(between(r, 65, 82));
  return ages.map((age, i) => ({
    id: `${householdId}-p${i + 1}`,
    birthYear: YEAR - age,
    needsInterpreter: needsInterpreter(r, language, age),
  }));
}

/** Adults by language; the elderly nearly always; children at school age sometimes; small children never speak for themselves. */
function needsInterpreter(r: Rand, language: string, age: number): boolean {
  const adult = ADULT_NEEDS_INTERPRETER[language] ?? 0.8;
  if (age >= 65) return adult > 0 && r() < 0.95;
  if (age >= 18) return r() < adult;
  if (age >= 6) return r() < adult * 0.3;
  return false;
}

/** The day's households, booked into the morning's slots. A tiny day redraws until it has at most 10 persons. */
export function generateHouseholds(size: DaySize, seed: number): HouseholdInput[] {
  const r = mulberry32(seed);
  for (;;) {
    const households = Array.from({ length: HOUSEHOLDS[size] }, (_, i) => {
      const id = `h${String(i + 1).padStart(3, '0')}`;
      const language = pick(r, LANGUAGES);
      const members = drawMembers(r, id, language);
      const hasChildren = members.some((m) => YEAR - m.birthYear < 18);
      // Municipalities receive assigned (anvisade) newcomers with a home; family reunification and
      // self-arranged housing come without a key.
      const assignedHousing = r() < 0.6;
      const lastSlot = hasChildren ? LAST_FAMILY_SLOT : LAST_SLOT;
      const arrival = FIRST_SLOT + SLOT_MIN * between(r, 0, (lastSlot - FIRST_SLOT) / SLOT_MIN);
      return { id, language, assignedHousing, arrival, members };
    });
    const persons = households.reduce((n, h) => n + h.members.length, 0);
    if (size === 'tiny' && persons > TINY_MAX_PERSONS) continue;
    // Numbered in arrival order, as the coordinator's list would be.
    return households
      .sort((a, b) => a.arrival - b.arrival || a.id.localeCompare(b.id))
      .map((h, i) => {
        const id = `h${String(i + 1).padStart(3, '0')}`;
        return { ...h, id, members: h.members.map((m, j) => ({ ...m, id: `${id}-p${j + 1}` })) };
      });
  }
}

/** Work minutes per station and per interpreter language. */
export function loads(tasks: Task[]): { stations: Map<string, number>; languages: Map<string, number> } {
  const stations = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const t of tasks) {
    stations.set(t.station, (stations.get(t.station) ?? 0) + t.durationMin);
    if (t.interpreterLanguage) languages.set(t.interpreterLanguage, (languages.get(t.interpreterLanguage) ?? 0) + t.durationMin);
  }
  return { stations, languages };
}

/** Minutes a staff member can serve: from the first booked slot to closing, less lunch. */
export const SERVING_MINUTES = OPEN.end - FIRST_SLOT - LUNCH_MIN;
/** The stretch of the day the staffing is sized for at its busiest, and what lunch takes of it. */
export const PEAK_WINDOW_MIN = 240;
/**
 * Earliest starts bunch the work more tightly than it runs (nobody waits in them), so the busiest four
 * hours may hold up to twice the target load.
 */
export const PEAK_TARGET = 2;
const PEAK_WINDOW_SERVING = PEAK_WINDOW_MIN - LUNCH_MIN;

/**
 * The work does not spread evenly: everyone arrives in the morning and starts with Migrationsverket,
 * then Skatteverket and Arbetsförmedlingen; Försäkringskassan and the municipality come after. So a
 * station or language is staffed for the larger of its whole-day work and its busiest three hours,
 * placing each task at its earliest start (arrival and the earlier steps, with no waiting).
 */
function needed(tasks: Task[], earliest: Map<string, number>, target: number): number {
  const day = tasks.reduce((s, t) => s + t.durationMin, 0) / (target * SERVING_MINUTES);
  let peak = 0;
  for (let w = FIRST_SLOT; w + PEAK_WINDOW_MIN <= OPEN.end; w += SLOT_MIN) {
    const inWindow = tasks.reduce((s, t) => {
      const es = earliest.get(t.id)!;
      return es >= w && es < w + PEAK_WINDOW_MIN ? s + t.durationMin : s;
    }, 0);
    peak = Math.max(peak, inWindow / (target * PEAK_TARGET * PEAK_WINDOW_SERVING));
  }
  return Math.max(1, Math.ceil(Math.max(day, peak)));
}

/** Each task's earliest start: its household's arrival, after its earlier steps, with no waiting. */
function earliestStarts(tasks: Task[], arrival: Map<string, number>): Map<string, number> {
  const es = new Map<string, number>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  // expandDay lists every task after the tasks it waits for.
  for (const t of tasks) es.set(t.id, Math.max(arrival.get(t.householdId)!, ...t.after.map((a) => es.get(a)! + byId.get(a)!.durationMin)));
  return es;
}

function lunch(i: number): Interval[] {
  const start = LUNCH_STARTS[i % LUNCH_STARTS.length]!;
  return [{ start, end: start + LUNCH_MIN }];
}

/** Enough staff for the work at the target load; every station of the template has at least one officer. */
export function staff(template: PathwayTemplate, tasks: Task[], arrival: Map<string, number>): { officers: Officer[]; interpreters: Interpreter[] } {
  const earliest = earliestStarts(tasks, arrival);
  const officers: Officer[] = [];
  for (const station of new Set(template.steps.map((s) => s.station))) {
    const n = needed(tasks.filter((t) => t.station === station), earliest, TARGET_LOAD);
    for (let i = 0; i < n; i++) officers.push({ id: `${station}-${i + 1}`, station, shift: { ...OPEN }, breaks: lunch(i) });
  }
  const interpreters: Interpreter[] = [];
  const languages = [...new Set(tasks.map((t) => t.interpreterLanguage).filter((l): l is string => l !== null))].sort();
  for (const language of languages) {
    const n = needed(tasks.filter((t) => t.interpreterLanguage === language), earliest, TARGET_INTERPRETER_LOAD);
    for (let i = 0; i < n; i++) interpreters.push({ id: `tolk-${language}-${i + 1}`, language, shift: { ...OPEN }, breaks: lunch(i + 1) });
  }
  return { officers, interpreters };
}

/** A whole day: households from the seed, expanded with the template, staffed for its work. */
export function generateDay(size: DaySize, seed: number, template: PathwayTemplate = DEFAULT_TEMPLATE): DayInput {
  const { tasks, households, persons } = expandDay(template, generateHouseholds(size, seed), YEAR);
  const arrival = new Map(households.map((h) => [h.id, h.arrival]));
  return { date: DATE, persons, households, tasks, ...staff(template, tasks, arrival) };
}

/** The benchmark's days and their seeds (the seed is the case's only input besides the size). */
export const CASES: { name: string; size: DaySize; seed: number }[] = [
  { name: 'tiny-1', size: 'tiny', seed: 101 },
  { name: 'tiny-2', size: 'tiny', seed: 102 },
  { name: 'tiny-3', size: 'tiny', seed: 103 },
  { name: 'tiny-4', size: 'tiny', seed: 104 },
  { name: 'tiny-5', size: 'tiny', seed: 105 },
  { name: 'small', size: 'small', seed: 201 },
  { name: 'medium', size: 'medium', seed: 301 },
  { name: 'large', size: 'large', seed: 401 },
];
