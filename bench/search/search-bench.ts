// Registry search: the indexed search (folded column + pg_trgm candidates + re-ranking) against a
// baseline that scores every entry in memory, over the same seeded PGlite database and queries.
import { openPglite } from '../../server/src/db/client.ts';
import { seedIfEmpty } from '../../server/src/db/seed/seed.ts';
import { search } from '../../server/src/modules/search/repo.ts';
import { searchEntries } from '../../server/src/db/schema.ts';
import { compareSv, scoreMatch } from '../../server/src/lib/text-fold.ts';
import { percentile, timeRuns, type BenchReport, type BenchRow } from '../harness.ts';

const QUERIES = ['vaxjo', 'forsakringskassan', 'F6rsakringskassan', 'id-kort', 'Vixjo', 'lessebo', 'pension', 'stockholm', 'Gäteborg', 'arbetsformedlingen'];

export async function run(): Promise<BenchReport> {
  const database = await openPglite(null);
  await seedIfEmpty(database.db);
  const all = await database.db.select().from(searchEntries);
  const baseline = (q: string) =>
    all
      .map((r) => ({ r, score: Math.max(scoreMatch(q, r.label), scoreMatch(q, r.folded)) * r.weight }))
      .filter((x) => x.score > 0.35)
      .sort((a, b) => b.score - a.score || compareSv(a.r.label, b.r.label))
      .slice(0, 20)
      .map((x) => x.r.label);

  const rows: BenchRow[] = [];
  let agree = 0;
  for (const q of QUERIES) {
    const top = (await search(database.db, q, { limit: 20 }))[0]?.label;
    if (top === baseline(q)[0]) agree++;
  }
  const indexed = await timeRuns(async () => { for (const q of QUERIES) await search(database.db, q, { limit: 20 }); }, 20);
  const scan = await timeRuns(() => { for (const q of QUERIES) baseline(q); }, 20);
  const perQuery = (xs: number[]) => xs.map((x) => x / QUERIES.length);
  for (const [method, xs] of [['indexed', perQuery(indexed)], ['full_scan', perQuery(scan)]] as const) {
    rows.push({ case: 'registry_search', method, metric: 'p50_ms', value: percentile(xs, 50), unit: 'ms' });
    rows.push({ case: 'registry_search', method, metric: 'p95_ms', value: percentile(xs, 95), unit: 'ms' });
  }
  rows.push({ case: 'registry_search', method: 'indexed', metric: 'top_hit_same_as_full_scan', value: agree / QUERIES.length, unit: 'share' });
  await database.close();
  return {
    rows,
    notes: [
      `${all.length} search entries; ${QUERIES.length} queries per run, times are per query (PGlite in process)`,
      `ratio full_scan/indexed at p50: ${(percentile(perQuery(scan), 50) / percentile(perQuery(indexed), 50)).toFixed(2)}`,
    ],
  };
}
