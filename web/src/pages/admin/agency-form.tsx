// The inline agency form on the agencies page: code, names, kind, kommunkod (municipalities) and website.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, AgencyInput, AgencyKind, Municipality } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { localName } from './admin-format.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { SelectField, TextField } from './form-fields.tsx';
import { MunicipalitySelect } from './municipality-select.tsx';

const F = {
  code: 'agency-code',
  nameSv: 'agency-name-sv',
  nameEn: 'agency-name-en',
  kind: 'agency-kind',
  kommunkod: 'agency-kommunkod',
  website: 'agency-website',
} as const;

interface Draft {
  code: string;
  nameSv: string;
  nameEn: string;
  kind: AgencyKind;
  kommunkod: string;
  website: string;
}

interface Props {
  agency: Agency | null;
  municipalities: Municipality[];
  onSaved: (saved: Agency) => void;
  onCancel: () => void;
}

export function AgencyForm({ agency, municipalities, onSaved, onCancel }: Props) {
  const { t, i18n } = useTranslation('admin');
  const [draft, setDraft] = useState<Draft>(() => ({
    code: agency?.code ?? '',
    nameSv: agency?.nameSv ?? '',
    nameEn: agency?.nameEn ?? '',
    kind: agency?.kind ?? 'state_agency',
    kommunkod: agency?.kommunkod ?? '',
    website: agency?.website ?? '',
  }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function check(): Array<[string, string]> {
    const checks: Array<[string, string]> = [];
    if (!/^[A-Z0-9-]{2,12}$/.test(draft.code.trim())) checks.push([F.code, t('errors.agencyCode')]);
    if (draft.nameSv.trim().length < 2) checks.push([F.nameSv, t('errors.required', { field: t('agency.nameSv') })]);
    if (draft.nameEn.trim().length < 2) checks.push([F.nameEn, t('errors.required', { field: t('agency.nameEn') })]);
    if (draft.kind === 'municipality' && !draft.kommunkod) {
      checks.push([F.kommunkod, t('errors.required', { field: t('agency.kommunkod') })]);
    }
    if (draft.website.trim() && !/^https?:\/\/\S+$/.test(draft.website.trim())) checks.push([F.website, t('errors.url')]);
    return checks;
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks = check();
    if (checks.length) return setErrors(errorsFromChecks(checks));
    const input: AgencyInput = {
      code: draft.code.trim(),
      nameSv: draft.nameSv.trim(),
      nameEn: draft.nameEn.trim(),
      kind: draft.kind,
      kommunkod: draft.kind === 'municipality' ? draft.kommunkod : null,
      website: draft.website.trim() || null,
    };
    setBusy(true);
    try {
      const saved = agency ? await api.put<Agency>(`/agencies/${agency.id}`, input) : await api.post<Agency>('/agencies', input);
      setErrors(NO_ERRORS);
      onSaved(saved);
    } catch (err) {
      setErrors(errorsFromApi(err, F, t('errors.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form admin-panel" onSubmit={save} noValidate aria-labelledby="agency-form-title">
      <h2 id="agency-form-title" tabIndex={-1}>
        {agency ? t('agency.editTitle', { name: localName(agency, i18n.language) }) : t('agency.newTitle')}
      </h2>
      <ErrorSummary errors={errors} />
      <div className="admin-grid-2">
        <TextField
          id={F.code}
          label={t('agency.code')}
          hint={t('agency.codeHint')}
          value={draft.code}
          onChange={(code) => update({ code: code.toUpperCase() })}
          errors={errors}
          width="short"
          required
        />
        <SelectField id={F.kind} label={t('agency.kind')} value={draft.kind} onChange={(kind) => update({ kind: kind as AgencyKind })} errors={errors}>
          <option value="state_agency">{t('agencyKind.state_agency')}</option>
          <option value="municipality">{t('agencyKind.municipality')}</option>
        </SelectField>
        <TextField id={F.nameSv} label={t('agency.nameSv')} value={draft.nameSv} onChange={(nameSv) => update({ nameSv })} errors={errors} required />
        <TextField id={F.nameEn} label={t('agency.nameEn')} value={draft.nameEn} onChange={(nameEn) => update({ nameEn })} errors={errors} required />
      </div>
      {draft.kind === 'municipality' && (
        <MunicipalitySelect
          id={F.kommunkod}
          label={t('agency.kommunkod')}
          value={draft.kommunkod}
          onChange={(kommunkod) => update({ kommunkod })}
          municipalities={municipalities}
          errors={errors}
          required
        />
      )}
      <TextField
        id={F.website}
        label={t('agency.website')}
        hint={t('agency.websiteHint')}
        type="url"
        value={draft.website}
        onChange={(website) => update({ website })}
        errors={errors}
      />
      <div className="admin-actions">
        <button type="submit" className="admin-button" disabled={busy}>
          {busy ? t('common.saving') : agency ? t('common.save') : t('agency.create')}
        </button>
        {agency && (
          <button type="button" className="admin-button admin-button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
