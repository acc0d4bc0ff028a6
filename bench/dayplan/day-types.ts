// Named kinds of Mötesplats day beyond the standard mix of generate.ts (issue 16): the days where
// planning is hard. Each kind is seeded and comes in three sizes (about 20, 50 and 100 tasks): households
// are drawn until the day has its target number of tasks. The staffing starts from generate.ts's
// load-based sizing and is then changed the way the kind says (a long lunch, split shifts, one
// interpreter). bench/instances/README.md describes each kind.
import { DEFAULT_TEMPLATE } from '../../server/src/engines/dayplan/default-template.ts';
import { expandDay } from '../../server/src/engines/dayplan/template.ts';
import type { DayInput, HouseholdInput, Interpreter, Interval, MemberInput, Officer, Task } from '../../server/src/engines/dayplan/types.ts';
import {
  between, DATE, drawMembers, FIRST_SLOT, hm, LANGUAGES, LAST_FAMILY_SLOT, LAST_SLOT, mulberry32, pick, SLOT_MIN, staff, YEAR,
  type Rand, type Shape,
} from './generate.ts';

export type DayKind = 'families' | 'lunch' | 'split' | 'scarce' | 'late' | 'over';
export type KindSize = 'small' | 'medium' | 'large';

/** Tasks a day of each size is drawn up to (it stops at the first household that reaches it). */
export const TARGET_TASKS: Record<KindSize, number> = { small: 12, medium: 45, large: 95 };

export const KINDS: Record<DayKind, string> = {
  families: 'big families with grandparents (Pensionsmyndigheten steps), 3–9 persons',
  lunch: "one agency (Arbetsförmedlingen) whose officers all take long, overlapping lunches within 11:30–13:30",
  split: 'split and part-time shifts: officers and interpreters work mornings, afternoons or split days',
  scarce: 'one scarce interpreter language: a single Tigrinya interpreter for many Tigrinya speakers',
  late: 'late arrivals on a 1-minute grid: households come from 08:30 to 13:30 at any minute',
  over: 'over capacity: too few officers and an early close (15:00), so not every task fits',
};

/** The Tigrinya interpreter of a 'scarce' day is booked up to this share of their working minutes. */
const SCARCE_LOAD = 0.8;

type Drawn = { members: MemberInput[]; language: string; arrival: number; assignedHousing: boolean };

/** Households with two parents, two to five children and one or two grandparents. */
function bigFamily(r: Rand, id: string, language: string): MemberInput[] {
  const parent = between(r, 28, 45);
  const ages = [parent, Math.max(19, parent + between(r, -5, 5))];
  const children = between(r, 1, 5);
  for (let i = 0; i < children; i++) ages.push(between(r, 0, Math.min(17, parent - 18)));
  const grandparents = r() < 0.45 ? 2 : 1;
  for (let i = 0; i < grandparents; i++) ages.push(between(r, 65, 84));
  const adultNeed = language === 'en' || language === 'sv' ? 0 : 0.85;
  return ages.map((age, i) => ({
    id: `${id}-p${i + 1}`,
    birthYear: YEAR - age,
    needsInterpreter: adultNeed > 0 && (age >= 65 ? r() < 0.95 : age >= 18 ? r() < adultNeed : age >= 6 && r() < adultNeed * 0.3),
  }));
}

const slot = (r: Rand, from: number, to: number) => from + SLOT_MIN * between(r, 0, Math.floor((to - from) / SLOT_MIN));
const hasChildren = (m: MemberInput[]) => m.some((x) => YEAR - x.birthYear < 18);
const SINGLES: [Shape, number][] = [['single', 70], ['couple', 20], ['single-parent', 10]];

