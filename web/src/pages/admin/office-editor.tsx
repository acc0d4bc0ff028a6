// The office form itself: holds the draft, checks it, saves it (create or update) and shows every error
// next to its input and in the summary; also deletes an office.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Agency, Municipality, Office, OfficeSummary, RuleViolation, Service } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { ErrorSummary, focusTarget } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, NO_ERRORS, resolveFieldId, type FormErrors } from './form-errors.ts';
import { StatusMessage } from './load-status.tsx';
import { OfficeAddressFields } from './office-address-fields.tsx';
import { OfficeBasicsFields } from './office-basics-fields.tsx';
import { checkOfficeDraft } from './office-checks.ts';
import { buildOfficeInput, draftFromOffice, emptyDraft, type OfficeDraft } from './office-draft.ts';
import { OfficeEquipmentFields } from './office-equipment-fields.tsx';
import { OfficeExceptionsFields } from './office-exceptions-fields.tsx';
import { OfficeHoursFields } from './office-hours-fields.tsx';
import { OfficeServicesFields } from './office-services-fields.tsx';
import { OfficeStaffingFields } from './office-staffing-fields.tsx';

export interface OfficeLookups {
  offices: OfficeSummary[];
  municipalities: Municipality[];
  agencies: Agency[];
  services: Service[];
}

interface Props {
  office: Office | undefined;
  lookups: OfficeLookups;
  /** The office's current rule violations in the saved registry (empty for a new office). */
  violations: RuleViolation[];
  initialStatus: string;
  onSaved: () => void;
}

export function OfficeEditor({ office, lookups, violations, initialStatus, onSaved }: Props) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<OfficeDraft>(() => (office ? draftFromOffice(office) : emptyDraft()));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState(initialStatus);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<OfficeDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const { fieldIds } = buildOfficeInput(draft);
  const section = { draft, update, errors };
  const hubs = lookups.offices.filter((o) => o.id !== office?.id && o.tier !== 'mobile_stop');

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus('');
    const checks = checkOfficeDraft(draft, t, (w) => t(`weekday.${w}`));
    if (checks.length) return setErrors(errorsFromChecks(checks));
    const { input, fieldIds: ids } = buildOfficeInput(draft);
    setBusy(true);
    try {
      if (office) {
        await api.put<Office>(`/offices/${office.id}`, input);
        setErrors(NO_ERRORS);
        setStatus(t('office.saved'));
        onSaved();
      } else {
        const created = await api.post<Office>('/offices', input);
        navigate(ADMIN_PATHS.office(created.id), { state: { status: t('office.created') } });
      }
    } catch (err) {
      setErrors(errorsFromApi(err, ids, t('errors.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!office || !window.confirm(t('office.confirmDelete', { name: office.name }))) return;
    try {
      await api.delete(`/offices/${office.id}`);
      navigate(ADMIN_PATHS.offices, { replace: true });
    } catch (err) {
      setErrors(errorsFromApi(err, {}, t('errors.saveFailed')));
    }
  }

  return (
    <>
      <StatusMessage message={status} />
      <ErrorSummary errors={errors} />
      {violations.length > 0 && (
        <section className="admin-warning-box" aria-labelledby="office-violations-title">
          <h2 id="office-violations-title">{t('office.currentViolations', { count: violations.length })}</h2>
          <ul>
            {violations.map((v, i) => {
              const target = resolveFieldId(v.field, fieldIds);
              return (
                <li key={i}>
                  <strong>{t(`rule.${v.rule}`)}:</strong>{' '}
                  {target ? (
                    <a href={`#${target}`} onClick={(e) => focusTarget(e, target)}>
                      {v.message}
                    </a>
                  ) : (
                    v.message
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <form className="admin-form" onSubmit={save} noValidate>
        <OfficeBasicsFields {...section} hubs={hubs} />
        <OfficeAddressFields {...section} municipalities={lookups.municipalities} />
        <OfficeEquipmentFields {...section} />
        <OfficeHoursFields {...section} />
        <OfficeExceptionsFields {...section} />
        <OfficeStaffingFields {...section} agencies={lookups.agencies} />
        <OfficeServicesFields {...section} agencies={lookups.agencies} services={lookups.services} />
        <div className="admin-actions">
          <button type="submit" className="admin-button" disabled={busy}>
            {busy ? t('common.saving') : office ? t('common.save') : t('office.create')}
          </button>
          {office && (
            <button type="button" className="admin-button admin-button-danger" onClick={() => void remove()}>
              {t('office.delete')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
