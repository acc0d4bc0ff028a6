// When the chosen time was taken meanwhile (409 slot_taken): say so and offer the next free times as buttons.
import { useTranslation } from 'react-i18next';
import { formatDay, stockholmDate, stockholmTime } from './booking-format.ts';

interface Props {
  nextFree: string[];
  onChoose: (start: string) => void;
  busy?: boolean;
}

export function SlotTaken({ nextFree, onChoose, busy }: Props) {
  const { t, i18n } = useTranslation('booking');
  return (
    <div className="booking-error-summary" role="alert" aria-labelledby="booking-taken-title" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 id="booking-taken-title">{t('taken.title')}</h2>
      <p>{nextFree.length > 0 ? t('taken.chooseAnother') : t('taken.noneNear')}</p>
      {nextFree.length > 0 && (
        <ul className="booking-time-grid booking-next-free">
          {nextFree.map((start) => (
            <li key={start}>
              <button type="button" className="booking-time-button booking-wide" disabled={busy} onClick={() => onChoose(start)}>
                {formatDay(stockholmDate(start), i18n.language, 'short')} <span dir="ltr">{stockholmTime(start)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
