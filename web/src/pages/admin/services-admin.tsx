// The service list for staff, grouped by owning agency, with links to edit and to add a service.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Agency, Service } from '../../../../contracts/registry.ts';
import { byLocalName, localName } from './admin-format.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { AdminTable } from './admin-table.tsx';
import { LoadStatus } from './load-status.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

export function ServicesAdmin() {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  usePageTitle(t('services.title'));
  const services = useLoad<Service[]>('/services');
  const agencies = useLoad<Agency[]>('/agencies');
  const agencyName = new Map((agencies.data ?? []).map((a) => [a.id, localName(a, lang)]));

  function performerNames(s: Service): string {
    const names = s.performers.map((p) =>
      p.kind === 'office_staff' ? t('service.officeStaff') : (agencyName.get(p.agencyId) ?? p.agencyId),
    );
    return names.length ? names.join(', ') : '–';
  }

  const groups = [...(agencies.data ?? [])]
    .sort(byLocalName(lang))
    .map((agency) => ({ agency, list: (services.data ?? []).filter((s) => s.agencyId === agency.id).sort(byLocalName(lang)) }))
    .filter((g) => g.list.length > 0);

  const columns = [
    t('services.colName'),
    t('services.colDuration'),
    t('services.colChannels'),
    t('services.colCapabilities'),
    t('services.colPerformers'),
  ];

  return (
    <>
      <div className="admin-heading-row">
        <h1>{t('services.title')}</h1>
        <Link to={ADMIN_PATHS.newService} className="admin-button">
          {t('services.new')}
        </Link>
      </div>
      <p className="admin-hint">{t('services.intro')}</p>
      <LoadStatus loads={[services, agencies]} />
      {groups.map(({ agency, list }) => {
        const headingId = `services-${agency.id}`;
        return (
          <section key={agency.id} aria-labelledby={headingId} className="admin-section">
            <h2 id={headingId}>{localName(agency, lang)}</h2>
            <AdminTable labelledBy={headingId} columns={columns}>
              {list.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={ADMIN_PATHS.service(s.id)}>{localName(s, lang)}</Link>
                  </th>
                  <td>{t('services.minutes', { count: s.durationMin })}</td>
                  <td>{s.channels.map((c) => t(`channel.${c}`)).join(', ')}</td>
                  <td>{s.requiredCapabilities.map((c) => t(`capability.${c}`)).join(', ') || '–'}</td>
                  <td>{performerNames(s)}</td>
                </tr>
              ))}
            </AdminTable>
          </section>
        );
      })}
    </>
  );
}
