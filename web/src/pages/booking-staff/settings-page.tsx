// Booking settings at /kontor/:id/bokningsinstallningar: per service (bookable, walk-in share, buffers,
// notice, horizon, step) and officers per agency and weekday. Office managers edit; service officers read.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { BookingSettings, StaffingRow } from '../../../../contracts/booking.ts';
import type { Agency, Office } from '../../../../contracts/registry.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import { SettingsRow } from './settings-row.tsx';
import { StaffingTable } from './staffing-table.tsx';
import { isOfficeManager } from './staff-access.ts';
import '../admin/admin.css';

const COLUMNS = ['bookable', 'walkInShare', 'bufferBeforeMin', 'bufferAfterMin', 'minNoticeMin', 'horizonDays', 'stepMin'] as const;

export function BookingSettingsPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('bookingStaff');
  const me = useMe();
  const enc = encodeURIComponent(id);
  const signedIn = me.kind === 'in';
  const office = useApiData<Office>(signedIn ? `/offices/${enc}` : null);
  const settings = useApiData<BookingSettings[]>(signedIn ? `/offices/${enc}/booking-settings` : null);
  const staffing = useApiData<StaffingRow[]>(signedIn ? `/offices/${enc}/staffing` : null);
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  useDocumentTitle(t('settings.title'));
  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  const canEdit = me.kind === 'in' && isOfficeManager(me.me, id);
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);
  const failed = settings.error ?? staffing.error;

  return (
    <div className="page admin" {...langProps}>
      <h1>
        {t('settings.title')}
        {office.data && <span> – {office.data.name}</span>}
      </h1>
      <p>
        <Link to={`/kontor/${enc}/bokningar`}>{t('toBookings')}</Link>
      </p>
      {!canEdit && me.kind === 'in' && <p>{t('settings.readOnly')}</p>}
      {failed && <p role="alert">{t('loadError')}</p>}
      {(!settings.data || !staffing.data || !agencies.data) && !failed && <p role="status">{t('loading')}</p>}
      {settings.data && (
        <section className="admin-section">
          <h2>{t('settings.servicesTitle')}</h2>
          <p className="admin-hint">{t('settings.hint')}</p>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.service')}</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c} id={`settings-${c}`}>
                      {t(`settings.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {settings.data.map((s) => (
                  <SettingsRow key={s.serviceId} officeId={id} settings={s} canEdit={canEdit} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {staffing.data && agencies.data && (
        <section className="admin-section">
          <h2>{t('staffing.title')}</h2>
          <p className="admin-hint">{t('staffing.hint')}</p>
          <StaffingTable officeId={id} rows={staffing.data} agencies={agencies.data} canEdit={canEdit} />
        </section>
      )}
    </div>
  );
}