function drawHousehold(kind: DayKind, r: Rand, id: string): Drawn {
  const assignedHousing = r() < 0.6;
  if (kind === 'families') {
    const language = pick(r, LANGUAGES);
    const members = r() < 0.75 ? bigFamily(r, id, language) : drawMembers(r, id, language, [['family', 1]]);
    return { members, language, arrival: slot(r, FIRST_SLOT, LAST_FAMILY_SLOT), assignedHousing };
  }
  if (kind === 'scarce') {
    // Mostly singles and couples; Tigrinya far more common than on a standard day (and the first household).
    const language = id === 'h001' || r() < 0.5 ? 'ti' : pick(r, LANGUAGES.filter(([l]) => l !== 'ti'));
    const members = drawMembers(r, id, language, SINGLES);
    return { members, language, arrival: slot(r, FIRST_SLOT, hasChildren(members) ? LAST_FAMILY_SLOT : LAST_SLOT), assignedHousing };
  }
  const language = pick(r, LANGUAGES);
  const members = drawMembers(r, id, language);
  const last = hasChildren(members) ? LAST_FAMILY_SLOT : LAST_SLOT;
  if (kind === 'late') {
    // Booked in a slot, but people come when they come: a few minutes early to over an hour late;
    // singles booked as late as 12:30.
    const booked = slot(r, FIRST_SLOT, hasChildren(members) ? LAST_FAMILY_SLOT : hm(12, 30));
    const drift = r() < 0.5 ? between(r, -10, 10) : between(r, 10, 75);
    return { members, language, arrival: Math.max(FIRST_SLOT, booked + drift), assignedHousing };
  }
  if (kind === 'over') return { members, language, arrival: slot(r, FIRST_SLOT, hasChildren(members) ? LAST_FAMILY_SLOT : hm(12)), assignedHousing };
  return { members, language, arrival: slot(r, FIRST_SLOT, last), assignedHousing };
}

/** Interpreted minutes of a household's tasks in one language (for the scarce interpreter's cap). */
function interpreted(tasks: Task[], language: string): number {
  return tasks.filter((t) => t.interpreterLanguage === language).reduce((s, t) => s + t.durationMin, 0);
}

const working = (shift: Interval, breaks: Interval[]) => shift.end - shift.start - breaks.reduce((s, b) => s + b.end - b.start, 0);

function drawHouseholds(kind: DayKind, size: KindSize, seed: number): HouseholdInput[] {
  const r = mulberry32(seed);
  const out: HouseholdInput[] = [];
  const tiCap = SCARCE_LOAD * working({ start: hm(8), end: hm(16, 30) }, [{ start: hm(12), end: hm(12, 45) }]);
  for (let n = 1; ; n++) {
    const id = `h${String(n).padStart(3, '0')}`;
    const d = drawHousehold(kind, r, id);
    let h: HouseholdInput = { id, language: d.language, assignedHousing: d.assignedHousing, arrival: d.arrival, members: d.members };
    if (kind === 'scarce' && h.language === 'ti') {
      const ti = interpreted(expandDay(DEFAULT_TEMPLATE, [...out, h], YEAR).tasks, 'ti');
      // Over the interpreter's day: this household speaks another language instead.
      if (ti > tiCap) h = { ...h, language: 'ar' };
    }
    out.push(h);
    if (expandDay(DEFAULT_TEMPLATE, out, YEAR).tasks.length >= TARGET_TASKS[size]) break;
  }
  // Numbered in arrival order, as the coordinator's list would be.
  return out
    .sort((a, b) => a.arrival - b.arrival || a.id.localeCompare(b.id))
    .map((h, i) => {
      const id = `h${String(i + 1).padStart(3, '0')}`;
      return { ...h, id, members: h.members.map((m, j) => ({ ...m, id: `${id}-p${j + 1}` })) };
    });
}

const at = (start: number, end: number): Interval => ({ start, end });

