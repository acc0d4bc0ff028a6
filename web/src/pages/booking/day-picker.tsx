// Choosing a day: one request for the next three months of free times, shown a month at a time. Days with
// nothing free are greyed out, cannot be chosen and say so in words. Used by the visitor's flow, the
// visitor's reschedule and staff booking on a visitor's behalf.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookingChannel, SlotDayView, SlotsResponse } from '../../../../contracts/booking.ts';
import { todayInStockholm } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { addDays, formatDay, formatMonth, monthOf } from './booking-format.ts';

/** The API allows 93 days per request; the default horizon is 60. */
const RANGE_DAYS = 92;

export function slotsPath(officeId: string, serviceId: string, from: string, to: string, channel?: BookingChannel): string {
  const params = new URLSearchParams({ from, to });
  if (channel) params.set('channel', channel);
  return `/offices/${encodeURIComponent(officeId)}/services/${encodeURIComponent(serviceId)}/slots?${params.toString()}`;
}

interface Props {
  officeId: string;
  serviceId: string;
  channel?: BookingChannel;
  selected?: string;
  /** Heading level 2 text above the months, e.g. "Välj dag". */
  onChoose: (day: SlotDayView, channel: BookingChannel) => void;
}

export function DayPicker({ officeId, serviceId, channel, selected, onChoose }: Props) {
  const { t, i18n } = useTranslation('booking');
  const lang = i18n.language;
  // A day early, in case the device's clock is behind the server's; the server's `today` trims the list.
  const [from] = useState(() => addDays(todayInStockholm(), -1));
  const slots = useApiData<SlotsResponse>(slotsPath(officeId, serviceId, from, addDays(from, RANGE_DAYS), channel));
  const [month, setMonth] = useState<string | null>(null);

  if (slots.error) return <p role="alert">{t('errors.network')}</p>;
  if (!slots.data) return <p role="status">{t('loading')}</p>;
  const today = slots.data.today;
  const days = slots.data.days.filter((d) => d.date >= today);
  const firstFree = days.find((d) => d.slots.length > 0);
  if (!firstFree) return <p role="status">{t('day.noneAtAll')}</p>;

  const shown = monthOf(month ?? selected ?? firstFree.date);
  const inMonth = days.filter((d) => d.date >= shown.first && d.date <= shown.last);
  const hasPrevious = days.some((d) => d.date < shown.first);
  const hasNext = days.some((d) => d.date > shown.last);
  const freeInMonth = inMonth.filter((d) => d.slots.length > 0).length;
  const answerChannel = slots.data.channel;

  return (
    <div className="booking-days">
      <div className="booking-month-bar">
        <button type="button" className="button secondary" disabled={!hasPrevious} onClick={() => setMonth(shown.previous)}>
          {t('day.previousMonth')}
        </button>
        <h2 id="booking-month" aria-live="polite">
          {formatMonth(shown.first, lang)}
        </h2>
        <button type="button" className="button secondary" disabled={!hasNext} onClick={() => setMonth(shown.next)}>
          {t('day.nextMonth')}
        </button>
      </div>
      <p className="booking-hint">{t('day.freeDays', { count: freeInMonth })}</p>
      <ul className="booking-day-grid" aria-labelledby="booking-month">
        {inMonth.map((d) => {
          const label = formatDay(d.date, lang);
          if (d.slots.length === 0) {
            return (
              <li key={d.date} className="booking-day booking-day-full">
                <span className="booking-day-name">{label}</span>
                <span className="booking-day-note">{t('day.nothingFree')}</span>
              </li>
            );
          }
          return (
            <li key={d.date} className="booking-day">
              <button
                type="button"
                className="booking-day-button"
                aria-pressed={d.date === selected}
                data-date={d.date}
                onClick={() => onChoose(d, answerChannel)}
              >
                <span className="booking-day-name">{label}</span>
                <span className="booking-day-note">{t('day.freeTimes', { count: d.slots.length })}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
