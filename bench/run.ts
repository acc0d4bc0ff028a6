// `npm run bench -- <name>`: runs one benchmark, prints its table and writes bench/results/<name>.json.
import { printReport, writeReport, type BenchReport } from './harness.ts';

const BENCHES: Record<string, () => Promise<{ run: () => Promise<BenchReport> }>> = {
  dayplan: () => import('./dayplan/dayplan-bench.ts'),
  coverage: () => import('./coverage/coverage-bench.ts'),
  search: () => import('./search/search-bench.ts'),
  slots: () => import('./slots/slots-bench.ts'),
  visits: () => import('./visits/visits-bench.ts'),
};

async function main() {
  const name = process.argv[2];
  if (!name || !(name in BENCHES)) {
    console.error(`Usage: npm run bench -- <name>\nBenchmarks: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const report = await (await BENCHES[name]!()).run();
  printReport(name, report);
  console.log(`\nwrote ${writeReport(name, report)}`);
}

void main();
