// The coordinator registers a household for the day (members, identifiers, language, assigned
// municipality and housing, arrival), or corrects one already registered. Checked here first, then by
// the API; errors of both are listed in the summary at the top, each linked to its input.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/motesplats.ts';
import type { Municipality } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { languageName } from '../../lib/locale-format.ts';
import { NO_ERRORS, type FormErrors } from '../admin/form-errors.ts';
import { SelectField, TextField } from '../admin/form-fields.tsx';
import { MunicipalitySelect } from '../admin/municipality-select.tsx';
import { checkHousehold, draftOf, emptyHousehold, emptyMember, fieldId, householdFieldIds, toInput, toPatch, type HouseholdDraft } from './household-draft.ts';
import { MemberFields } from './member-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpFormErrors } from './mp-errors.ts';
import { dayPath, householdPath } from './mp-paths.ts';

/** The seven visitor languages first (the itinerary speaks them), then other common newcomer languages. */
const LANGUAGES = ['ar', 'fa', 'ti', 'so', 'uk', 'sv', 'en', 'ps', 'ku', 'am', 'ru', 'tr', 'fr'];
const MAX_MEMBERS = 15;

interface Props {
  officeId: string;
  date: string;
  defaultKommunkod: string;
  municipalities: Municipality[];
  /** A registered household to correct; without it the form registers a new one. */
  editing?: Household;
  onSaved: (household: Household) => void;
  onCancel?: () => void;
}

export function HouseholdForm({ officeId, date, defaultKommunkod, municipalities, editing, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation('motesplats');
  const prefix = editing ? `mp-edit-${editing.id}` : 'mp-hh';
  const [draft, setDraft] = useState<HouseholdDraft>(() => (editing ? draftOf(editing) : emptyHousehold(defaultKommunkod)));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<HouseholdDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const languages = LANGUAGES.includes(draft.language) ? LANGUAGES : [draft.language, ...LANGUAGES];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkHousehold(prefix, draft, Number(date.slice(0, 4)));
    setErrors(checked);
    if (checked.list.length) return;
    setBusy(true);
    try {
      const saved = editing
        ? await api.patch<Household>(householdPath(officeId, editing.id), toPatch(draft))
        : await api.post<Household>(`${dayPath(officeId, date)}/households`, toInput(draft));
      if (!editing) setDraft(emptyHousehold(defaultKommunkod));
      onSaved(saved);
    } catch (err) {
      setErrors(mpFormErrors(err, householdFieldIds(prefix, draft)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mp-form" onSubmit={(e) => void submit(e)} noValidate aria-label={editing ? t('register.editTitle', { household: editing.reference }) : t('register.title')} data-form={editing ? 'correct' : 'register'}>
      <MpErrorSummary id={`${prefix}-errors`} errors={errors} />
      <div className="mp-form-row">
        <SelectField id={fieldId(prefix, 'language')} label={t('register.language')} value={draft.language} onChange={(language) => set({ language })} errors={errors}>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, lang) ?? code} ({code})
            </option>
          ))}
        </SelectField>
        <TextField id={fieldId(prefix, 'arrival')} type="time" label={t('register.arrival')} value={draft.arrival} onChange={(arrival) => set({ arrival })} errors={errors} width="short" required />
        <TextField id={fieldId(prefix, 'dossier')} label={t('register.dossier')} hint={t('register.dossierHint')} value={draft.dossierNumber} onChange={(dossierNumber) => set({ dossierNumber })} errors={errors} width="medium" />
      </div>
      <MunicipalitySelect id={fieldId(prefix, 'kommun')} label={t('register.municipality')} value={draft.kommunkod} onChange={(kommunkod) => set({ kommunkod })} municipalities={municipalities} errors={errors} />
      <div className="admin-checkbox">
        <input type="checkbox" id={fieldId(prefix, 'housing')} checked={draft.housingAssigned} onChange={(e) => set({ housingAssigned: e.target.checked })} />
        <label htmlFor={fieldId(prefix, 'housing')}>{t('register.housingAssigned')}</label>
      </div>
      {draft.housingAssigned && (
        <TextField id={fieldId(prefix, 'address')} label={t('register.address')} value={draft.address} onChange={(address) => set({ address })} errors={errors} />
      )}
      <div id={fieldId(prefix, 'members')} className="mp-members" tabIndex={-1}>
        {draft.members.map((m, i) => (
          <MemberFields
            key={m.id ?? `new-${i}`}
            prefix={prefix}
            index={i}
            member={m}
            errors={errors}
            onChange={(member) => set({ members: draft.members.map((x, k) => (k === i ? member : x)) })}
            onRemove={draft.members.length > 1 ? () => set({ members: draft.members.filter((_, k) => k !== i) }) : null}
          />
        ))}
      </div>
      <p className="mp-actions">
        {draft.members.length < MAX_MEMBERS && (
          <button type="button" className="mp-button mp-button-secondary" onClick={() => set({ members: [...draft.members, emptyMember()] })}>
            {t('register.addMember')}
          </button>
        )}
        <button type="submit" className="mp-button" disabled={busy}>
          {busy ? t('register.saving') : editing ? t('register.saveChanges') : t('register.submit')}
        </button>
        {onCancel && (
          <button type="button" className="mp-button mp-button-secondary" onClick={onCancel}>
            {t('register.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
