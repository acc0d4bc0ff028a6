// Coverage planning (issue 6, docs/coverage.md): who reaches an office offering a service in how many
// minutes, what closing offices does, and where new sites help most. Shared by server (validation,
// OpenAPI) and web (types).
import { Type, type Static } from 'typebox';
import { Id, OfficeTier } from './registry.ts';

export const Objective = Type.Union([Type.Literal('pmedian'), Type.Literal('maxcover')], {
  description: '`pmedian`: least population-weighted travel time; `maxcover`: most people within `coverMinutes`',
});
export type Objective = Static<typeof Objective>;

const CountyCode = Type.String({ pattern: '^[0-9]{2}$', description: 'SCB county code, e.g. 07 for Kronoberg' });

/** One scenario: a service's network, optionally with closures and added sites. Every field is optional. */
export const CoverageQuery = Type.Object(
  {
    service: Type.Optional(Id),
    close: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true, description: 'Offices to close (repeat the parameter)' })),
    add: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, description: 'Number of new sites to place' })),
    objective: Type.Optional(Objective),
    coverMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 180, description: 'Covering time of `maxcover` (default 30)' })),
    candidates: Type.Optional(Type.Union([Type.Literal('localities'), Type.Literal('list')], {
      description: '`localities`: every tätort (in `county` when given); `list`: the tätorter named in `candidate`',
    })),
    candidate: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{4}T[A-Z0-9]{1,10}$', description: 'SCB tätortskod, e.g. 0780TB145' }), { maxItems: 2100, uniqueItems: true })),
    keepNetwork: Type.Optional(Type.Boolean({ description: 'Keep the existing offices open (default true); false designs `add` sites from scratch' })),
    county: Type.Optional(CountyCode),
    underservedMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 180, description: 'A place is underserved beyond this (default 30)' })),
    underservedLimit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2500, description: 'Longest underserved list (default 100)' })),
  },
  { additionalProperties: false },
);
export type CoverageQuery = Static<typeof CoverageQuery>;

