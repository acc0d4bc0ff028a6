// The coordinator sets the day's staffing: the pathway template, the officers at each station and the
// interpreters, with shifts and a lunch break; or copies another day's staffing in one go. Without it a
// new day has nobody to plan with.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayResources, Template } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { SelectField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpFormErrors } from './mp-errors.ts';
import { dayPath } from './mp-paths.ts';
import { isIsoDate } from './mp-time.ts';
import { draftOfResources, emptyRow, resourcesFieldIds, staffFieldId, toResourcesInput, type ResourcesDraft, type StaffRow } from './resources-draft.ts';
import { StaffRowFields } from './staff-row-fields.tsx';

interface Props {
  officeId: string;
  date: string;
  resources: DayResources;
  onSaved: () => void;
}

const HHMM = /^\d{2}:\d{2}$/;

function checkRows(kind: 'officers' | 'interpreters', rows: StaffRow[], t: (key: string, v?: Record<string, unknown>) => string): Array<[string, string]> {
  return rows.flatMap((r, i): Array<[string, string]> => {
    const n = i + 1;
    const out: Array<[string, string]> = [];
    if (!r.name.trim()) out.push([staffFieldId(kind, i, 'name'), t(`resources.check.${kind}Name`, { n })]);
    if (kind === 'interpreters' && !/^[a-z]{2,3}$/.test(r.place)) out.push([staffFieldId(kind, i, 'place'), t('resources.check.language', { n })]);
    if (!HHMM.test(r.start) || !HHMM.test(r.end) || r.end <= r.start) out.push([staffFieldId(kind, i, 'end'), t(`resources.check.${kind}Shift`, { n })]);
    if ((r.breakStart || r.breakEnd) && !(HHMM.test(r.breakStart) && HHMM.test(r.breakEnd) && r.breakStart < r.breakEnd && r.breakStart >= r.start && r.breakEnd <= r.end)) {
      out.push([staffFieldId(kind, i, 'breakStart'), t(`resources.check.${kind}Break`, { n })]);
    }
    return out;
  });
}

export function ResourcesEditor({ officeId, date, resources, onSaved }: Props) {
  const { t } = useTranslation('motesplats');
  const templates = useApiData<Template[]>(`/motesplats/offices/${encodeURIComponent(officeId)}/templates`);
  const firstTemplate = templates.data?.[0]?.id ?? '';
  const [draft, setDraft] = useState<ResourcesDraft>(() => draftOfResources(resources, true, ''));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [copyFrom, setCopyFrom] = useState('');
  const [message, setMessage] = useState('');
  const templateId = draft.templateId || firstTemplate;
  const setRows = (kind: 'officers' | 'interpreters', rows: StaffRow[]) => setDraft((d) => ({ ...d, [kind]: rows }));

  const copy = async () => {
    setMessage('');
    if (!isIsoDate(copyFrom)) return setErrors(errorsFromChecks([['mp-res-copy', t('resources.check.copyDate')]]));
    try {
      const other = await api.get<DayResources>(`${dayPath(officeId, copyFrom)}/resources`);
      if (other.officers.length === 0 && other.interpreters.length === 0) return setErrors(errorsFromChecks([['mp-res-copy', t('resources.check.copyEmpty', { date: copyFrom })]]));
      setDraft(draftOfResources(other, false, templateId));
      setErrors(NO_ERRORS);
      setMessage(t('resources.copied', { date: copyFrom }));
    } catch (err) {
      setErrors(mpFormErrors(err, {}));
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    const checks = [...checkRows('officers', draft.officers, t), ...checkRows('interpreters', draft.interpreters, t)];
    if (!templateId) checks.unshift(['mp-res-template', t('resources.check.template')]);
    setErrors(errorsFromChecks(checks));
    if (checks.length) return;
    try {
      const saved = await api.put<DayResources>(`${dayPath(officeId, date)}/resources`, toResourcesInput({ ...draft, templateId }));
      setDraft(draftOfResources(saved, true, templateId));
      setMessage(t('resources.saved'));
      onSaved();
    } catch (err) {
      setErrors(mpFormErrors(err, resourcesFieldIds(draft)));
    }
  };

  const rows = (kind: 'officers' | 'interpreters', place: string) => (
    <div id={`mp-res-${kind}`} tabIndex={-1}>
      <h3>{t(`resources.${kind}`)}</h3>
      {draft[kind].map((r, i) => (
        <StaffRowFields
          key={r.id ?? `new-${i}`}
          kind={kind}
          index={i}
          row={r}
          errors={errors}
          onChange={(row) => setRows(kind, draft[kind].map((x, k) => (k === i ? row : x)))}
          onRemove={() => setRows(kind, draft[kind].filter((_, k) => k !== i))}
        />
      ))}
      <button type="button" className="mp-button mp-button-secondary" onClick={() => setRows(kind, [...draft[kind], emptyRow(place)])}>
        {t(kind === 'officers' ? 'resources.addOfficer' : 'resources.addInterpreter')}
      </button>
    </div>
  );

  return (
    <form className="mp-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('resources.edit')}>
      <MpErrorSummary id="mp-res-errors" errors={errors} />
      <div className="mp-form-row mp-copy">
        <div className="admin-field">
          <label htmlFor="mp-res-copy">{t('resources.copyFrom')}</label>
          <input id="mp-res-copy" type="date" className="admin-input admin-input-short" value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)} />
        </div>
        <button type="button" className="mp-button mp-button-secondary" onClick={() => void copy()}>
          {t('resources.copy')}
        </button>
      </div>
      <SelectField id="mp-res-template" label={t('resources.template')} value={templateId} onChange={(id) => setDraft((d) => ({ ...d, templateId: id }))} errors={errors}>
        {(templates.data ?? []).map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {tpl.name}
          </option>
        ))}
      </SelectField>
      {rows('officers', 'MV')}
      {rows('interpreters', 'ar')}
      <p className="mp-actions">
        <button type="submit" className="mp-button">
          {t('resources.save')}
        </button>
      </p>
      <p role="status" className="mp-message">
        {message}
      </p>
    </form>
  );
}
