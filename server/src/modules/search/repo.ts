// The search index: one row per searchable thing with its folded text. pg_trgm finds candidates in
// the database; lib/text-fold re-ranks them (see docs/decisions/0003-forgiving-search.md).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { together, type Db, type Tx } from '../../db/client.ts';
import * as t from '../../db/schema.ts';
import type { SearchHit, SearchKind } from '../../../../contracts/registry.ts';
import { compareSv, foldText, prepareSearchText, scoreMatch, skeletonText } from '../../lib/text-fold.ts';

type Writer = Db | Tx;
type Entry = typeof t.searchEntries.$inferInsert;

const TIER_SV: Record<string, string> = {
  servicekontor: 'Servicekontor',
  servicecenter: 'Servicecenter',
  servicepunkt: 'Servicepunkt',
  mobile_stop: 'Mobil station',
};

type EntryInput = Omit<Entry, 'folded' | 'skeleton'> & { text: string };

async function insertEntries(db: Writer, inputs: EntryInput[]) {
  const entries: Entry[] = inputs.map(({ text, ...e }) => ({ ...e, folded: foldText(text), skeleton: skeletonText(text) }));
  for (let i = 0; i < entries.length; i += 500) await db.insert(t.searchEntries).values(entries.slice(i, i + 500));
}

/** Rebuilds the entries for agencies, services and offices (a few hundred rows). */
export async function reindexRegistry(db: Writer): Promise<void> {
  // Called inside the registry's write transactions: `together` runs the reads one after another there.
  const [agencies, services, offices] = await together(db,
    () => db.select().from(t.agencies),
    () => db.select({ s: t.services, agency: t.agencies.nameSv }).from(t.services).innerJoin(t.agencies, eq(t.agencies.id, t.services.agencyId)),
    () => db.select({ o: t.offices, kommun: t.municipalities.name }).from(t.offices).innerJoin(t.municipalities, eq(t.municipalities.kommunkod, t.offices.kommunkod)),
  );
  const entries: EntryInput[] = [
    ...agencies.map((a) => ({
      kind: 'agency' as const, refId: a.id, label: a.nameSv, detail: a.nameEn,
      text: `${a.nameSv} ${a.nameEn} ${a.code}`, weight: 1.2, lat: null, lon: null,
    })),
    ...services.map(({ s, agency }) => ({
      kind: 'service' as const, refId: s.id, label: s.nameSv, detail: agency,
      text: `${s.nameSv} ${s.nameEn} ${agency}`, weight: 1, lat: null, lon: null,
    })),
    ...offices.map(({ o, kommun }) => ({
      kind: 'office' as const, refId: o.id, label: o.name, detail: `${TIER_SV[o.tier]}, ${kommun}`,
      text: `${o.name} ${o.city} ${kommun}`, weight: 1.1, lat: o.lat, lon: o.lon,
    })),
  ];
  await db.delete(t.searchEntries).where(inArray(t.searchEntries.kind, ['agency', 'service', 'office']));
  await insertEntries(db, entries);
}

/** Rebuilds the entries for municipalities and localities (reference data; changes only on import). */
export async function reindexGeography(db: Writer): Promise<void> {
  const [municipalities, localities] = await together(db,
    () => db.select({ m: t.municipalities, county: t.counties.name }).from(t.municipalities).innerJoin(t.counties, eq(t.counties.code, t.municipalities.countyCode)),
    () => db.select({ l: t.localities, kommun: t.municipalities.name }).from(t.localities).innerJoin(t.municipalities, eq(t.municipalities.kommunkod, t.localities.kommunkod)),
  );
  // Weight by population so that "Lund" the city outranks a hamlet of the same folded name.
  const popWeight = (pop: number) => 0.8 + Math.min(0.3, Math.log10(Math.max(pop, 10)) / 20);
  const entries: EntryInput[] = [
    ...municipalities.map(({ m, county }) => ({
      kind: 'municipality' as const, refId: m.kommunkod, label: `${m.name} kommun`, detail: county,
      text: `${m.name} kommun`, weight: popWeight(m.population) + 0.05, lat: m.lat, lon: m.lon,
    })),
    ...localities.map(({ l, kommun }) => ({
      kind: 'locality' as const, refId: l.tatortskod, label: l.name, detail: `${kommun} kommun`,
      text: l.name, weight: popWeight(l.population), lat: l.lat, lon: l.lon,
    })),
  ];
  await db.delete(t.searchEntries).where(inArray(t.searchEntries.kind, ['municipality', 'locality']));
  await insertEntries(db, entries);
}

const CANDIDATES = 200;

export async function search(db: Db, query: string, opts: { kinds?: SearchKind[]; limit: number }): Promise<SearchHit[]> {
  const q = foldText(query);
  if (!q) return [];
  const skel = skeletonText(query);
  const kindFilter = opts.kinds?.length ? inArray(t.searchEntries.kind, opts.kinds) : undefined;
  // Candidates: substring matches plus the trigram neighbours of the folded query and of its vowel
  // skeleton (which catches OCR-damaged vowels); TypeScript decides the final order. The `<%` operators
  // use the GIN trigram indexes; the planner would otherwise scan this small table and compute
  // word_similarity twice for every row, which costs more than the index lookups.
  const similarity = sql`greatest(word_similarity(${q}, ${t.searchEntries.folded}), word_similarity(${skel}, ${t.searchEntries.skeleton}))`;
  const like = '%' + q.replace(/[%_\\]/g, '\\$&') + '%';
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local pg_trgm.word_similarity_threshold = 0.3`);
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx
      .select()
      .from(t.searchEntries)
      .where(and(kindFilter, sql`(${t.searchEntries.folded} like ${like} or ${q} <% ${t.searchEntries.folded} or ${skel} <% ${t.searchEntries.skeleton})`))
      .orderBy(sql`${similarity} desc`)
      .limit(CANDIDATES);
  });
  const prepared = prepareSearchText(query);
  return rows
    .map((r) => ({ r, score: Math.max(scoreMatch(prepared, r.label), scoreMatch(prepared, r.folded)) * r.weight }))
    .filter((x) => x.score > 0.35)
    .sort((a, b) => b.score - a.score || compareSv(a.r.label, b.r.label))
    .slice(0, opts.limit)
    .map(({ r, score }) => ({ kind: r.kind, id: r.refId, label: r.label, detail: r.detail, score: Math.round(score * 1000) / 1000, lat: r.lat, lon: r.lon }));
}
