// The figures docs/dayplan.md shows, made from the committed bench/results/dayplan.json only, so that no
// figure in the docs is typed by hand: `node --import tsx bench/dayplan/docs-table.ts` prints the block
// to paste between the markers, and docs-figures.test.ts fails when the docs and the JSON disagree.
import { readFileSync } from 'node:fs';

export const BEGIN = '<!-- bench:dayplan:begin (made by bench/dayplan/docs-table.ts from bench/results/dayplan.json) -->';
export const END = '<!-- bench:dayplan:end -->';

interface Row { case: string; method: string; metric: string; value: number; unit: string }
interface Results { commit: string; date: string; machine: { cpus: number; node: string }; rows: Row[]; notes: string[] }

export function docsBlock(results: Results): string {
  const get = (c: string, method: string, metric: string) => results.rows.find((r) => r.case === c && r.method === method && r.metric === metric)?.value;
  const cases = [...new Set(results.rows.filter((r) => r.method === 'planner' && r.metric === 'total_minutes_in_building').map((r) => r.case))];
  const minutes = (c: string, m: string) => {
    const v = get(c, m, 'total_minutes_in_building');
    const u = get(c, m, 'unplanned_tasks') ?? 0;
    return v === undefined ? '–' : `${v}${u ? ` (${u} unplanned)` : ''}`;
  };
  const ratio = (c: string, m: string) => {
    const v = get(c, m, 'ratio_to_reference');
    return v === undefined ? '–' : v.toFixed(3);
  };
  const lines = [
    BEGIN,
    `Run of ${results.date.slice(0, 10)} at commit ${results.commit.slice(0, 10)} (${results.machine.cpus} cores, Node ${results.machine.node}); load average ${get('machine', 'bench', 'load_average_start')?.toFixed(2)} at the start and ${get('machine', 'bench', 'load_average_end')?.toFixed(2)} at the end (other engineers' jobs). Minutes are total minutes in the building; ratios are to the reference; "ms" is the planner's wall-clock time and "cpu" its processor time, the only figures the load changes.`,
    '',
    '| day | tasks | fcfs | srpt | planner | planner min | reference min | lower bound (engine) | best bound | planner ms | cpu ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...cases.map((c) => {
      const tasks = get(c, 'instance', 'tasks') ?? '';
      return `| ${c} | ${tasks} | ${ratio(c, 'fcfs')} | ${ratio(c, 'srpt')} | ${ratio(c, 'planner')} | ${minutes(c, 'planner')} | ${minutes(c, 'reference')} | ${get(c, 'lower_bound', 'engine_bound_minutes') ?? '–'} | ${get(c, 'lower_bound', 'total_minutes_in_building') ?? '–'} | ${Math.round(get(c, 'planner', 'run_ms') ?? NaN)} | ${Math.round(get(c, 'planner', 'cpu_ms') ?? NaN)} |`;
    }),
    '',
    `replan-medium: p95 ${get('replan-medium', 'planner', 'run_ms')} ms over ${get('replan-medium', 'planner', 'events')} events, at most ${get('replan-medium', 'planner', 'max_ms')} ms; started steps moved by a re-plan: ${get('replan-medium', 'planner', 'started_steps_moved')}.`,
    '',
    'Goals in that run:',
    '',
    ...results.rows.filter((r) => r.case === 'goals').map((r) => {
      const detail = results.notes.find((n) => n.startsWith(`goal ${r.method}: `))?.slice(`goal ${r.method}: `.length);
      return `- ${r.value === 1 ? 'met' : '**not met**'}: ${r.method}${detail ? ` (${detail})` : ''}`;
    }),
    END,
  ];
  return lines.join('\n');
}

export const readResults = (path = 'bench/results/dayplan.json') => JSON.parse(readFileSync(path, 'utf8')) as Results;

if (process.argv[1]?.endsWith('docs-table.ts')) console.log(docsBlock(readResults()));
