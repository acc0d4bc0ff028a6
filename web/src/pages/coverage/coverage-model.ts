// The planner page's state lives in the address (?tjanst=…&stang=…&lan=…&nya=…), so a scenario can be
// bookmarked and shared, and the back button undoes a step. This module turns it into the API query
// and holds the page's number formats and the map's travel-time bands.
import type { Objective } from '../../../../contracts/coverage.ts';

export interface Scenario {
  service: string | null;
  county: string | null;
  closed: string[];
  add: number | null;
  objective: Objective;
  coverMinutes: number;
  keepNetwork: boolean;
}

const int = (v: string | null, min: number, max: number) => {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

export function readScenario(params: URLSearchParams, defaultCounty: string | null): Scenario {
  const county = params.get('lan');
  return {
    service: params.get('tjanst') || null,
    // "alla" is an explicit choice of the whole country, kept apart from "not chosen yet".
    county: county === 'alla' ? null : /^[0-9]{2}$/.test(county ?? '') ? county : defaultCounty,
    closed: (params.get('stang') ?? '').split(',').filter(Boolean),
    add: int(params.get('nya'), 1, 150),
    objective: params.get('mal') === 'maxcover' ? 'maxcover' : 'pmedian',
    coverMinutes: int(params.get('t'), 5, 180) ?? 30,
    keepNetwork: params.get('fran-borjan') !== '1',
  };
}

export function writeScenario(s: Scenario): URLSearchParams {
  const p = new URLSearchParams();
  if (s.service) p.set('tjanst', s.service);
  p.set('lan', s.county ?? 'alla');
  if (s.closed.length) p.set('stang', s.closed.join(','));
  if (s.add) {
    p.set('nya', String(s.add));
    p.set('mal', s.objective);
    if (s.objective === 'maxcover') p.set('t', String(s.coverMinutes));
    if (!s.keepNetwork) p.set('fran-borjan', '1');
  }
  return p;
}

/** The API query of a scenario (GET /coverage and /coverage/export). */
export function apiQuery(s: Scenario): URLSearchParams {
  const q = new URLSearchParams();
  if (s.service) q.set('service', s.service);
  if (s.county) q.set('county', s.county);
  if (s.keepNetwork) for (const id of s.closed) q.append('close', id);
  if (s.add) {
    q.set('add', String(s.add));
    q.set('objective', s.objective);
    if (s.objective === 'maxcover') q.set('coverMinutes', String(s.coverMinutes));
    if (!s.keepNetwork) q.set('keepNetwork', 'false');
  }
  return q;
}

/** Map shading: population-weighted mean minutes in bands, from near (light) to far (dark). */
export const BANDS = [
  { max: 15, colour: '#fff3c4' },
  { max: 30, colour: '#fdc67a' },
  { max: 45, colour: '#f4864a' },
  { max: 60, colour: '#c8402a' },
  { max: Infinity, colour: '#6e1208' },
] as const;
export const NO_DATA_COLOUR = '#b8c2cc';

export function bandOf(minutes: number | null): number {
  if (minutes === null) return -1;
  return BANDS.findIndex((b) => minutes < b.max);
}

export function formatters(lang: string) {
  const locale = lang === 'en' ? 'en-GB' : 'sv-SE';
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    minutes: (m: number | null) => (m === null ? '–' : one.format(m)),
    /** Small changes of a national mean, where one decimal would round them to zero. */
    minutesFine: (m: number | null) => (m === null ? '–' : two.format(m)),
    people: (n: number) => whole.format(n),
    share: (s: number) => pct.format(s),
  };
}
export type Formatters = ReturnType<typeof formatters>;
