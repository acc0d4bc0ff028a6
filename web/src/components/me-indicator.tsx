// Header corner for staff: who is signed in (with a way into the staff pages) or a link to sign in.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../contracts/auth.ts';
import { api } from '../lib/api.ts';

export function MeIndicator() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  // Asked again on each page change, so signing in or out shows up without a reload.
  // Any failure (401 for visitors, or the API being down) simply means "not signed in".
  useEffect(() => {
    let current = true;
    api.get<Me>('/auth/me').then(
      (user) => current && setMe(user),
      () => current && setMe(null),
    );
    return () => {
      current = false;
    };
  }, [pathname]);

  if (me === undefined) return <div className="me" />;
  if (me === null) {
    return (
      <div className="me">
        <Link to="/logga-in">{t('me.login')}</Link>
      </div>
    );
  }
  return (
    <div className="me">
      <span className="me-name">{t('me.signedInAs', { name: me.displayName })}</span>{' '}
      <Link to="/admin">{t('me.admin')}</Link>
    </div>
  );
}
