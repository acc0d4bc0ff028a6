// Shown for unknown addresses, and (as the route error boundary) when a page fails unexpectedly.
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}

export function RouteErrorPage() {
  const { t } = useTranslation('common');
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? t('notFound.title') : t('error.title'));
  if (notFound) return <NotFoundPage />;
  return (
    <div className="page narrow">
      <h1>{t('error.title')}</h1>
      <p>{t('error.generic')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </div>
  );
}
