// The service create/edit page at /admin/tjanster/ny and /admin/tjanster/:id: owner agency, names,
// channels, required equipment, and who may perform it on the owner's behalf (tjänstesamverkan).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CAPABILITIES, CHANNELS, type Agency, type Service } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { byLocalName, localName } from './admin-format.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { CheckboxGroup, SelectField, TextField } from './form-fields.tsx';
import { LoadStatus, StatusMessage } from './load-status.tsx';
import {
  buildServiceInput,
  checkServiceDraft,
  draftFromService,
  emptyServiceDraft,
  OFFICE_STAFF,
  SERVICE_FIELD as F,
  type ServiceDraft,
} from './service-draft.ts';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

function ServiceEditor({ service, agencies }: { service: Service | undefined; agencies: Agency[] }) {
  const { t, i18n } = useTranslation('admin');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ServiceDraft>(() => (service ? draftFromService(service) : emptyServiceDraft()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<ServiceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const lang = i18n.language;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const checks = checkServiceDraft(draft, t);
    if (checks.length) return setErrors(errorsFromChecks(checks));
    const { input, fieldIds } = buildServiceInput(draft);
    setBusy(true);
    try {
      if (service) await api.put<Service>(`/services/${service.id}`, input);
      else await api.post<Service>('/services', input);
      setErrors(NO_ERRORS);
      if (service) setStatus(t('service.saved'));
      else navigate(ADMIN_PATHS.services);
    } catch (err) {
      setErrors(errorsFromApi(err, fieldIds, t('errors.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!service || !window.confirm(t('service.confirmDelete', { name: localName(service, lang) }))) return;
    try {
      await api.delete(`/services/${service.id}`);
      navigate(ADMIN_PATHS.services, { replace: true });
    } catch (err) {
      setErrors(errorsFromApi(err, {}, t('errors.saveFailed')));
    }
  }

  const performerOptions = [
    { value: OFFICE_STAFF, label: t('service.officeStaff') },
    ...agencies.filter((a) => a.id !== draft.agencyId).map((a) => ({ value: a.id, label: localName(a, lang) })),
  ];

  return (
    <>
      <StatusMessage message={status} />
      <ErrorSummary errors={errors} />
      <form className="admin-form" onSubmit={save} noValidate>
        <SelectField id={F.agencyId} label={t('service.agency')} value={draft.agencyId} onChange={(agencyId) => update({ agencyId })} errors={errors} required>
          <option value="">{t('common.choose')}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {localName(a, lang)}
            </option>
          ))}
        </SelectField>
        <div className="admin-grid-2">
          <TextField id={F.nameSv} label={t('service.nameSv')} value={draft.nameSv} onChange={(nameSv) => update({ nameSv })} errors={errors} required />
          <TextField id={F.nameEn} label={t('service.nameEn')} value={draft.nameEn} onChange={(nameEn) => update({ nameEn })} errors={errors} required />
          <TextField
            id={F.descriptionSv}
            label={t('service.descriptionSv')}
            multiline
            value={draft.descriptionSv}
            onChange={(descriptionSv) => update({ descriptionSv })}
            errors={errors}
          />
          <TextField
            id={F.descriptionEn}
            label={t('service.descriptionEn')}
            multiline
            value={draft.descriptionEn}
            onChange={(descriptionEn) => update({ descriptionEn })}
            errors={errors}
          />
        </div>
        <TextField
          id={F.durationMin}
          label={t('service.duration')}
          hint={t('service.durationHint')}
          type="number"
          step="5"
          inputMode="numeric"
          width="short"
          value={draft.durationMin}
          onChange={(durationMin) => update({ durationMin })}
          errors={errors}
          required
        />
        <CheckboxGroup
          id={F.channels}
          legend={t('service.channels')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          selected={draft.channels}
          onChange={(channels) => update({ channels })}
          errors={errors}
        />
        <CheckboxGroup
          id={F.requiredCapabilities}
          legend={t('service.requiredCapabilities')}
          hint={t('service.requiredCapabilitiesHint')}
          options={CAPABILITIES.map((c) => ({ value: c, label: t(`capability.${c}`) }))}
          selected={draft.requiredCapabilities}
          onChange={(requiredCapabilities) => update({ requiredCapabilities })}
          errors={errors}
        />
        <CheckboxGroup
          id={F.performers}
          legend={t('service.performers')}
          hint={t('service.performersHint')}
          options={performerOptions}
          selected={draft.performers}
          onChange={(performers) => update({ performers })}
          errors={errors}
        />
        <div className="admin-actions">
          <button type="submit" className="admin-button" disabled={busy}>
            {busy ? t('common.saving') : service ? t('common.save') : t('service.create')}
          </button>
          {service && (
            <button type="button" className="admin-button admin-button-danger" onClick={() => void remove()}>
              {t('service.delete')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

export function ServiceForm() {
  const { t, i18n } = useTranslation('admin');
  const { id } = useParams();
  const service = useLoad<Service>(id ? `/services/${id}` : null);
  const agencies = useLoad<Agency[]>('/agencies');
  const title = id ? t('service.editTitle', { name: service.data ? localName(service.data, i18n.language) : '' }) : t('service.newTitle');
  usePageTitle(title);
  return (
    <>
      <p className="admin-back">
        <Link to={ADMIN_PATHS.services}>{t('service.back')}</Link>
      </p>
      <h1>{title}</h1>
      <LoadStatus loads={id ? [agencies, service] : [agencies]} />
      {agencies.data && (!id || service.data) && (
        <ServiceEditor key={id ?? 'new'} service={service.data} agencies={[...agencies.data].sort(byLocalName(i18n.language))} />
      )}
    </>
  );
}
