// The GOV.UK error summary for the Mötesplats forms: announced, focused, each error linked to its input.
// Like the admin one, but with its own id so two forms on the board can each show theirs.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLinks } from '../admin/error-summary.tsx';
import type { FormErrors } from '../admin/form-errors.ts';

export function MpErrorSummary({ id, errors }: { id: string; errors: FormErrors }) {
  const { t } = useTranslation('motesplats');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.list.length) ref.current?.focus();
  }, [errors]);
  if (!errors.list.length) return null;
  return (
    <div className="admin-error-summary" role="alert" aria-labelledby={`${id}-title`} tabIndex={-1} ref={ref}>
      <h3 id={`${id}-title`}>{t('errors.title')}</h3>
      <ErrorLinks errors={errors} />
    </div>
  );
}
