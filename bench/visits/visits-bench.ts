// The `visits` bench: HTTP throughput of take-ticket and call-next, and the wait-estimate accuracy of the
// queue engine against the AHT rule.
//
// runWaitEstimateBench() runs seeded simulated office days; the HTTP cases (take_ticket, call_next, trivial)
// and the embedded database's commit cost (pglite_commit) are their own functions, and run() joins the reports.
import { percentile, type BenchReport, type BenchRow } from '../harness.ts';
import { simulateDay, type WaitRecord } from './wait-estimate.ts';
import { runHttpBench } from './http-bench.ts';
import { runCommitBench } from './commit-cost.ts';

/** Five simulated days; fixed seeds so that runs compare. */
const SEEDS = [1, 2, 3, 4, 5];

type Method = 'engine' | 'engine_roster' | 'aht_rule' | 'aht_rule_global';
const METHODS: readonly { method: Method; key: Exclude<keyof WaitRecord, 'actual'> }[] = [
  { method: 'engine', key: 'engine' },
  { method: 'aht_rule', key: 'ahtRule' },
  { method: 'engine_roster', key: 'engineRoster' },
  { method: 'aht_rule_global', key: 'ahtRuleGlobal' },
];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (x: number) => x.toFixed(2);

export async function runWaitEstimateBench(): Promise<BenchReport> {
  const started = performance.now();
  const days = SEEDS.map((seed) => simulateDay(seed));
  const all = days.flatMap((d) => d.records);
  // Compare every method on the same tickets: those every method gave a number for.
  const scored = all.filter((r) => METHODS.every(({ key }) => r[key] !== null));
  const rows: BenchRow[] = [];
  const mae: Partial<Record<Method, number>> = {};
  for (const { method, key } of METHODS) {
    const errors = scored.map((r) => Math.abs(r[key]! - r.actual)).sort((a, b) => a - b);
    mae[method] = mean(errors);
    rows.push({ case: 'wait_estimate', method, metric: 'mae_min', value: mae[method], unit: 'min' });
    rows.push({ case: 'wait_estimate', method, metric: 'p90_err_min', value: percentile(errors, 90), unit: 'min' });
    rows.push({ case: 'wait_estimate', method, metric: 'bias_min', value: mean(scored.map((r) => r[key]! - r.actual)), unit: 'min' });
  }
  const engineMs = days.flatMap((d) => d.engineMs).sort((a, b) => a - b);
  rows.push({ case: 'wait_estimate', method: 'engine', metric: 'run_ms', value: percentile(engineMs, 50), unit: 'ms' });
  rows.push({ case: 'wait_estimate', method: 'engine', metric: 'run_ms_p99', value: percentile(engineMs, 99), unit: 'ms' });
  const actual = all.map((r) => r.actual).sort((a, b) => a - b);
  rows.push({ case: 'wait_estimate', method: 'simulation', metric: 'tickets', value: all.length, unit: 'count' });
  rows.push({ case: 'wait_estimate', method: 'simulation', metric: 'mean_wait_min', value: mean(actual), unit: 'min' });
  rows.push({ case: 'wait_estimate', method: 'simulation', metric: 'p90_wait_min', value: percentile(actual, 90), unit: 'min' });

  const waitingSizes = days.flatMap((d) => d.waitingAtEstimate);
  const nulls = METHODS.map(({ method, key }) => `${method} ${all.filter((r) => r[key] === null).length}`).join(', ');
  return {
    rows,
    notes: [
      `${SEEDS.length} simulated days (seeds ${SEEDS.join(', ')}), ${all.length} tickets, ${days[0]!.officers} officers with staggered lunches, a late starter and an early leaver; errors pooled over the ${scored.length} tickets every method estimated`,
      `no estimate (no counter open for the queue at arrival): ${nulls}`,
      `ratio aht_rule/engine: mae ${fmt(mae.aht_rule! / mae.engine!)}x; engine_roster also knows the day's shifts; aht_rule_global is the rule with office-wide AHT and all officers as counters`,
      `run_ms: p50 (and p99) over the estimates of one estimateWait call with the office's waiting tickets (mean ${fmt(mean(waitingSizes))}, max ${Math.max(...waitingSizes)}), best of 3 back-to-back calls each`,
      `whole wait-estimate bench ${fmt((performance.now() - started) / 1000)} s`,
    ],
  };
}

export async function run(): Promise<BenchReport> {
  const waitEstimate = await runWaitEstimateBench();
  const commit = await runCommitBench();
  const http = await runHttpBench();
  return { rows: [...http.rows, ...commit.rows, ...waitEstimate.rows], notes: [...http.notes, ...commit.notes, ...waitEstimate.notes] };
}
