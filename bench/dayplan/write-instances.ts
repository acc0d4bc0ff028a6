// Writes the benchmark's days to bench/instances/<case>.json (DayInput as JSON; format in
// bench/instances/README.md). Run: node --import tsx bench/dayplan/write-instances.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES, generateDay } from './generate.ts';
import { KIND_CASES, generateKindDay } from './day-types.ts';
import type { DayInput } from '../../server/src/engines/dayplan/types.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'instances');

/** Pretty at the top level, one line per person, household, task, officer and interpreter: readable diffs, small files. */
export function formatDay(day: DayInput): string {
  const list = (items: unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`);
  const { date, persons, households, tasks, officers, interpreters } = day;
  const fields: [string, string][] = [
    ['date', JSON.stringify(date)],
    ['persons', list(persons)],
    ['households', list(households)],
    ['tasks', list(tasks)],
    ['officers', list(officers)],
    ['interpreters', list(interpreters)],
  ];
  return `{\n${fields.map(([k, v]) => `  "${k}": ${v}`).join(',\n')}\n}\n`;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const all = [...CASES.map((c) => ({ ...c, make: () => generateDay(c.size, c.seed) })), ...KIND_CASES.map((c) => ({ ...c, make: () => generateKindDay(c.kind, c.size, c.seed) }))];
  for (const c of all) {
    const day = c.make();
    writeFileSync(join(OUT, `${c.name}.json`), formatDay(day));
    console.log(`${c.name}: seed ${c.seed}, ${day.households.length} households, ${day.persons.length} persons, ${day.tasks.length} tasks, ${day.officers.length} officers, ${day.interpreters.length} interpreters`);
  }
}

if (process.argv[1]?.endsWith('write-instances.ts')) main();
