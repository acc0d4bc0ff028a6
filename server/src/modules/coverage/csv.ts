// The analysis' tables as CSV for spreadsheets: RFC 4180 (comma, quotes doubled, CRLF), dot decimals,
// UTF-8 with a byte-order mark so Excel reads å, ä and ö right. Area tables carry the baseline and the
// scenario side by side (`_before`, `_after`) in every export, so a file's columns never depend on the
// scenario; with no closure or new sites the two are equal.
import type { AreaRow, CoverageAnalysis, ExportTable } from '../../../../contracts/coverage.ts';
import { AppError } from '../../lib/errors.ts';

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function areaTable(thresholds: number[], before: AreaRow[], after: AreaRow[]) {
  const phase = (p: string) => [
    ...thresholds.map((t) => `within_${t}_${p}`), ...thresholds.map((t) => `share_${t}_${p}`),
    `mean_minutes_${p}`, `p90_minutes_${p}`, `unreachable_${p}`,
  ];
  const values = (r: AreaRow | undefined): Cell[] => (r
    ? [...r.within, ...r.shareWithin, r.meanMinutes, r.p90Minutes, r.unreachable]
    : Array<Cell>(thresholds.length * 2 + 3).fill(null));
  const afterByCode = new Map(after.map((r) => [r.code, r]));
  return {
    header: ['code', 'name', 'county_code', 'population', ...phase('before'), ...phase('after')],
    rows: before.map((r) => [r.code, r.name, r.countyCode, r.population, ...values(r), ...values(afterByCode.get(r.code))]),
  };
}

export function exportTable(a: CoverageAnalysis, table: ExportTable): string {
  switch (table) {
    case 'counties': {
      const t = areaTable(a.thresholds, [a.baseline.national, ...a.baseline.counties], [a.result.national, ...a.result.counties]);
      return toCsv(t.header, t.rows);
    }
    case 'municipalities': {
      const t = areaTable(a.thresholds, a.baseline.municipalities, a.result.municipalities);
      return toCsv(t.header, t.rows);
    }
    case 'underserved':
      return toCsv(
        ['id', 'name', 'kind', 'kommunkod', 'municipality', 'county_code', 'population', 'minutes', 'nearest_office_id', 'nearest_office'],
        a.result.underserved.map((u) => [u.id, u.name, u.kind, u.kommunkod, u.municipalityName, u.countyCode, u.population, u.minutes, u.nearestOfficeId, u.nearestOfficeName]),
      );
    case 'reassignments':
      if (!a.closure) throw new AppError('validation_failed', 'Reassignments need offices to close: give close', { field: 'close', reason: 'needs_close' });
      return toCsv(
        ['from_office_id', 'from_office', 'to_office_id', 'to_office', 'people', 'added_minutes_per_person'],
        a.closure.reassignments.map((r) => [r.fromOfficeId, r.fromOfficeName, r.toOfficeId, r.toOfficeName, r.people, r.addedMinutesPerPerson]),
      );
    case 'new-sites': {
      if (!a.newSites) throw new AppError('validation_failed', 'New sites need add (how many)', { field: 'add', reason: 'needs_add' });
      const unit = a.newSites.objective === 'pmedian' ? 'person_minutes' : 'people_covered';
      return toCsv(
        ['rank', 'id', 'name', 'kommunkod', 'municipality', 'county_code', 'lat', 'lon', 'gain', 'gain_unit', 'mean_minutes_saved'],
        a.newSites.sites.map((s, i) => [i + 1, s.id, s.name, s.kommunkod, s.municipalityName, s.countyCode, s.lat, s.lon, s.gain, unit, s.meanMinutesSaved]),
      );
    }
  }
}
