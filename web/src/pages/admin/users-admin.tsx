// The users page (admins only): staff accounts with their scoped roles, create a user, disable or enable one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGrantBody, User, UserPatch } from '../../../../contracts/auth.ts';
import type { Agency, County, OfficeSummary } from '../../../../contracts/registry.ts';
import { byLocalName, localName } from './admin-format.ts';
import { AdminTable, FailureBox } from './admin-table.tsx';
import { LoadStatus, StatusMessage } from './load-status.tsx';
import { api } from '../../lib/api.ts';
import type { ScopeLookups } from './role-grant-fields.tsx';
import { UserForm } from './user-form.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  usePageTitle(t('users.title'));
  const users = useLoad<User[]>('/users');
  const agencies = useLoad<Agency[]>('/agencies');
  const offices = useLoad<OfficeSummary[]>('/offices');
  const counties = useLoad<County[]>('/counties');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const lookups: ScopeLookups | null =
    agencies.data && offices.data && counties.data
      ? {
          agencies: [...agencies.data].sort(byLocalName(lang)),
          offices: [...offices.data].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
          counties: counties.data,
        }
      : null;

  function describeGrant(g: RoleGrantBody): string {
    const agency = lookups?.agencies.find((a) => a.id === g.agencyId);
    const scopes = [
      agency ? localName(agency, lang) : g.agencyId,
      lookups?.offices.find((o) => o.id === g.officeId)?.name ?? g.officeId,
      lookups?.counties.find((c) => c.code === g.countyCode)?.name ?? g.countyCode,
    ].filter((s): s is string => Boolean(s));
    return scopes.length ? `${t(`role.${g.role}`)} (${scopes.join(', ')})` : t(`role.${g.role}`);
  }

  async function setDisabled(user: User, disabled: boolean) {
    setStatus('');
    setFailure('');
    try {
      const patch: UserPatch = { disabled };
      await api.patch<User>(`/users/${user.id}`, patch);
      setStatus(t(disabled ? 'users.disabledDone' : 'users.enabledDone', { name: user.displayName }));
      users.reload();
    } catch {
      setFailure(t('errors.saveFailed'));
    }
  }

  return (
    <>
      <h1>{t('users.title')}</h1>
      <StatusMessage message={status} />
      <FailureBox message={failure} />
      <LoadStatus loads={[users]} />
      {users.data && (
        <AdminTable
          caption={t('users.tableCaption')}
          columns={[t('users.displayName'), t('users.username'), t('users.roles'), t('users.status'), t('common.actions')]}
        >
          {[...users.data]
            .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))
            .map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.displayName}</th>
                <td>{u.username}</td>
                <td>
                  <ul className="admin-plain-list">
                    {u.roles.map((g, i) => (
                      <li key={i}>{describeGrant(g)}</li>
                    ))}
                  </ul>
                </td>
                <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                <td>
                  {u.id !== currentUserId && (
                    <button type="button" className="admin-button admin-button-link" onClick={() => void setDisabled(u, !u.disabled)}>
                      {u.disabled ? t('users.enable') : t('users.disable')}
                      <span className="admin-vh"> {u.displayName}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
        </AdminTable>
      )}
      {lookups && (
        <UserForm
          lookups={lookups}
          onCreated={(user) => {
            setStatus(t('users.created', { name: user.displayName }));
            users.reload();
          }}
        />
      )}
    </>
  );
}
