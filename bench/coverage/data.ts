// The full-Sweden instance for the coverage bench, without a database: demand from data/ (the module's
// own loader), the demo network's offices from the seed's pure builder, every tätort as a candidate
// site, and great-circle travel minutes between all of them.
import { buildDemoNetwork, readReferenceInput, type DemoOffice } from '../../server/src/db/seed/demo-network.ts';
import { GreatCircleTravel } from '../../server/src/adapters/travel/great-circle.ts';
import { loadDemand } from '../../server/src/modules/coverage/demand.ts';
import type { CoverageInstance, Site } from '../../server/src/engines/coverage/types.ts';

export interface SwedenInstance {
  instance: CoverageInstance;
  offices: DemoOffice[];
  /** Site indices of the demo offices (0..offices-1). */
  officeSites: number[];
  /** Site indices of the 2,017 tätorter (after the offices). */
  localitySites: number[];
  /** County code per site, for reduced instances. */
  siteCounty: string[];
  travel: GreatCircleTravel;
  buildMs: number;
}

export function buildSweden(): SwedenInstance {
  const t0 = performance.now();
  const ref = readReferenceInput();
  const offices = buildDemoNetwork(ref);
  const demand = loadDemand();
  const countyOf = new Map(ref.municipalities.map((m) => [m.kommunkod, m.countyCode]));
  const sites: Site[] = [
    ...offices.map((o) => ({ id: o.id, name: o.name, lat: o.lat, lon: o.lon })),
    ...ref.localities.map((l) => ({ id: `tatort:${l.tatortskod}`, name: l.name, lat: l.lat, lon: l.lon })),
  ];
  const siteCounty = [...offices.map((o) => countyOf.get(o.kommunkod)!), ...ref.localities.map((l) => countyOf.get(l.kommunkod)!)];
  const travel = new GreatCircleTravel();
  const matrix = travel.matrixSync(demand, sites);
  return {
    instance: { demand, sites, matrix },
    offices,
    officeSites: offices.map((_, j) => j),
    localitySites: ref.localities.map((_, k) => offices.length + k),
    siteCounty,
    travel,
    buildMs: performance.now() - t0,
  };
}

/** The instance restricted to some demand points and sites (a county), with its own matrix. */
export function subInstance(inst: CoverageInstance, demandIdx: readonly number[], siteIdx: readonly number[]): CoverageInstance {
  const n = demandIdx.length;
  const minutes = new Float32Array(n * siteIdx.length);
  siteIdx.forEach((j, c) => {
    for (let r = 0; r < n; r++) minutes[c * n + r] = inst.matrix.minutes[j * inst.matrix.demandCount + demandIdx[r]!]!;
  });
  return {
    demand: demandIdx.map((i) => inst.demand[i]!),
    sites: siteIdx.map((j) => inst.sites[j]!),
    matrix: { demandCount: n, siteCount: siteIdx.length, minutes },
  };
}

/** One county: its demand points and its tätorter as candidates. */
export function countyInstance(s: SwedenInstance, countyCode: string): CoverageInstance {
  const demand = s.instance.demand.flatMap((d, i) => (d.countyCode === countyCode ? [i] : []));
  const sites = s.localitySites.filter((j) => s.siteCounty[j] === countyCode);
  return subInstance(s.instance, demand, sites);
}
