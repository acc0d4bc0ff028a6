// Shared benchmark plumbing: timing, percentiles, the printed table and the results JSON in the
// format of ../shared/BENCH.md. A method and its baseline are measured in the same run.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface BenchRow {
  case: string;
  method: string;
  metric: string;
  value: number;
  unit: string;
}

export interface BenchReport {
  rows: BenchRow[];
  /** Lines printed under the table: notes, skipped figures and why. */
  notes: string[];
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

/** Runs fn `runs` times after `warmup` runs and returns the sorted durations in milliseconds. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const round = (v: number) => (Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000);

export function printReport(name: string, report: BenchReport): void {
  const header = ['case', 'method', 'metric', 'value', 'unit'];
  const body = report.rows.map((r) => [r.case, r.method, r.metric, String(round(r.value)), r.unit]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\nbench ${name}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
  for (const n of report.notes) console.log(`note: ${n}`);
}

export function writeReport(name: string, report: BenchReport): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout: keep "unknown"
  }
  const out = {
    bench: name,
    commit,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    rows: report.rows.map((r) => ({ ...r, value: round(r.value) })),
    notes: report.notes,
  };
  mkdirSync('bench/results', { recursive: true });
  const path = `bench/results/${name}.json`;
  writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
  return path;
}
