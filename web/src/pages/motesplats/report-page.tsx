// The lead-time report at /kontor/:id/motesplats/ledtid (staff; Swedish and English): per day at the
// office, how long households took from registration to their last step and how long they spent in the
// building, beside the 3–4 weeks the same contacts take without Mötesplats (issue 5, point 6).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import type { LeadTimeReport } from '../../../../contracts/motesplats.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import { formatDuration } from './mp-format.ts';
import { boardPage } from './mp-paths.ts';
import { isIsoDate, stockholmNow } from './mp-time.ts';
import '../admin/admin.css';
import './motesplats.css';

/** 30 days back from `to`, the default span. */
function monthBefore(to: string): string {
  const d = new Date(`${to}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
}

export function ReportPage() {
  const { id = '' } = useParams();
  const { pathname, search } = useLocation();
  const { t, i18n } = useTranslation('motesplats');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const to = isIsoDate(params.get('till')) ? (params.get('till') as string) : stockholmNow().date;
  const from = isIsoDate(params.get('fran')) ? (params.get('fran') as string) : monthBefore(to);
  const [draft, setDraft] = useState({ from, to });
  const query = new URLSearchParams({ officeId: id, from, to }).toString();
  const report = useApiData<LeadTimeReport>(me.kind === 'in' ? `/motesplats/report?${query}` : null);
  useDocumentTitle(t('report.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  const lang = i18n.language;
  const minutes = (v: number | null) => (v === null ? '–' : formatDuration(v, lang));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isIsoDate(draft.from) && isIsoDate(draft.to)) setParams({ fran: draft.from, till: draft.to });
  };
  const r = report.data;
  return (
    <div className="page mp-board" {...(lang === 'en' ? {} : swedishTextProps(lang))}>
      <h1>{t('report.title')}</h1>
      <p>
        <Link to={boardPage(id)}>{t('report.back')}</Link>
      </p>
      <form className="mp-day-picker" onSubmit={submit}>
        <label htmlFor="mp-report-from">{t('report.from')}</label>
        <input id="mp-report-from" type="date" className="admin-input admin-input-short" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <label htmlFor="mp-report-to">{t('report.to')}</label>
        <input id="mp-report-to" type="date" className="admin-input admin-input-short" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="mp-button mp-button-secondary">
          {t('report.show')}
        </button>
      </form>
      {report.error && <p role="alert">{t('board.loadError')}</p>}
      {!r && !report.error && <p role="status">{t('loading')}</p>}
      {r && (
        <>
          <p className="mp-stale">{t('report.baseline', { min: r.baseline.minDays, max: r.baseline.maxDays })}</p>
          <div className="mp-table-wrap" role="region" aria-labelledby="mp-report-caption" tabIndex={0}>
            <table className="mp-table">
              <caption id="mp-report-caption">{t('report.caption', { from: r.from, to: r.to })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.day')}</th>
                  <th scope="col">{t('report.households')}</th>
                  <th scope="col">{t('report.persons')}</th>
                  <th scope="col">{t('report.completed')}</th>
                  <th scope="col">{t('report.leadTime')}</th>
                  <th scope="col">{t('report.inBuilding')}</th>
                </tr>
              </thead>
              <tbody>
                {[...r.days.map((d) => ({ key: d.date, label: d.date, f: d })), { key: 'total', label: t('report.total'), f: r.total }].map(({ key, label, f }) => (
                  <tr key={key}>
                    <th scope="row">{label}</th>
                    <td>{f.households}</td>
                    <td>{f.persons}</td>
                    <td>{f.completedHouseholds}</td>
                    <td>{t('report.medianMean', { median: minutes(f.leadTimeMedianMin), mean: minutes(f.leadTimeMeanMin) })}</td>
                    <td>{t('report.medianMean', { median: minutes(f.inBuildingMedianMin), mean: minutes(f.inBuildingMeanMin) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="admin-hint">{t('report.explain')}</p>
        </>
      )}
    </div>
  );
}
