// The tables beside the map, and its text alternative: figures per area (after the scenario, with the
// figure before it where the scenario changed something), the offices with their closure toggles,
// underserved places, reassignments and new sites. Each has its CSV export.
import { useTranslation } from 'react-i18next';
import type { AnalysisOffice, AreaRow, ClosureSummary, ExportTable, NewSites, UnderservedPlace } from '../../../../contracts/coverage.ts';
import type { Formatters } from './coverage-model.ts';

export function ExportLink({ table, query }: { table: ExportTable; query: URLSearchParams }) {
  const { t } = useTranslation('coverage');
  const q = new URLSearchParams(query);
  q.set('table', table);
  return (
    <a className="button secondary export-link" href={`/api/v1/coverage/export?${q}`} download={`tackning-${table}.csv`}>
      {t('export', { table: t(`tables.${table}`) })}
    </a>
  );
}

/** A figure after the scenario, and before it (muted) when it differs. */
function Change({ after, before, format }: { after: number | null; before: number | null | undefined; format: (n: number) => string }) {
  const { t } = useTranslation('coverage');
  const text = (n: number | null) => (n === null ? '–' : format(n));
  return (
    <>
      {text(after)}
      {before !== undefined && before !== after && <span className="before">{t('before', { value: text(before) })}</span>}
    </>
  );
}

interface AreaProps {
  id: string;
  caption: string;
  rows: AreaRow[];
  before: AreaRow[] | null;
  thresholds: number[];
  fmt: Formatters;
}

export function AreaTable({ id, caption, rows, before, thresholds, fmt }: AreaProps) {
  const { t } = useTranslation('coverage');
  const old = new Map(before?.map((r) => [r.code, r]));
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="coverage-table" data-table={id}>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cols.area')}</th>
            <th scope="col" className="num">{t('cols.population')}</th>
            <th scope="col" className="num">{t('cols.mean')}</th>
            {thresholds.map((m) => <th key={m} scope="col" className="num">{t('cols.within', { minutes: m })}</th>)}
            <th scope="col" className="num">{t('cols.p90')}</th>
            <th scope="col" className="num">{t('cols.unreachable')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const b = before ? old.get(r.code) : undefined;
            return (
              <tr key={r.code} data-code={r.code}>
                <th scope="row">{r.name}</th>
                <td className="num">{fmt.people(r.population)}</td>
                <td className="num" data-figure="mean"><Change after={r.meanMinutes} before={b?.meanMinutes} format={fmt.minutes} /></td>
                {r.shareWithin.map((s, k) => (
                  <td key={k} className="num"><Change after={s} before={b?.shareWithin[k]} format={fmt.share} /></td>
                ))}
                <td className="num"><Change after={r.p90Minutes} before={b?.p90Minutes} format={fmt.minutes} /></td>
                <td className="num"><Change after={r.unreachable} before={b?.unreachable} format={fmt.people} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function OfficeTable({ caption, offices, fmt, onToggle }: { caption: string; offices: AnalysisOffice[]; fmt: Formatters; onToggle: (id: string) => void }) {
  const { t } = useTranslation(['coverage', 'common']);
  return (
    <div className="table-scroll" role="region" aria-labelledby="cov-offices" tabIndex={0}>
      <table className="coverage-table">
        <caption id="cov-offices">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cols.office')}</th>
            <th scope="col">{t('cols.tier')}</th>
            <th scope="col" className="num">{t('cols.served')}</th>
            <th scope="col">{t('cols.simulate')}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((o) => (
            <tr key={o.id} className={o.closed ? 'closed' : undefined}>
              <th scope="row">{o.name}</th>
              <td>{t(`common:tier.${o.tier}`)}</td>
              <td className="num"><Change after={o.servedAfter} before={o.servedBefore} format={fmt.people} /></td>
              <td>
                <label className="toggle">
                  <input type="checkbox" checked={o.closed} onChange={() => onToggle(o.id)} />
                  {t('offices.close')}
                  <span className="visually-hidden"> {o.name}</span>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function UnderservedTable({ places, minutes, fmt }: { places: UnderservedPlace[]; minutes: number; fmt: Formatters }) {
  const { t } = useTranslation('coverage');
  return (
    <div className="table-scroll" role="region" aria-labelledby="cov-underserved" tabIndex={0}>
      <table className="coverage-table">
        <caption id="cov-underserved">{t('tables.underservedCaption', { minutes })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cols.place')}</th>
            <th scope="col">{t('cols.municipality')}</th>
            <th scope="col" className="num">{t('cols.population')}</th>
            <th scope="col" className="num">{t('cols.minutes')}</th>
            <th scope="col">{t('cols.nearest')}</th>
          </tr>
        </thead>
        <tbody>
          {places.length === 0 && <tr><td colSpan={5}>{t('tables.noneUnderserved')}</td></tr>}
          {places.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.kind === 'rest' ? t('restOf', { name: p.municipalityName }) : p.name}</th>
              <td>{p.municipalityName}</td>
              <td className="num">{fmt.people(p.population)}</td>
              <td className="num">{p.minutes === null ? t('unreachable') : fmt.minutes(p.minutes)}</td>
              <td>{p.nearestOfficeName ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReassignmentTable({ closure, fmt }: { closure: ClosureSummary; fmt: Formatters }) {
  const { t } = useTranslation('coverage');
  return (
    <div className="table-scroll" role="region" aria-labelledby="cov-reassignments" tabIndex={0}>
      <table className="coverage-table">
        <caption id="cov-reassignments">{t('tables.reassignments')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cols.from')}</th>
            <th scope="col">{t('cols.to')}</th>
            <th scope="col" className="num">{t('cols.people')}</th>
            <th scope="col" className="num">{t('cols.added')}</th>
          </tr>
        </thead>
        <tbody>
          {closure.reassignments.map((r) => (
            <tr key={`${r.fromOfficeId}>${r.toOfficeId}`}>
              <th scope="row">{r.fromOfficeName}</th>
              <td>{r.toOfficeName ?? t('unreachable')}</td>
              <td className="num">{fmt.people(r.people)}</td>
              <td className="num">{fmt.minutes(r.addedMinutesPerPerson)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NewSitesTable({ sites, fmt }: { sites: NewSites; fmt: Formatters }) {
  const { t } = useTranslation('coverage');
  const pmedian = sites.objective === 'pmedian';
  return (
    <div className="table-scroll" role="region" aria-labelledby="cov-sites" tabIndex={0}>
      <table className="coverage-table">
        <caption id="cov-sites">{t('tables.new-sites')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('cols.rank')}</th>
            <th scope="col">{t('cols.place')}</th>
            <th scope="col">{t('cols.municipality')}</th>
            <th scope="col" className="num">{pmedian ? t('cols.gainMinutes') : t('cols.gainPeople', { minutes: sites.coverMinutes })}</th>
          </tr>
        </thead>
        <tbody>
          {sites.sites.map((s, i) => (
            <tr key={s.id}>
              <td className="num">{i + 1}</td>
              <th scope="row">{s.name}</th>
              <td>{s.municipalityName}</td>
              <td className="num">{pmedian ? t('gainMinutes', { minutes: fmt.minutesFine(s.meanMinutesSaved), hours: fmt.people(s.gain / 60) }) : fmt.people(s.gain)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
