// Officer's desk at /kontor/:id/disk (staff only; Swedish and English): call visitors and handle the visit.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Agency, Office, Service } from '../../../../contracts/registry.ts';
import { ApiError } from '../../lib/api.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { mayReadDay } from './day-model.ts';
import { DeskWorkspace } from './desk-workspace.tsx';
import { useMe } from './use-me.ts';
import './visits.css';

export function DeskPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('visits');
  const me = useMe();
  const office = useApiData<Office>(me.kind === 'in' ? `/offices/${encodeURIComponent(id)}` : null);
  const services = useApiData<Service[]>('/services', { cached: true });
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  useDocumentTitle(office.data ? `${t('desk.title')} – ${office.data.name}` : t('desk.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  // The desk is in Swedish and English; in any other site language its Swedish is marked as such.
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);
  const failed = me.kind === 'error' || office.error || services.error || agencies.error;
  let content;
  if (failed) {
    const missing = office.error instanceof ApiError && office.error.status === 404;
    content = (
      <p role="alert" className="error">
        {missing ? t('desk.officeMissing') : t('desk.loadError')}
      </p>
    );
  } else if (me.kind === 'in' && office.data && services.data && agencies.data) {
    content = <DeskWorkspace me={me.me} office={office.data} services={services.data} agencies={agencies.data} />;
  } else {
    content = <p role="status">{t('desk.loading')}</p>;
  }

  return (
    <div className="page desk visits" {...langProps}>
      <h1>
        {t('desk.title')}
        {office.data && <span className="desk-office">{office.data.name}</span>}
      </h1>
      {me.kind === 'in' && mayReadDay(me.me, id) && (
        <p>
          <Link to={`/kontor/${encodeURIComponent(id)}/dag`}>{t('day.link')}</Link>{' '}
          <Link to={`/kontor/${encodeURIComponent(id)}/bokningar`}>{t('bookingStaff:link')}</Link>
        </p>
      )}
      {content}
    </div>
  );
}
