// Engine results → the API's rows (contracts/coverage.ts): names of areas and offices, Infinity as null
// (JSON has no Infinity), people as whole numbers, and the county filter applied to the long tables.
import type { AreaFigures, ClosureImpact, CoverageInstance, CoverageResult } from '../../engines/coverage/index.ts';
import type { AreaRow, ClosureSummary, Figures, UnderservedPlace } from '../../../../contracts/coverage.ts';
import { readCounties, readMunicipalities } from '../../db/seed/reference-data.ts';

const finite = (n: number | null) => (n === null || !Number.isFinite(n) ? null : n);

let names: { county: Map<string, string>; municipality: Map<string, { name: string; countyCode: string }> } | undefined;
export function areaNames() {
  names ??= {
    county: new Map(readCounties().map((c) => [c.code, c.name])),
    municipality: new Map(readMunicipalities().map((m) => [m.kommunkod, { name: m.name, countyCode: m.countyCode }])),
  };
  return names;
}

function row(code: string, name: string, countyCode: string | null, f: AreaFigures): AreaRow {
  return {
    code, name, countyCode,
    population: Math.round(f.population),
    within: f.within.map(Math.round),
    shareWithin: f.shareWithin,
    meanMinutes: finite(f.meanMinutes),
    p90Minutes: finite(f.p90Minutes),
    unreachable: Math.round(f.unreachable),
  };
}

export function figures(instance: CoverageInstance, result: CoverageResult, county: string | null, underservedLimit: number): Figures {
  const { county: countyName, municipality } = areaNames();
  const counties = [...result.byCounty].map(([code, f]) => row(code, countyName.get(code) ?? code, code, f)).sort((a, b) => a.code.localeCompare(b.code));
  const municipalities = [...result.byMunicipality]
    .filter(([code]) => !county || municipality.get(code)?.countyCode === county)
    .map(([code, f]) => row(code, municipality.get(code)?.name ?? code, municipality.get(code)?.countyCode ?? null, f))
    .sort((a, b) => a.code.localeCompare(b.code));
  const underserved: UnderservedPlace[] = [];
  for (const u of result.underserved) {
    if (underserved.length >= underservedLimit) break;
    const d = instance.demand[u.demandIndex]!;
    if (county && d.countyCode !== county) continue;
    const site = result.assignments[u.demandIndex]!.siteIndex;
    underserved.push({
      id: d.id, name: d.name, kind: d.kind, kommunkod: d.kommunkod, municipalityName: municipality.get(d.kommunkod)?.name ?? d.kommunkod,
      countyCode: d.countyCode, population: Math.round(u.population), minutes: finite(u.minutes),
      nearestOfficeId: site >= 0 ? instance.sites[site]!.id : null, nearestOfficeName: site >= 0 ? instance.sites[site]!.name : null,
    });
  }
  return { national: row('SE', 'Sverige', null, result.national), counties, municipalities, underserved };
}

/** People whose nearest open site is each site index. */
export function servedBySite(result: CoverageResult, instance: CoverageInstance): Map<number, number> {
  const served = new Map<number, number>();
  for (const a of result.assignments) {
    if (a.siteIndex >= 0) served.set(a.siteIndex, (served.get(a.siteIndex) ?? 0) + instance.demand[a.demandIndex]!.population);
  }
  return served;
}

export function closureSummary(instance: CoverageInstance, impact: ClosureImpact): ClosureSummary {
  const site = (j: number) => instance.sites[j]!;
  return {
    closed: impact.closed.map((j) => ({ id: site(j).id, name: site(j).name })),
    affectedPeople: Math.round(impact.affectedPeople),
    addedPersonMinutes: impact.addedPersonMinutes,
    addedMinutesPerAffectedPerson: impact.addedMinutesPerAffectedPerson,
    addedMinutesPerCapita: impact.addedMinutesPerCapita,
    cutOff: Math.round(impact.cutOff),
    crossings: impact.crossings.map((c) => ({ minutes: c.minutes, lost: Math.round(c.lost), withinBefore: Math.round(c.withinBefore), withinAfter: Math.round(c.withinAfter) })),
    reassignments: impact.reassignments.map((r) => ({
      fromOfficeId: site(r.from).id, fromOfficeName: site(r.from).name,
      toOfficeId: r.to >= 0 ? site(r.to).id : null, toOfficeName: r.to >= 0 ? site(r.to).name : null,
      people: Math.round(r.people),
      addedMinutesPerPerson: r.to >= 0 && r.people > 0 ? r.addedPersonMinutes / r.people : null,
    })),
  };
}