export const EXPORT_TABLES = ['counties', 'municipalities', 'underserved', 'reassignments', 'new-sites'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];
export const ExportQuery = Type.Object(
  {
    ...CoverageQuery.properties,
    table: Type.Union([
      Type.Literal('counties'), Type.Literal('municipalities'), Type.Literal('underserved'), Type.Literal('reassignments'), Type.Literal('new-sites'),
    ], { description: 'Which table of the analysis' }),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

const Minutes = Type.Union([Type.Number(), Type.Null()]);

/** Figures of one area: nation, county or municipality. */
export const AreaRow = Type.Object({
  code: Type.String({ description: '"SE", a county code or a kommunkod' }),
  name: Type.String(),
  countyCode: Type.Union([Type.String(), Type.Null()]),
  population: Type.Integer(),
  /** People within each threshold, in the order of `thresholds`. */
  within: Type.Array(Type.Integer()),
  shareWithin: Type.Array(Type.Number()),
  meanMinutes: Minutes,
  p90Minutes: Minutes,
  /** People who can reach no office offering the service. */
  unreachable: Type.Integer(),
});
export type AreaRow = Static<typeof AreaRow>;

export const UnderservedPlace = Type.Object({
  id: Type.String({ description: '`tatort:<code>` or `rest:<kommunkod>` (the population outside tätorter)' }),
  name: Type.String(),
  kind: Type.Union([Type.Literal('locality'), Type.Literal('rest')]),
  kommunkod: Type.String(),
  municipalityName: Type.String(),
  countyCode: Type.String(),
  population: Type.Integer(),
  minutes: Minutes,
  nearestOfficeId: Type.Union([Type.String(), Type.Null()]),
  nearestOfficeName: Type.Union([Type.String(), Type.Null()]),
});
export type UnderservedPlace = Static<typeof UnderservedPlace>;

export const Figures = Type.Object({
  national: AreaRow,
  counties: Type.Array(AreaRow),
  /** Every municipality, or those of `county` when given. */
  municipalities: Type.Array(AreaRow),
  /** Largest population first; within `county` when given. */
  underserved: Type.Array(UnderservedPlace),
});
export type Figures = Static<typeof Figures>;

export const AnalysisOffice = Type.Object({
  id: Id,
  name: Type.String(),
  tier: OfficeTier,
  isMotesplats: Type.Boolean(),
  kommunkod: Type.String(),
  countyCode: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  closed: Type.Boolean(),
  /** People for whom this is the nearest office offering the service, before and after the scenario. */
  servedBefore: Type.Integer(),
  servedAfter: Type.Integer(),
});
export type AnalysisOffice = Static<typeof AnalysisOffice>;

export const Reassignment = Type.Object({
  fromOfficeId: Id,
  fromOfficeName: Type.String(),
  toOfficeId: Type.Union([Id, Type.Null()]),
  toOfficeName: Type.Union([Type.String(), Type.Null()]),
  people: Type.Integer(),
  /** Added one-way minutes per person of this flow; null when they can reach no office. */
  addedMinutesPerPerson: Minutes,
});
export type Reassignment = Static<typeof Reassignment>;

export const ClosureSummary = Type.Object({
  closed: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  affectedPeople: Type.Integer(),
  addedPersonMinutes: Type.Number(),
  addedMinutesPerAffectedPerson: Type.Number(),
  addedMinutesPerCapita: Type.Number(),
  cutOff: Type.Integer(),
  /** Per threshold, nationally: people within it before and not after. */
  crossings: Type.Array(Type.Object({ minutes: Type.Integer(), lost: Type.Integer(), withinBefore: Type.Integer(), withinAfter: Type.Integer() })),
  reassignments: Type.Array(Reassignment),
});
export type ClosureSummary = Static<typeof ClosureSummary>;

export const NewSite = Type.Object({
  id: Type.String({ description: '`tatort:<code>`' }),
  name: Type.String(),
  kommunkod: Type.String(),
  municipalityName: Type.String(),
  countyCode: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
  /**
   * What the objective loses without this site, the others staying: person-minutes (pmedian) or people
   * no longer within `coverMinutes` (maxcover).
   */
  gain: Type.Number(),
  /** pmedian only: the gain as minutes off the national mean (gain ÷ population). */
  meanMinutesSaved: Minutes,
});
export type NewSite = Static<typeof NewSite>;

export const NewSites = Type.Object({
  objective: Objective,
  coverMinutes: Type.Union([Type.Integer(), Type.Null()]),
  keepNetwork: Type.Boolean(),
  candidateCount: Type.Integer(),
  sites: Type.Array(NewSite),
  /** pmedian: national mean minutes; maxcover: people within `coverMinutes`. Before: the network kept (none when designing from scratch). */
  headlineBefore: Type.Number(),
  headlineAfter: Type.Number(),
});
export type NewSites = Static<typeof NewSites>;

export const CoverageAnalysis = Type.Object({
  service: Type.Union([Type.Object({ id: Id, nameSv: Type.String(), nameEn: Type.String() }), Type.Null()]),
  county: Type.Union([Type.String(), Type.Null()]),
  thresholds: Type.Array(Type.Integer()),
  underservedMinutes: Type.Integer(),
  travelModel: Type.String(),
  /** Offices offering the service (every office without `service`), with the closed ones marked. */
  offices: Type.Array(AnalysisOffice),
  baseline: Figures,
  closure: Type.Union([ClosureSummary, Type.Null()]),
  newSites: Type.Union([NewSites, Type.Null()]),
  /** After closures and added sites: equal to `baseline` when neither is asked for. */
  result: Figures,
  computeMs: Type.Number(),
});
export type CoverageAnalysis = Static<typeof CoverageAnalysis>;

export const CoverageContext = Type.Object({
  services: Type.Array(Type.Object({ id: Id, nameSv: Type.String(), nameEn: Type.String(), agencyCode: Type.String(), officeCount: Type.Integer() })),
  counties: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  /** The caller's county when their planner grant is scoped to one; the page starts there. */
  defaultCounty: Type.Union([Type.String(), Type.Null()]),
  thresholds: Type.Array(Type.Integer()),
  travelModel: Type.Object({ name: Type.String(), description: Type.String() }),
  sources: Type.Object({
    lines: Type.Array(Type.String()),
    population: Type.Integer(),
    populationDate: Type.String(),
    localities: Type.Integer(),
    demandPoints: Type.Integer(),
  }),
});
export type CoverageContext = Static<typeof CoverageContext>;
