// The office list for staff: filter by county and tier, open an office to edit it, or start a new one.
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OFFICE_TIERS, type County, type OfficeSummary } from '../../../../contracts/registry.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { AdminTable } from './admin-table.tsx';
import { LoadStatus } from './load-status.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

export function OfficesAdmin() {
  const { t } = useTranslation('admin');
  usePageTitle(t('offices.title'));
  const offices = useLoad<OfficeSummary[]>('/offices');
  const counties = useLoad<County[]>('/counties');
  const [params, setParams] = useSearchParams();
  const county = params.get('lan') ?? '';
  const tier = params.get('typ') ?? '';

  function setFilter(name: 'lan' | 'typ', value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  const countyName = new Map((counties.data ?? []).map((c) => [c.code, c.name]));
  const shown = (offices.data ?? [])
    .filter((o) => (!county || o.countyCode === county) && (!tier || o.tier === tier))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <>
      <div className="admin-heading-row">
        <h1>{t('offices.title')}</h1>
        <Link to={ADMIN_PATHS.newOffice} className="admin-button">
          {t('offices.new')}
        </Link>
      </div>
      <div className="admin-filters" role="group" aria-labelledby="offices-filter-title">
        <h2 id="offices-filter-title" className="admin-vh">
          {t('offices.filterTitle')}
        </h2>
        <div className="admin-field">
          <label htmlFor="offices-county">{t('offices.filterCounty')}</label>
          <select
            id="offices-county"
            className="admin-input"
            value={county}
            onChange={(e) => setFilter('lan', e.target.value)}
          >
            <option value="">{t('offices.allCounties')}</option>
            {(counties.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="offices-tier">{t('offices.filterTier')}</label>
          <select id="offices-tier" className="admin-input" value={tier} onChange={(e) => setFilter('typ', e.target.value)}>
            <option value="">{t('offices.allTiers')}</option>
            {OFFICE_TIERS.map((x) => (
              <option key={x} value={x}>
                {t(`tier.${x}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <LoadStatus loads={[offices]} />
      {offices.data && (
        <>
          <p role="status" className="admin-muted">
            {t('offices.count', { shown: shown.length, total: offices.data.length })}
          </p>
          <AdminTable
            caption={t('offices.tableCaption')}
            columns={[
              t('offices.colName'),
              t('offices.colTier'),
              t('offices.colMunicipality'),
              t('offices.colCounty'),
              t('offices.colMotesplats'),
            ]}
          >
            {shown.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={ADMIN_PATHS.office(o.id)}>{o.name}</Link>
                </th>
                <td>{t(`tier.${o.tier}`)}</td>
                <td>{o.municipalityName}</td>
                <td>{countyName.get(o.countyCode) ?? o.countyCode}</td>
                <td>{o.isMotesplats ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </AdminTable>
        </>
      )}
    </>
  );
}
