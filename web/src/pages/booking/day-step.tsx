// Step 3: the day, at the chosen place. Where the service can be had both in person and by video, the
// visitor chooses how first; a place that cannot book the service says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookableService, BookingChannel, SlotDayView } from '../../../../contracts/booking.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import type { PlaceChoice, ServiceChoice } from './booking-types.ts';
import { DayPicker } from './day-picker.tsx';
import { useStepHeading } from './use-step-heading.ts';

interface Props {
  service: ServiceChoice;
  place: PlaceChoice;
  selected?: string;
  onChoose: (day: SlotDayView, channel: BookingChannel) => void;
}

export function DayStep({ service, place, selected, onChoose }: Props) {
  const { t } = useTranslation('booking');
  const heading = useStepHeading();
  const bookable = useApiData<BookableService[]>(`/offices/${encodeURIComponent(place.officeId)}/bookable-services`);
  const channels = bookable.data?.find((s) => s.id === service.id)?.channels ?? [];
  const [channel, setChannel] = useState<BookingChannel | null>(null);
  const current = channel ?? channels[0];

  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('day.title')}
      </h1>
      <p className="booking-lead">
        <span lang="sv" dir="ltr">
          {place.officeName}
        </span>
      </p>
      {bookable.loading && <p role="status">{t('loading')}</p>}
      {bookable.error && <p role="alert">{t('errors.network')}</p>}
      {bookable.data && channels.length === 0 && <p role="alert">{t('day.notBookableHere')}</p>}
      {channels.length > 1 && (
        <fieldset className="booking-fieldset">
          <legend>{t('channel.legend')}</legend>
          {channels.map((c) => (
            <div className="booking-check" key={c}>
              <input type="radio" id={`booking-channel-${c}`} name="booking-channel" checked={current === c} onChange={() => setChannel(c)} />
              <label htmlFor={`booking-channel-${c}`}>{t(`channel.${c}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      {current && <DayPicker key={current} officeId={place.officeId} serviceId={service.id} channel={current} selected={selected} onChoose={onChoose} />}
    </section>
  );
}
