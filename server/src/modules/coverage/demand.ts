// Where people live, as demand points for the coverage engine, from the SCB reference data in data/:
// every tätort (2020 population) plus, per municipality, the rest of its 2025 population at its seat.
//
// SCB assigns a tätort spanning several municipalities to one of them (Stockholm's tätort to 0180,
// "Upplands Väsby och Sollentuna" to 0163), so in four municipalities the tätorter add up to more than
// the municipality's population, while their neighbours (Solna, Sundbyberg, …) have no tätort and get
// their whole population at the seat. There the rest is 0 and the tätorter are scaled down to the
// municipality's total, so nobody is counted twice and the points sum to the national population.
import type { DemandPoint } from '../../engines/coverage/types.ts';
import { readLocalities, readMunicipalities, type LocalityRow, type MunicipalityRow } from '../../db/seed/reference-data.ts';

export const DEMAND_SOURCES = [
  'Tätorter 2020 with population and coordinates: SCB (CC0), data/sweden_localities_tatorter_2020.csv',
  'Municipal population 31 Dec 2025: SCB via Kolada N01951 (CC0), data/sweden_municipalities.csv',
  'Municipal seats (where the rest of the population is placed): GeoNames (CC BY 4.0)',
] as const;

/** Integers proportional to `values` summing exactly to `total` (largest remainder). */
function apportion(values: readonly number[], total: number): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  const exact = values.map((v) => (v * total) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

/** Pure: reference rows in, demand points out (tätorter in file order, then the rest points). */
export function buildDemand(municipalities: readonly MunicipalityRow[], localities: readonly LocalityRow[]): DemandPoint[] {
  const muni = new Map(municipalities.map((m) => [m.kommunkod, m]));
  const byMuni = new Map<string, LocalityRow[]>();
  for (const l of localities) {
    if (!muni.has(l.kommunkod)) throw new Error(`tätort ${l.tatortskod} names unknown municipality ${l.kommunkod}`);
    (byMuni.get(l.kommunkod) ?? byMuni.set(l.kommunkod, []).get(l.kommunkod)!).push(l);
  }
  const population = new Map<string, number>();
  const rest: DemandPoint[] = [];
  for (const m of municipalities) {
    const locs = byMuni.get(m.kommunkod) ?? [];
    const sum = locs.reduce((s, l) => s + l.population, 0);
    const scaled = sum > m.population ? apportion(locs.map((l) => l.population), m.population) : locs.map((l) => l.population);
    locs.forEach((l, i) => population.set(l.tatortskod, scaled[i]!));
    const remaining = Math.max(0, m.population - sum);
    if (remaining > 0) {
      rest.push({
        id: `rest:${m.kommunkod}`, name: `${m.name} (utanför tätort)`, kind: 'rest', kommunkod: m.kommunkod,
        countyCode: m.countyCode, population: remaining, lat: m.lat, lon: m.lon,
      });
    }
  }
  const towns = localities.map((l): DemandPoint => ({
    id: `tatort:${l.tatortskod}`, name: l.name, kind: 'locality', kommunkod: l.kommunkod,
    countyCode: muni.get(l.kommunkod)!.countyCode, population: population.get(l.tatortskod)!, lat: l.lat, lon: l.lon,
  }));
  return [...towns, ...rest];
}

/** The demand points from the CSV files in data/. */
export function loadDemand(): DemandPoint[] {
  return buildDemand(readMunicipalities(), readLocalities());
}
