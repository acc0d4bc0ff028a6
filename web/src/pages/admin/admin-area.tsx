// The staff admin area at /admin/*: requires a login, shows who is signed in and routes to the registry pages.
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../../contracts/auth.ts';
import { api } from '../../lib/api.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { AgenciesAdmin } from './agencies-admin.tsx';
import { isApiError } from './form-errors.ts';
import { LoadStatus } from './load-status.tsx';
import { OfficeForm } from './office-form.tsx';
import { OfficesAdmin } from './offices-admin.tsx';
import { PrivacyPage } from './privacy-page.tsx';
import { RulesPage } from './rules-page.tsx';
import { ServiceForm } from './service-form.tsx';
import { ServicesAdmin } from './services-admin.tsx';
import { useLoad } from './use-load.ts';
import { UsersAdmin } from './users-admin.tsx';
import './admin.css';

function NotFound() {
  const { t } = useTranslation('admin');
  return <h1>{t('errors.notFound')}</h1>;
}

export function AdminArea() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const location = useLocation();
  const me = useLoad<Me>('/auth/me');

  if (isApiError(me.error, 401)) {
    return <Navigate to={ADMIN_PATHS.login} replace state={{ from: location.pathname }} />;
  }
  if (!me.data) {
    return (
      <div className="admin">
        <LoadStatus loads={[me]} />
      </div>
    );
  }
  const user = me.data;
  const isAdmin = user.roles.some((r) => r.role === 'admin');
  const roleNames = [...new Set(user.roles.map((r) => t(`role.${r.role}`)))].join(', ');

  async function logout() {
    try {
      await api.post('/auth/logout');
    } catch {
      // The session may already have ended; the login page is the right place either way.
    }
    navigate(ADMIN_PATHS.login, { replace: true });
  }

  const links = [
    { to: ADMIN_PATHS.offices, label: t('nav.offices') },
    { to: ADMIN_PATHS.services, label: t('nav.services') },
    { to: ADMIN_PATHS.agencies, label: t('nav.agencies') },
    { to: ADMIN_PATHS.rules, label: t('nav.rules') },
    ...(isAdmin ? [{ to: ADMIN_PATHS.users, label: t('nav.users') }, { to: ADMIN_PATHS.privacy, label: t('nav.privacy') }] : []),
    // Coverage planning lives outside the admin area (/planering) but is where planners work.
    ...(isAdmin || user.roles.some((r) => r.role === 'planner') ? [{ to: '/planering', label: t('nav.coverage') }] : []),
  ];

  return (
    <div className="admin">
      <div className="admin-bar">
        <p className="admin-bar-user">
          {t('area.signedInAs')} <strong>{user.displayName}</strong>
          <span className="admin-bar-roles"> ({roleNames})</span>
        </p>
        <button type="button" className="admin-button admin-button-secondary" onClick={() => void logout()}>
          {t('area.logout')}
        </button>
      </div>
      <nav className="admin-nav" aria-label={t('nav.label')}>
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to}>{l.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-page">
        <Routes>
          <Route index element={<Navigate to={ADMIN_PATHS.offices} replace />} />
          <Route path="kontor" element={<OfficesAdmin />} />
          <Route path="kontor/nytt" element={<OfficeForm />} />
          <Route path="kontor/:id" element={<OfficeForm />} />
          <Route path="tjanster" element={<ServicesAdmin />} />
          <Route path="tjanster/ny" element={<ServiceForm />} />
          <Route path="tjanster/:id" element={<ServiceForm />} />
          <Route path="myndigheter" element={<AgenciesAdmin />} />
          <Route path="regelkontroll" element={<RulesPage />} />
          {isAdmin && <Route path="anvandare" element={<UsersAdmin currentUserId={user.id} />} />}
          {isAdmin && <Route path="dataskydd" element={<PrivacyPage />} />}
          <Route path="*" element={<NotFound />} />
        </Routes>
      </div>
    </div>
  );
}
