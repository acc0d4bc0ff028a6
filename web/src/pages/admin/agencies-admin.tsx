// The agencies page: every agency and municipality in the registry, with an inline form to add or edit one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Municipality } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { byLocalName, localName } from './admin-format.ts';
import { AdminTable, FailureBox } from './admin-table.tsx';
import { AgencyForm } from './agency-form.tsx';
import { isApiError } from './form-errors.ts';
import { LoadStatus, StatusMessage } from './load-status.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

function focusFormSoon(): void {
  requestAnimationFrame(() => document.getElementById('agency-form-title')?.focus());
}

export function AgenciesAdmin() {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  usePageTitle(t('agencies.title'));
  const agencies = useLoad<Agency[]>('/agencies');
  const municipalities = useLoad<Municipality[]>('/municipalities');
  const [editing, setEditing] = useState<Agency | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  // Bumped after a save so the form starts empty again.
  const [formVersion, setFormVersion] = useState(0);
  const municipalityName = new Map((municipalities.data ?? []).map((m) => [m.kommunkod, m.name]));

  function edit(agency: Agency | null) {
    setEditing(agency);
    setStatus('');
    setFailure('');
    focusFormSoon();
  }

  async function remove(agency: Agency) {
    setStatus('');
    setFailure('');
    if (!window.confirm(t('agency.confirmDelete', { name: localName(agency, lang) }))) return;
    try {
      await api.delete(`/agencies/${agency.id}`);
      setStatus(t('agency.deleted', { name: localName(agency, lang) }));
      if (editing?.id === agency.id) setEditing(null);
      agencies.reload();
    } catch (err) {
      setFailure(isApiError(err, 409) ? t('agency.inUse', { name: localName(agency, lang) }) : t('errors.saveFailed'));
    }
  }

  return (
    <>
      <div className="admin-heading-row">
        <h1>{t('agencies.title')}</h1>
        <button type="button" className="admin-button" onClick={() => edit(null)}>
          {t('agencies.new')}
        </button>
      </div>
      <StatusMessage message={status} />
      <FailureBox message={failure} />
      <LoadStatus loads={[agencies]} />
      {agencies.data && (
        <AdminTable
          caption={t('agencies.tableCaption')}
          columns={[t('agency.code'), t('agencies.colName'), t('agency.kind'), t('agencies.colWebsite'), t('common.actions')]}
        >
          {[...agencies.data].sort(byLocalName(lang)).map((a) => (
            <tr key={a.id}>
              <td>{a.code}</td>
              <th scope="row">{localName(a, lang)}</th>
              <td>
                {t(`agencyKind.${a.kind}`)}
                {a.kommunkod && ` (${municipalityName.get(a.kommunkod) ?? a.kommunkod})`}
              </td>
              <td>{a.website ? <a href={a.website}>{a.website.replace(/^https?:\/\//, '')}</a> : '–'}</td>
              <td className="admin-row-actions">
                <button type="button" className="admin-button admin-button-link" onClick={() => edit(a)}>
                  {t('common.edit')}
                  <span className="admin-vh"> {localName(a, lang)}</span>
                </button>
                <button type="button" className="admin-button admin-button-link admin-danger-text" onClick={() => void remove(a)}>
                  {t('common.delete')}
                  <span className="admin-vh"> {localName(a, lang)}</span>
                </button>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {municipalities.data && (
        <AgencyForm
          key={`${editing?.id ?? 'new'}-${formVersion}`}
          agency={editing}
          municipalities={municipalities.data}
          onCancel={() => edit(null)}
          onSaved={(saved) => {
            setStatus(t('agency.saved', { name: localName(saved, lang) }));
            setEditing(null);
            setFormVersion((v) => v + 1);
            agencies.reload();
          }}
        />
      )}
    </>
  );
}
