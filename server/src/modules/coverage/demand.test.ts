// The demand points from data/: every tätort and a rest point per municipality, summing to the
// national 2025 population, and each municipality to its own total.
import { describe, expect, it } from 'vitest';
import { readLocalities, readMunicipalities } from '../../db/seed/reference-data.ts';
import { buildDemand, loadDemand } from './demand.ts';

describe('coverage demand', () => {
  const demand = loadDemand();
  const municipalities = readMunicipalities();

  it('sums to the national 2025 population, and per municipality to its total', () => {
    const national = municipalities.reduce((s, m) => s + m.population, 0);
    expect(national).toBe(10_605_520);
    expect(demand.reduce((s, d) => s + d.population, 0)).toBe(national);
    for (const m of municipalities) {
      const sum = demand.filter((d) => d.kommunkod === m.kommunkod).reduce((s, d) => s + d.population, 0);
      expect(sum, m.name).toBe(m.population);
    }
  });

  it('has every tätort and a rest point where people live outside them', () => {
    expect(demand.filter((d) => d.kind === 'locality')).toHaveLength(readLocalities().length);
    expect(demand.filter((d) => d.kind === 'locality')).toHaveLength(2017);
    const rest = demand.filter((d) => d.kind === 'rest');
    // Solna has no tätort of its own: all of it sits at its seat.
    expect(rest.find((d) => d.kommunkod === '0184')).toMatchObject({ population: municipalities.find((m) => m.kommunkod === '0184')!.population });
    // Stockholm's tätort spans its neighbours: no rest, the tätort scaled to the municipality.
    expect(rest.find((d) => d.kommunkod === '0180')).toBeUndefined();
    expect(rest.every((d) => d.population > 0)).toBe(true);
  });

  it('places the rest at the seat and scales tätorter only where they exceed the total', () => {
    const muni = [
      { kommunkod: '9901', name: 'A', countyCode: '99', population: 1000, lat: 60, lon: 15, seatName: 'A' },
      { kommunkod: '9902', name: 'B', countyCode: '99', population: 100, lat: 61, lon: 16, seatName: 'B' },
    ];
    const loc = (code: string, kommunkod: string, population: number) => ({ tatortskod: code, name: code, kommunkod, population, lat: 60, lon: 15 });
    const d = buildDemand(muni, [loc('a1', '9901', 600), loc('b1', '9902', 100), loc('b2', '9902', 50)]);
    expect(d.map((x) => [x.id, x.population])).toEqual([['tatort:a1', 600], ['tatort:b1', 67], ['tatort:b2', 33], ['rest:9901', 400]]);
    expect(d.at(-1)).toMatchObject({ lat: 60, lon: 15, countyCode: '99', kind: 'rest' });
  });
});
