// Data protection for administrators (docs/retention.md): the retention policy in force, the last run, a
// preview of what a run would anonymise now, and erasure on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionOverview, RetentionRun } from '../../../../contracts/privacy.ts';
import { api } from '../../lib/api.ts';
import { FailureBox } from './admin-table.tsx';
import { ErasureForm } from './erasure-form.tsx';
import { LoadStatus } from './load-status.tsx';
import { PrivacyCounts } from './privacy-counts.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

export function PrivacyPage() {
  const { t, i18n } = useTranslation('admin');
  usePageTitle(t('privacy.title'));
  const overview = useLoad<RetentionOverview>('/privacy/retention');
  const [preview, setPreview] = useState<RetentionRun | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'medium', timeStyle: 'short' });

  async function runPreview() {
    setBusy(true);
    setFailure('');
    try {
      setPreview(await api.get<RetentionRun>('/privacy/retention/preview'));
    } catch {
      setFailure(t('errors.loadFailed'));
    } finally {
      setBusy(false);
    }
  }

  const policy = overview.data?.policy;
  const lastRun = overview.data?.lastRun;
  return (
    <>
      <h1>{t('privacy.title')}</h1>
      <p className="admin-hint">{t('privacy.intro')}</p>
      <LoadStatus loads={[overview]} />
      {policy && (
        <section className="admin-section" aria-labelledby="retention-policy-title">
          <h2 id="retention-policy-title">{t('privacy.policyTitle')}</h2>
          <ul className="admin-plain-list">
            <li>{t('privacy.policy.visits', { count: policy.visitDays })}</li>
            <li>{t('privacy.policy.bookings', { count: policy.bookingDays })}</li>
            <li>{t('privacy.policy.motesplats', { count: policy.motesplatsDays })}</li>
            <li>{t('privacy.policy.outbox', { count: policy.outboxDays })}</li>
            <li>{t('privacy.policy.sessions')}</li>
            <li>{t('privacy.policy.audit')}</li>
          </ul>
          <p className="admin-muted">{policy.scheduled ? t('privacy.scheduled') : t('privacy.notScheduled')}</p>
        </section>
      )}
      {overview.data && (
        <section className="admin-section" aria-labelledby="retention-last-title">
          <h2 id="retention-last-title">{t('privacy.lastRunTitle')}</h2>
          {lastRun ? (
            <>
              <p>{t('privacy.lastRunAt', { at: when(lastRun.at) })}</p>
              <PrivacyCounts counts={lastRun.counts} caption={t('privacy.lastRunTitle')} />
            </>
          ) : (
            <p>{t('privacy.noRun')}</p>
          )}
        </section>
      )}
      <section className="admin-section" aria-labelledby="retention-preview-title">
        <h2 id="retention-preview-title">{t('privacy.previewTitle')}</h2>
        <p className="admin-hint">{t('privacy.previewIntro')}</p>
        <button type="button" className="admin-button admin-button-secondary" onClick={() => void runPreview()} disabled={busy}>
          {t('privacy.previewNow')}
        </button>
        <FailureBox message={failure} />
        <div role="status">{preview && <p>{t('privacy.previewAt', { at: when(preview.at) })}</p>}</div>
        {preview && <PrivacyCounts counts={preview.counts} caption={t('privacy.previewTitle')} />}
      </section>
      <ErasureForm />
    </>
  );
}
