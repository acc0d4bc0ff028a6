// Booking on a visitor's behalf at the office (phone call or at the desk): the flow's day, time and contact
// components, sent to POST /offices/:id/bookings. The receipt shows the code and the visitor's manage link.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookableService, BookingChannel, CreatedBooking, SlotDayView, SlotView } from '../../../../contracts/booking.ts';
import { api, ApiError } from '../../lib/api.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { errorsFromChecks, NO_ERRORS, type FormErrors } from '../admin/form-errors.ts';
import { bookingErrorMessage, CONTACT_FIELD_IDS } from '../booking/booking-errors.ts';
import { BookingErrorSummary } from '../booking/booking-error-summary.tsx';
import { EMPTY_CONTACT, type ContactDraft } from '../booking/booking-types.ts';
import { checkContact, contactInput, ContactFields } from '../booking/contact-fields.tsx';
import { DayPicker } from '../booking/day-picker.tsx';
import { TimePicker } from '../booking/time-picker.tsx';
import '../booking/booking.css';

interface Props {
  officeId: string;
  onBooked: () => void;
}

export function StaffBookForm({ officeId, onBooked }: Props) {
  const { t, i18n } = useTranslation('bookingStaff');
  const { t: tb } = useTranslation('booking');
  const services = useApiData<BookableService[]>(`/offices/${encodeURIComponent(officeId)}/bookable-services`);
  const [serviceId, setServiceId] = useState('');
  const [day, setDay] = useState<{ day: SlotDayView; channel: BookingChannel } | null>(null);
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [booked, setBooked] = useState<CreatedBooking | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checks = checkContact(contact, tb);
    const missing: Array<[string, string]> = [];
    if (!serviceId) missing.push(['staff-book-service', t('book.serviceMissing')]);
    if (!slot || !day) missing.push(['staff-book-times', t('book.timeMissing')]);
    const found = errorsFromChecks([...missing, ...checks.list.map((x): [string, string] => [x.targetId ?? '', x.message])]);
    setErrors(found);
    if (found.list.length > 0 || !slot || !day) return;
    setBusy(true);
    try {
      const created = await api.post<CreatedBooking>(`/offices/${encodeURIComponent(officeId)}/bookings`, {
        serviceId,
        start: slot.start,
        channel: day.channel,
        language: i18n.language === 'en' ? 'en' : 'sv',
        ...contactInput(contact),
      });
      setBooked(created);
      onBooked();
    } catch (err) {
      const target = err instanceof ApiError && err.field ? (CONTACT_FIELD_IDS[err.field] ?? (err.field === 'start' ? 'staff-book-times' : null)) : null;
      setErrors(errorsFromChecks([[target ?? 'staff-book-service', bookingErrorMessage(err, tb)]]));
    } finally {
      setBusy(false);
    }
  };

  if (booked) {
    return (
      <div className="admin-panel" role="status">
        <p>{t('book.done', { code: booked.code, date: booked.date, time: booked.time })}</p>
        <p>
          {t('book.manageLink')} <a href={booked.managePath}>{`${location.origin}${booked.managePath}`}</a>
        </p>
        <button type="button" className="admin-button" onClick={() => setBooked(null)}>
          {t('book.another')}
        </button>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="admin-form">
      <BookingErrorSummary errors={errors} />
      <div className="admin-field">
        <label htmlFor="staff-book-service">{t('book.service')}</label>
        <select
          id="staff-book-service"
          className="admin-input"
          value={serviceId}
          onChange={(e) => {
            setServiceId(e.target.value);
            setDay(null);
            setSlot(null);
          }}
        >
          <option value="">{t('book.chooseService')}</option>
          {(services.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {i18n.language === 'en' ? s.nameEn : s.nameSv}
            </option>
          ))}
        </select>
      </div>
      <div id="staff-book-times" tabIndex={-1}>
        {serviceId && (
          <DayPicker
            key={serviceId}
            officeId={officeId}
            serviceId={serviceId}
            selected={day?.day.date}
            onChoose={(d, channel) => {
              setDay({ day: d, channel });
              setSlot(null);
            }}
          />
        )}
        {day && <TimePicker day={day.day} selected={slot?.start} onChoose={setSlot} />}
      </div>
      <ContactFields value={contact} onChange={setContact} errors={errors} />
      <button type="submit" className="admin-button" disabled={busy}>
        {t('book.submit')}
      </button>
    </form>
  );
}
