// Adding or changing one mobile team visit (office manager of the hub office): team, stop and date when
// adding; hours, capacity and the services the team brings either way. Errors in a GOV.UK error summary
// and at each input, from the form's own checks and from the API's field and reason.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateMobileVisitInput, MobilePlanning, MobileVisit, UpdateMobileVisitInput } from '../../../../contracts/booking.ts';
import { api, ApiError } from '../../lib/api.ts';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { errorsFromChecks, NO_ERRORS, resolveFieldId, translateApiError, type FormErrors } from '../admin/form-errors.ts';
import { CheckboxGroup, SelectField, TextField } from '../admin/form-fields.tsx';
import { apiReason } from '../visits/api-reason.ts';

const F = {
  teamId: 'visit-team',
  stopOfficeId: 'visit-stop',
  date: 'visit-date',
  opens: 'visit-opens',
  closes: 'visit-closes',
  capacity: 'visit-capacity',
  serviceIds: 'visit-services',
} as const;

interface Draft {
  teamId: string;
  stopOfficeId: string;
  date: string;
  opens: string;
  closes: string;
  capacity: string;
  serviceIds: string[];
}

interface Props {
  officeId: string;
  planning: MobilePlanning;
  /** The visit to change; null to add one. */
  visit: MobileVisit | null;
  onSaved: (saved: MobileVisit) => void;
  onCancel: () => void;
}

/** A message for a refused save in the staff member's language: by the API's reason, else the admin pages' translations. */
export function planningErrorMessage(err: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (!(err instanceof ApiError)) return t('loadError');
  const reason = apiReason(err);
  const count = (err.details as { count?: number } | undefined)?.count ?? 0;
  if (reason && t(`planning.errors.${reason}`, { count, defaultValue: '' })) return t(`planning.errors.${reason}`, { count });
  return translateApiError(err);
}

export function MobileVisitForm({ officeId, planning, visit, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const [draft, setDraft] = useState<Draft>(() => ({
    teamId: visit?.teamId ?? (planning.teams.length === 1 ? planning.teams[0]!.id : ''),
    stopOfficeId: visit?.stopOfficeId ?? '',
    date: visit?.date ?? '',
    opens: visit?.opens ?? '10:00',
    closes: visit?.closes ?? '14:00',
    capacity: String(visit?.capacity ?? 2),
    serviceIds: visit?.serviceIds ?? [],
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const stop = planning.stops.find((s) => s.id === draft.stopOfficeId);
  // The form opens below the list: take focus there, so keyboard and screen reader users land in it.
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  function check(): Array<[string, string]> {
    const checks: Array<[string, string]> = [];
    if (!visit) {
      if (!draft.teamId) checks.push([F.teamId, t('planning.check.team')]);
      if (!draft.stopOfficeId) checks.push([F.stopOfficeId, t('planning.check.stop')]);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) checks.push([F.date, t('planning.check.date')]);
    }
    const time = /^([01]\d|2[0-3]):[0-5]\d$/;
    if (!time.test(draft.opens)) checks.push([F.opens, t('planning.check.time')]);
    if (!time.test(draft.closes)) checks.push([F.closes, t('planning.check.time')]);
    else if (time.test(draft.opens) && draft.closes <= draft.opens) checks.push([F.closes, t('planning.errors.closes_before_opens')]);
    const capacity = Number(draft.capacity);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 20) checks.push([F.capacity, t('planning.check.capacity')]);
    if (draft.stopOfficeId && draft.serviceIds.length === 0) checks.push([F.serviceIds, t('planning.check.services')]);
    return checks;
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = errorsFromChecks(check());
    setErrors(found);
    if (found.list.length > 0) return;
    setBusy(true);
    const common = { opens: draft.opens, closes: draft.closes, capacity: Number(draft.capacity), serviceIds: draft.serviceIds };
    try {
      const enc = encodeURIComponent(officeId);
      const saved = visit
        ? await api.patch<MobileVisit>(`/offices/${enc}/mobile-visits/${encodeURIComponent(visit.id)}`, common satisfies UpdateMobileVisitInput)
        : await api.post<MobileVisit>(`/offices/${enc}/mobile-visits`, {
            teamId: draft.teamId, stopOfficeId: draft.stopOfficeId, date: draft.date, ...common,
          } satisfies CreateMobileVisitInput);
      onSaved(saved);
    } catch (err) {
      // An error without an input of its own is still listed in the summary, without a link.
      const target = err instanceof ApiError ? resolveFieldId(err.field, F) : null;
      const message = planningErrorMessage(err, t);
      setErrors(target ? errorsFromChecks([[target, message]]) : { kind: 'input', list: [{ targetId: null, message }], byId: {} });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="admin-form" aria-labelledby="visit-form-title">
      <h2 id="visit-form-title" tabIndex={-1} ref={titleRef}>{visit ? t('planning.editTitle', { stop: visit.stopName, date: visit.date }) : t('planning.addTitle')}</h2>
      <ErrorSummary errors={errors} />
      {visit ? (
        <p>{t('planning.fixed', { team: visit.teamName, stop: visit.stopName, date: visit.date })}</p>
      ) : (
        <>
          <SelectField id={F.teamId} label={t('planning.team')} value={draft.teamId} onChange={(teamId) => update({ teamId })} errors={errors}>
            <option value="">{t('planning.chooseTeam')}</option>
            {planning.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={F.stopOfficeId}
            label={t('planning.stop')}
            value={draft.stopOfficeId}
            onChange={(stopOfficeId) =>
              update({ stopOfficeId, serviceIds: (planning.stops.find((s) => s.id === stopOfficeId)?.services ?? []).map((s) => s.id) })
            }
            errors={errors}
          >
            <option value="">{t('planning.chooseStop')}</option>
            {planning.stops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <TextField id={F.date} label={t('planning.date')} type="date" width="medium" value={draft.date} onChange={(date) => update({ date })} errors={errors} />
        </>
      )}
      <div className="admin-grid-2">
        <TextField id={F.opens} label={t('planning.opens')} type="time" width="short" value={draft.opens} onChange={(opens) => update({ opens })} errors={errors} />
        <TextField id={F.closes} label={t('planning.closes')} type="time" width="short" value={draft.closes} onChange={(closes) => update({ closes })} errors={errors} />
      </div>
      <TextField
        id={F.capacity}
        label={t('planning.capacity')}
        hint={t('planning.capacityHint')}
        type="number"
        inputMode="numeric"
        width="short"
        value={draft.capacity}
        onChange={(capacity) => update({ capacity })}
        errors={errors}
      />
      {stop && (
        <CheckboxGroup
          id={F.serviceIds}
          legend={t('planning.services')}
          hint={t('planning.servicesHint')}
          options={stop.services.map((s) => ({ value: s.id, label: lang === 'en' ? s.nameEn : s.nameSv }))}
          selected={draft.serviceIds}
          onChange={(serviceIds) => update({ serviceIds })}
          errors={errors}
        />
      )}
      <p className="admin-actions">
        <button type="submit" className="admin-button" disabled={busy}>
          {visit ? t('planning.saveChange') : t('planning.add')}
        </button>{' '}
        <button type="button" className="admin-button admin-button-secondary" onClick={onCancel}>
          {t('planning.close')}
        </button>
      </p>
    </form>
  );
}