/** Changes the load-sized staffing the way the kind says. */
function restaff(kind: DayKind, officers: Officer[], interpreters: Interpreter[]): { officers: Officer[]; interpreters: Interpreter[] } {
  const day = at(hm(8), hm(16, 30));
  if (kind === 'lunch') {
    // Arbetsförmedlingen: at least two officers, each at a long lunch, all overlapping 11:45–13:15.
    const af = officers.filter((o) => o.station === 'AF');
    const count = Math.max(2, af.length);
    const longLunch = (k: number) => (k % 2 === 0 ? at(hm(11, 30), hm(13, 15)) : at(hm(11, 45), hm(13, 30)));
    const rest = officers.filter((o) => o.station !== 'AF');
    const newAf = Array.from({ length: count }, (_, k): Officer => ({ id: `AF-${k + 1}`, station: 'AF', shift: day, breaks: [longLunch(k)] }));
    return { officers: [...rest, ...newAf], interpreters };
  }
  if (kind === 'split') {
    // In rotation: a split day (08:00–11:30 and 13:00–16:30), a morning part-time (08:00–12:30), an
    // afternoon part-time (11:30–16:30). One more person per station or language makes up for the
    // shorter hours.
    const patterns: Array<{ shift: Interval; breaks: Interval[] }> = [
      { shift: day, breaks: [at(hm(11, 30), hm(13))] },
      { shift: at(hm(8), hm(12, 30)), breaks: [] },
      { shift: at(hm(11, 30), hm(16, 30)), breaks: [] },
    ];
    const reshape = <T extends Officer | Interpreter>(list: T[], key: (x: T) => string, make: (x: T, k: number) => T): T[] => {
      const out: T[] = [];
      for (const group of new Set(list.map(key))) {
        const members = list.filter((x) => key(x) === group);
        const count = members.length === 1 ? 1 : members.length + 1;
        for (let k = 0; k < count; k++) out.push(make(members[0]!, k));
      }
      return out;
    };
    return {
      officers: reshape(officers, (o) => o.station, (o, k) => ({ id: `${o.station}-${k + 1}`, station: o.station, ...patterns[k % 3]! })),
      interpreters: reshape(interpreters, (x) => x.language, (x, k) => ({ id: `tolk-${x.language}-${k + 1}`, language: x.language, ...patterns[(k + 1) % 3]! })),
    };
  }
  if (kind === 'scarce') {
    const ti = interpreters.filter((x) => x.language === 'ti');
    const others = interpreters.filter((x) => x.language !== 'ti');
    return { officers, interpreters: ti.length === 0 ? interpreters : [...others, { id: 'tolk-ti-1', language: 'ti', shift: day, breaks: [at(hm(12), hm(12, 45))] }] };
  }
  if (kind === 'over') {
    // Six in ten of the officers the load needs, and everyone leaves at 15:00.
    const close = hm(15);
    const cut = <T extends Officer | Interpreter>(list: T[], key: (x: T) => string): T[] => {
      const out: T[] = [];
      for (const group of new Set(list.map(key))) {
        const members = list.filter((x) => key(x) === group);
        out.push(...members.slice(0, Math.max(1, Math.ceil(members.length * 0.6))));
      }
      return out.map((x) => ({ ...x, shift: { start: x.shift.start, end: close }, breaks: x.breaks.filter((b) => b.end <= close) }));
    };
    return { officers: cut(officers, (o) => o.station), interpreters: cut(interpreters, (x) => x.language) };
  }
  return { officers, interpreters };
}

export function generateKindDay(kind: DayKind, size: KindSize, seed: number): DayInput {
  const { tasks, households, persons } = expandDay(DEFAULT_TEMPLATE, drawHouseholds(kind, size, seed), YEAR);
  const arrival = new Map(households.map((h) => [h.id, h.arrival]));
  const staffed = staff(DEFAULT_TEMPLATE, tasks, arrival);
  return { date: DATE, persons, households, tasks, ...restaff(kind, staffed.officers, staffed.interpreters) };
}

const KIND_SEED: Record<DayKind, number> = { families: 500, lunch: 600, split: 700, scarce: 800, late: 900, over: 1000 };
const SIZE_SEED: Record<KindSize, number> = { small: 1, medium: 2, large: 3 };

/** The benchmark's named days: `<kind>-<size>`, each with its seed. */
export const KIND_CASES: { name: string; kind: DayKind; size: KindSize; seed: number }[] = (Object.keys(KINDS) as DayKind[]).flatMap((kind) =>
  (['small', 'medium', 'large'] as const).map((size) => ({ name: `${kind}-${size}`, kind, size, seed: KIND_SEED[kind] + SIZE_SEED[size] })));
