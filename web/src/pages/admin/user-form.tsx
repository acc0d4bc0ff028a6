// Create a staff user: username, display name, first password and one or more scoped role grants.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleGrantBody, User, UserInput } from '../../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, NO_ERRORS, type FieldIds, type FormErrors } from './form-errors.ts';
import { TextField } from './form-fields.tsx';
import { newGrantRow, RoleGrantFields, type GrantRow, type ScopeLookups } from './role-grant-fields.tsx';

const F = { username: 'user-username', displayName: 'user-display-name', password: 'user-password', roles: 'user-roles' } as const;

interface Draft {
  username: string;
  displayName: string;
  password: string;
  grants: GrantRow[];
}

const orNull = (s: string) => (s === '' ? null : s);

export function UserForm({ lookups, onCreated }: { lookups: ScopeLookups; onCreated: (user: User) => void }) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<Draft>(() => ({ username: '', displayName: '', password: '', grants: [newGrantRow()] }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function check(): Array<[string, string]> {
    const checks: Array<[string, string]> = [];
    if (!/^[a-z0-9._-]{3,64}$/.test(draft.username)) checks.push([F.username, t('errors.username')]);
    if (draft.displayName.trim().length < 2) checks.push([F.displayName, t('errors.required', { field: t('users.displayName') })]);
    if (draft.password.length < 10) checks.push([F.password, t('errors.passwordLength')]);
    if (draft.grants.length === 0) checks.push([F.roles, t('errors.chooseOne', { field: t('users.roles') })]);
    return checks;
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks = check();
    if (checks.length) return setErrors(errorsFromChecks(checks));
    const roles: RoleGrantBody[] = draft.grants.map((g) => ({
      role: g.role,
      agencyId: orNull(g.agencyId),
      officeId: orNull(g.officeId),
      countyCode: orNull(g.countyCode),
    }));
    const fieldIds: FieldIds = { ...F };
    draft.grants.forEach((g, i) => {
      for (const part of ['role', 'agencyId', 'officeId', 'countyCode'] as const) {
        fieldIds[`roles[${i}].${part}`] = `user-grant-${g.key}-${part}`;
      }
    });
    const input: UserInput = { username: draft.username, displayName: draft.displayName.trim(), password: draft.password, roles };
    setBusy(true);
    try {
      const created = await api.post<User>('/users', input);
      setErrors(NO_ERRORS);
      setDraft({ username: '', displayName: '', password: '', grants: [newGrantRow()] });
      onCreated(created);
    } catch (err) {
      setErrors(errorsFromApi(err, fieldIds, t('errors.saveFailed')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-form admin-panel" onSubmit={save} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">{t('users.newTitle')}</h2>
      <ErrorSummary errors={errors} />
      <div className="admin-grid-2">
        <TextField
          id={F.username}
          label={t('users.username')}
          hint={t('users.usernameHint')}
          value={draft.username}
          onChange={(username) => update({ username: username.toLowerCase() })}
          errors={errors}
          autoComplete="off"
          required
        />
        <TextField
          id={F.displayName}
          label={t('users.displayName')}
          value={draft.displayName}
          onChange={(displayName) => update({ displayName })}
          errors={errors}
          autoComplete="off"
          required
        />
      </div>
      <TextField
        id={F.password}
        label={t('users.password')}
        hint={t('users.passwordHint')}
        type="password"
        value={draft.password}
        onChange={(password) => update({ password })}
        errors={errors}
        autoComplete="new-password"
        width="medium"
        required
      />
      <RoleGrantFields id={F.roles} grants={draft.grants} onChange={(grants) => update({ grants })} lookups={lookups} errors={errors} />
      <button type="submit" className="admin-button" disabled={busy}>
        {busy ? t('common.saving') : t('users.create')}
      </button>
    </form>
  );
}
