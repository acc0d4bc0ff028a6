// GOV.UK-style error summary of the booking pages, in the visitor's language: announced, focused, and each
// error links to its input. Shares the admin forms' FormErrors shape and focus helper.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorLinks } from '../admin/error-summary.tsx';
import type { FormErrors } from '../admin/form-errors.ts';

export function BookingErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation('booking');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.list.length) ref.current?.focus();
  }, [errors]);
  if (!errors.list.length) return null;
  return (
    <div className="booking-error-summary" role="alert" aria-labelledby="booking-errors-title" tabIndex={-1} ref={ref}>
      <h2 id="booking-errors-title">{t('errors.title')}</h2>
      <ErrorLinks errors={errors} />
    </div>
  );
}
