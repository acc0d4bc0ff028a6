// Shows "loading" or a load failure for an admin page's data, and the polite status line after a save.
import { useTranslation } from 'react-i18next';
import { FailureBox } from './admin-table.tsx';
import { isApiError } from './form-errors.ts';
import type { Load } from './use-load.ts';

/** Renders nothing when every load has its data. */
export function LoadStatus({ loads }: { loads: Array<Load<unknown>> }) {
  const { t } = useTranslation('admin');
  const failed = loads.find((l) => l.error !== undefined && l.data === undefined);
  if (failed) {
    const message = isApiError(failed.error, 403)
      ? t('errors.forbidden')
      : isApiError(failed.error, 404)
        ? t('errors.notFound')
        : t('errors.loadFailed');
    return <FailureBox message={message} />;
  }
  if (loads.some((l) => l.data === undefined)) {
    return (
      <p className="admin-muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return null;
}

/** A live region that exists before its message does, so screen readers announce the change. */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p className={message ? 'admin-status' : 'admin-status-empty'} role="status">
      {message}
    </p>
  );
}
