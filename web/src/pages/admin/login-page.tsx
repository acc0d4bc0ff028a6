// Staff login at /logga-in: the organisation's account (OIDC, when configured) or username and password;
// errors announced, then on to the admin area.
import { useEffect, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { LoginInput, LoginMethods, Me } from '../../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { errorsFromApi, errorsFromChecks, isApiError, NO_ERRORS, type FormErrors } from './form-errors.ts';
import { TextField } from './form-fields.tsx';
import './admin.css';

const FIELD_IDS = { username: 'login-username', password: 'login-password' };

/** The server's OIDC callback sends refusals back here as ?error=<code> (docs/errors.md). */
const OIDC_ERRORS = ['oidc_no_account', 'oidc_subject_mismatch', 'oidc_state_mismatch', 'oidc_idp_error', 'oidc_invalid_response', 'oidc_missing_claim', 'oidc_unavailable'];

/** Only staff pages (the admin area, an office's desk or day view, coverage planning) may be returned to, so a crafted link cannot send staff elsewhere. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    if (state.from.startsWith('/admin') || /^\/kontor\/[0-9a-f-]{36}\/(disk|dag)$/.test(state.from)) return state.from;
    // The planner's coverage page, with its scenario in the query (same origin, so nothing to redirect elsewhere).
    if (/^\/planering(\?[^#]*)?$/.test(state.from)) return state.from;
  }
  return '/admin';
}

/** Too many failed logins (docs/errors.md, `rate_limited`): how long to wait, in seconds or whole minutes. */
function throttleMessage(details: unknown, t: TFunction<'admin'>): string {
  const d = (typeof details === 'object' && details !== null ? details : {}) as { reason?: string; retryAfterSeconds?: number };
  const seconds = typeof d.retryAfterSeconds === 'number' && d.retryAfterSeconds > 0 ? d.retryAfterSeconds : 60;
  if (d.reason === 'login_locked' || seconds > 60) return t('login.locked', { count: Math.ceil(seconds / 60) });
  return t('login.backoff', { count: seconds });
}

export function LoginPage() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const location = useLocation();
  const [input, setInput] = useState<LoginInput>({ username: '', password: '' });
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FormErrors>(() => {
    const code = params.get('error');
    if (!code?.startsWith('oidc_')) return NO_ERRORS;
    const key = OIDC_ERRORS.includes(code) ? code : 'oidc_invalid_response';
    return { kind: 'input', list: [{ targetId: null, message: t(`login.oidcErrors.${key}`) }], byId: {} };
  });
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState(false);

  useEffect(() => {
    // Without the answer the page still offers passwords, which always work.
    api.get<LoginMethods>('/auth/methods').then((m) => setOidc(m.oidc), () => setOidc(false));
  }, []);

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
      if (isApiError(err, 429)) setErrors({ kind: 'input', list: [{ targetId: null, message: throttleMessage(err.details, t) }], byId: {} });
      else setErrors(isApiError(err, 401) ? invalid : errorsFromApi(err, FIELD_IDS, t('errors.network')));
    }
  }

  return (
    <div className="admin admin-login">
      <h1>{t('login.title')}</h1>
      <p>{t(oidc ? 'login.introAny' : 'login.intro')}</p>
      <ErrorSummary errors={errors} />
      {oidc && (
        <>
          {/* A plain link: the browser goes to the server, which sends it on to the identity provider. */}
          <p>
            <a className="admin-button" href="/api/v1/auth/oidc/start">{t('login.oidcLink')}</a>
          </p>
          <p>{t('login.orPassword')}</p>
        </>
      )}
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
