// A tiny seeded maker of random days for the engine's tests (the benchmark has its own, calibrated
// generator): households of 1–6 persons, the six stations, a few languages and interpreters, and a
// simplified pathway with household and person steps and precedence.
import { rng } from './random.ts';
import type { DayInput, Interpreter, Officer, Task } from './types.ts';

const STATIONS = ['MV', 'SKV', 'AF', 'FK', 'PM', 'KOMMUN'];
const LANGUAGES = ['ar', 'fa', 'ti', 'so'];
const H = (h: number, m = 0) => h * 60 + m;

export interface RandomDayOptions {
  households: number;
  /** Officers per station (at least 1); default scales with households. */
  officersPerStation?: number;
  /** Arrivals spread over this many minutes from 08:00. */
  arrivalSpread?: number;
  /** Opening hours; default 08:00–17:00. */
  close?: number;
}

export function randomDay(seed: number, opts: RandomDayOptions): DayInput {
  const r = rng(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const close = opts.close ?? H(17);
  const perStation = opts.officersPerStation ?? Math.max(1, Math.round(opts.households / 8));
  const input: DayInput = { date: '2026-03-10', persons: [], households: [], tasks: [], officers: [], interpreters: [] };
  const spread = opts.arrivalSpread ?? Math.min(180, 20 * opts.households);

  for (let h = 0; h < opts.households; h++) {
    const hid = `h${h}`;
    const size = 1 + Math.floor(r() * r() * 6);
    const language = pick(LANGUAGES);
    const arrival = H(8) + Math.floor((r() * spread) / 5) * 5;
    const members = Array.from({ length: size }, (_, k) => ({
      id: `${hid}p${k}`,
      age: k === 0 ? 20 + Math.floor(r() * 50) : k === 1 && r() < 0.7 ? 20 + Math.floor(r() * 45) : Math.floor(r() * 18),
      interp: r() < 0.6,
    }));
    input.households.push({ id: hid, arrival, personIds: members.map((m) => m.id) });
    for (const m of members) input.persons.push({ id: m.id, householdId: hid });
    const adults = members.filter((m) => m.age >= 18);
    const children = members.filter((m) => m.age >= 6 && m.age < 18);
    const add = (key: string, station: string, who: typeof members, duration: number, after: string[]): string => {
      const id = `${hid}-${key}`;
      const task: Task = {
        id,
        householdId: hid,
        stepKey: key.replace(/-p\d+$/, ''),
        station,
        personIds: who.map((m) => m.id),
        durationMin: duration,
        after,
        interpreterLanguage: who.some((m) => m.interp) ? language : null,
      };
      input.tasks.push(task);
      return id;
    };
    const mv = add('mv', 'MV', members, 10 + 5 * size, []);
    for (const m of members) {
      const pk = m.id.slice(hid.length);
      const skv = add(`skv-${pk}`, 'SKV', [m], 10, [mv]);
      if (m.age >= 18 && m.age <= 64) {
        const af = add(`af-${pk}`, 'AF', [m], 20, [mv]);
        add(`fk-${pk}`, 'FK', [m], 15, [af, skv]);
        add(`sfi-${pk}`, 'KOMMUN', [m], 10, [skv]);
      }
      if (m.age >= 65) add(`pm-${pk}`, 'PM', [m], 15, [skv]);
    }
    if (children.length > 0 && adults.length > 0) add('school', 'KOMMUN', [adults[0]!, ...children], 10 + 5 * children.length, [mv]);
  }

  for (const station of STATIONS) {
    const n = station === 'PM' ? Math.max(1, Math.ceil(perStation / 3)) : perStation;
    for (let k = 0; k < n; k++) {
      const lunch = H(11, 30) + 30 * (k % 3);
      const officer: Officer = { id: `${station}-${k}`, station, shift: { start: H(8), end: close }, breaks: [{ start: lunch, end: lunch + 30 }] };
      input.officers.push(officer);
    }
  }
  for (const language of LANGUAGES) {
    const n = Math.max(1, Math.round(opts.households / 10));
    for (let k = 0; k < n; k++) {
      const lunch = H(12) + 30 * (k % 2);
      const x: Interpreter = { id: `${language}-${k}`, language, shift: { start: H(8), end: close }, breaks: [{ start: lunch, end: lunch + 30 }] };
      input.interpreters.push(x);
    }
  }
  return input;
}

/** A micro day small enough to solve by brute force: 1–3 households of 1–2 persons, ≤ 6 tasks. */
export function microDay(seed: number): DayInput {
  const r = rng(seed);
  const input: DayInput = { date: '2026-03-10', persons: [], households: [], tasks: [], officers: [], interpreters: [] };
  const stations = ['MV', 'SKV'];
  let taskCount = 0;
  const households = 1 + Math.floor(r() * 3);
  for (let h = 0; h < households && taskCount < 6; h++) {
    const hid = `h${h}`;
    const size = 1 + Math.floor(r() * 2);
    const persons = Array.from({ length: size }, (_, k) => `${hid}p${k}`);
    input.households.push({ id: hid, arrival: 480 + Math.floor(r() * 4) * 5, personIds: persons });
    for (const p of persons) input.persons.push({ id: p, householdId: hid });
    const interp = r() < 0.4 ? 'ar' : null;
    const first = `${hid}-mv`;
    input.tasks.push({ id: first, householdId: hid, stepKey: 'mv', station: 'MV', personIds: persons, durationMin: 5 + Math.floor(r() * 4) * 5, after: [], interpreterLanguage: interp });
    taskCount++;
    for (const p of persons) {
      if (taskCount >= 6) break;
      input.tasks.push({ id: `${p}-skv`, householdId: hid, stepKey: 'skv', station: 'SKV', personIds: [p], durationMin: 5 + Math.floor(r() * 3) * 5, after: r() < 0.7 ? [first] : [], interpreterLanguage: interp });
      taskCount++;
    }
  }
  for (const s of stations) {
    const n = 1 + Math.floor(r() * 2);
    for (let k = 0; k < n; k++) input.officers.push({ id: `${s}-${k}`, station: s, shift: { start: 480 + k * 10, end: 720 }, breaks: r() < 0.3 ? [{ start: 500, end: 510 }] : [] });
  }
  input.interpreters.push({ id: 'ar-0', language: 'ar', shift: { start: 480, end: 720 }, breaks: [] });
  return input;
}
