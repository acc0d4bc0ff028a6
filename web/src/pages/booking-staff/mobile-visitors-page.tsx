// The visitors booked at one mobile team visit, at /kontor/:id/mobilbesok/:visitId (staff of the hub office
// or the stop), for the team to take along.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { MobileVisitVisitors } from '../../../../contracts/booking.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { VisitorCell } from './visitor-cell.tsx';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import '../admin/admin.css';

export function MobileVisitorsPage() {
  const { id = '', visitId = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const me = useMe();
  const data = useApiData<MobileVisitVisitors>(
    me.kind === 'in' ? `/offices/${encodeURIComponent(id)}/mobile-visits/${encodeURIComponent(visitId)}/visitors` : null,
  );
  useDocumentTitle(t('mobile.title'));
  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  const visit = data.data?.visit;
  const active = (data.data?.bookings ?? []).filter((b) => b.status !== 'cancelled');
  return (
    <div className="page admin" {...(i18n.language === 'en' ? {} : swedishTextProps(i18n.language))}>
      <h1>{visit ? t('mobile.heading', { stop: visit.stopName, date: visit.date }) : t('mobile.title')}</h1>
      <p>
        <Link to={`/kontor/${encodeURIComponent(id)}/bokningar${visit ? `?date=${visit.date}` : ''}`}>{t('toBookings')}</Link>
      </p>
      {data.error && <p role="alert">{t('loadError')}</p>}
      {!data.data && !data.error && <p role="status">{t('loading')}</p>}
      {visit && (
        <p>
          {t('mobile.visit', { team: visit.teamName, opens: visit.opens, closes: visit.closes, capacity: visit.capacity })}
        </p>
      )}
      {data.data && active.length === 0 && <p>{t('none')}</p>}
      {active.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('table.time')}</th>
                <th scope="col">{t('table.visitor')}</th>
                <th scope="col">{t('table.service')}</th>
                <th scope="col">{t('table.contact')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {active.map((b) => (
                <tr key={b.code}>
                  <td>{b.time}</td>
                  <VisitorCell booking={b} />
                  <td>{lang === 'en' ? b.serviceNameEn : b.serviceNameSv}</td>
                  <td>{[b.phoneMasked, b.emailMasked].filter(Boolean).join(', ')}</td>
                  <td>{t(`status.${b.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
