// Erasure on request (docs/retention.md): name a booking, a household or a phone number / email address,
// see what would be anonymised (preview), then confirm. Nothing changes before the confirm.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ERASURE_KINDS, type ErasureInput, type ErasureKind, type ErasureResult } from '../../../../contracts/privacy.ts';
import { api } from '../../lib/api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { SelectField, TextField } from './form-fields.tsx';
import { StatusMessage } from './load-status.tsx';
import { PrivacyCounts } from './privacy-counts.tsx';

const F = { kind: 'erasure-kind', value: 'erasure-value' } as const;

export function ErasureForm() {
  const { t } = useTranslation('admin');
  const [input, setInput] = useState<ErasureInput>({ kind: 'booking', value: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [preview, setPreview] = useState<ErasureResult | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // Any change of what to erase invalidates the preview: the confirm must be for what was previewed.
  const update = (patch: Partial<ErasureInput>) => {
    setInput((i) => ({ ...i, ...patch }));
    setPreview(null);
  };

  async function send(dryRun: boolean) {
    setBusy(true);
    setStatus('');
    try {
      const result = await api.post<ErasureResult>(dryRun ? '/privacy/erasures/preview' : '/privacy/erasures', { ...input, value: input.value.trim() });
      setErrors(NO_ERRORS);
      if (dryRun) {
        setPreview(result);
      } else {
        setPreview(null);
        setInput((i) => ({ ...i, value: '' }));
        setStatus(t('privacy.erased', { count: Object.values(result.counts).reduce((s, n) => s + n, 0) }));
      }
    } catch (err) {
      setErrors(errorsFromApi(err, F, t('errors.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!input.value.trim()) return setErrors(errorsFromChecks([[F.value, t('errors.required', { field: t('privacy.value') })]]));
    void send(true);
  }

  return (
    <form className="admin-form admin-panel" onSubmit={submit} noValidate aria-labelledby="erasure-title">
      <h2 id="erasure-title">{t('privacy.erasureTitle')}</h2>
      <p className="admin-hint">{t('privacy.erasureIntro')}</p>
      <ErrorSummary errors={errors} />
      <SelectField id={F.kind} label={t('privacy.kind')} value={input.kind} onChange={(kind) => update({ kind: kind as ErasureKind })} errors={errors}>
        {ERASURE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`privacy.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={F.value} label={t(`privacy.valueLabel.${input.kind}`)} hint={t(`privacy.valueHint.${input.kind}`)} value={input.value} onChange={(value) => update({ value })} errors={errors} autoComplete="off" />
      <div className="admin-actions">
        <button type="submit" className="admin-button admin-button-secondary" disabled={busy}>
          {t('privacy.previewErasure')}
        </button>
      </div>
      {preview && (
        <section className="admin-section" aria-labelledby="erasure-preview-title">
          <h3 id="erasure-preview-title">{t('privacy.erasurePreviewTitle')}</h3>
          <PrivacyCounts counts={preview.counts} caption={t('privacy.erasurePreviewTitle')} />
          <p>{t('privacy.confirmText')}</p>
          <div className="admin-actions">
            <button type="button" className="admin-button admin-button-danger" disabled={busy} onClick={() => void send(false)}>
              {t('privacy.confirmErasure')}
            </button>
            <button type="button" className="admin-button admin-button-secondary" disabled={busy} onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      <StatusMessage message={status} />
    </form>
  );
}
