// The office create/edit page at /admin/kontor/nytt and /admin/kontor/:id: loads the office and the lists
// the form needs, then hands over to OfficeEditor.
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Agency, Municipality, Office, OfficeSummary, RuleViolation, Service } from '../../../../contracts/registry.ts';
import { byLocalName } from './admin-format.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { LoadStatus } from './load-status.tsx';
import { OfficeEditor } from './office-editor.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

function statusFrom(state: unknown): string {
  return typeof state === 'object' && state !== null && 'status' in state && typeof state.status === 'string' ? state.status : '';
}

export function OfficeForm() {
  const { t, i18n } = useTranslation('admin');
  const { id } = useParams();
  const location = useLocation();
  const office = useLoad<Office>(id ? `/offices/${id}` : null);
  const offices = useLoad<OfficeSummary[]>('/offices');
  const municipalities = useLoad<Municipality[]>('/municipalities');
  const agencies = useLoad<Agency[]>('/agencies');
  const services = useLoad<Service[]>('/services');
  // Reading the rules needs a planner, office manager or admin; without it the form simply shows none.
  const rules = useLoad<RuleViolation[]>(id ? '/registry/rules' : null);
  const title = id ? t('office.editTitle', { name: office.data?.name ?? '' }) : t('office.newTitle');
  usePageTitle(title);

  const loads = [offices, municipalities, agencies, services, ...(id ? [office] : [])];
  const lookups =
    offices.data && municipalities.data && agencies.data && services.data
      ? {
          offices: offices.data,
          municipalities: municipalities.data,
          agencies: [...agencies.data].sort(byLocalName(i18n.language)),
          services: services.data,
        }
      : null;

  return (
    <>
      <p className="admin-back">
        <Link to={ADMIN_PATHS.offices}>{t('office.back')}</Link>
      </p>
      <h1>{title}</h1>
      <LoadStatus loads={loads} />
      {lookups && (!id || office.data) && (
        <OfficeEditor
          key={id ?? 'new'}
          office={office.data}
          lookups={lookups}
          violations={(rules.data ?? []).filter((v) => v.officeId === id)}
          initialStatus={statusFrom(location.state)}
          onSaved={() => {
            office.reload();
            rules.reload();
          }}
        />
      )}
    </>
  );
}
