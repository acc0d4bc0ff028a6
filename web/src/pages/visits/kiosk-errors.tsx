// Error summary for the kiosk forms: announced and focused; each error links to the field to fix.
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface KioskError {
  message: string;
  /** The input the error is about; absent for errors of the whole form (e.g. the office is closed). */
  targetId?: string;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

export function KioskErrors({ errors }: { errors: KioskError[] }) {
  const { t } = useTranslation('visits');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="kiosk-errors" role="alert" aria-labelledby="kiosk-errors-title" tabIndex={-1} ref={ref}>
      <h2 id="kiosk-errors-title">{t('kiosk.errorsTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.message}>
            {e.targetId ? (
              <a href={`#${e.targetId}`} onClick={(ev) => focusField(ev, e.targetId ?? '')}>
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
