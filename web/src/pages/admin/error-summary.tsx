// The error summary at the top of a form (GOV.UK pattern): announced, focused, each error links to its input.
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './form-errors.ts';

/** Focuses the input itself, or the first input inside a fieldset or table the error points at. */
export function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches('input, select, textarea, button')
    ? target
    : target.querySelector<HTMLElement>('input, select, textarea, button');
  (focusable ?? target).focus();
  target.scrollIntoView({ block: 'center' });
}

export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.list.length) ref.current?.focus();
  }, [errors]);
  if (!errors.list.length) return null;
  const titleId = 'admin-error-summary-title';
  return (
    <div className="admin-error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>{errors.kind === 'rules' ? t('errors.rulesTitle') : t('errors.summaryTitle')}</h2>
      {errors.kind === 'rules' && <p>{t('errors.rulesIntro')}</p>}
      <ErrorLinks errors={errors} />
    </div>
  );
}

/** The summary's list: each error, linked to its input when it has one. Shared with the booking pages. */
export function ErrorLinks({ errors }: { errors: FormErrors }) {
  return (
    <ul>
      {errors.list.map((e, i) => (
        <li key={i}>
          {e.targetId ? (
            <a href={`#${e.targetId}`} onClick={(ev) => focusTarget(ev, e.targetId ?? '')}>
              {e.message}
            </a>
          ) : (
            e.message
          )}
        </li>
      ))}
    </ul>
  );
}
