// Choosing a time on the chosen day: one button per free start, on Swedish time.
import { useTranslation } from 'react-i18next';
import type { SlotDayView, SlotView } from '../../../../contracts/booking.ts';
import { formatDay } from './booking-format.ts';

interface Props {
  day: SlotDayView;
  selected?: string;
  onChoose: (slot: SlotView) => void;
}

export function TimePicker({ day, selected, onChoose }: Props) {
  const { t, i18n } = useTranslation('booking');
  return (
    <div>
      <p className="booking-lead">{t('time.hint', { day: formatDay(day.date, i18n.language) })}</p>
      {day.slots.length === 0 && <p role="status">{t('day.nothingFree')}</p>}
      <ul className="booking-time-grid" aria-label={t('time.listLabel')}>
        {day.slots.map((s) => (
          <li key={s.start}>
            <button type="button" className="booking-time-button" dir="ltr" aria-pressed={s.start === selected} onClick={() => onChoose(s)}>
              {s.time}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
