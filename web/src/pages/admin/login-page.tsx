// Staff login at /logga-in: username and password, errors announced, then on to the admin area.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { LoginInput, Me } from '../../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, isApiError, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { TextField } from './form-fields.tsx';
import './admin.css';

const FIELD_IDS = { username: 'login-username', password: 'login-password' };

/** Only staff pages (the admin area, an office's desk or day view, coverage planning) may be returned to, so a crafted link cannot send staff elsewhere. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/admin') || /^\/kontor\/[0-9a-f-]{36}\/(disk|dag)$/.test(state.from)) return state.from;
    // The planner's coverage page, with its scenario in the query (same origin, so nothing to redirect elsewhere).
    if (/^\/planering(\?[^#]*)?$/.test(state.from)) return state.from;
  }
  return '/admin';
}

export function LoginPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const location = useLocation();
  const [input, setInput] = useState<LoginInput>({ username: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checks: Array<[string, string]> = [];
    if (!input.username.trim()) checks.push([FIELD_IDS.username, t('login.usernameMissing')]);
    if (!input.password) checks.push([FIELD_IDS.password, t('login.passwordMissing')]);
    if (checks.length) return setErrors(errorsFromChecks(checks));
    setBusy(true);
    try {
      await api.post<Me>('/auth/login', { ...input, username: input.username.trim() });
      navigate(returnPath(location.state), { replace: true });
    } catch (err) {
      setBusy(false);
      // Wrong credentials name no field: which of the two was wrong is deliberately not revealed.
      const invalid = errorsFromChecks([[FIELD_IDS.username, t('login.invalid')]]);
      setErrors(isApiError(err, 401) ? invalid : errorsFromApi(err, FIELD_IDS, t('errors.network')));
    }
  }

  return (
    <div className="admin admin-login">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate className="admin-form">
        <TextField
          id={FIELD_IDS.username}
          label={t('login.username')}
          value={input.username}
          onChange={(username) => setInput({ ...input, username })}
          errors={errors}
          autoComplete="username"
          required
          width="medium"
        />
        <TextField
          id={FIELD_IDS.password}
          label={t('login.password')}
          type="password"
          value={input.password}
          onChange={(password) => setInput({ ...input, password })}
          errors={errors}
          autoComplete="current-password"
          required
          width="medium"
        />
        <button type="submit" className="admin-button" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="admin-hint admin-demo-hint">{t('login.demoHint')}</p>
    </div>
  );
}
