// Step 6: the summary and the booking itself. A time taken meanwhile offers the next free ones; errors in
// the contact details send the visitor back to those fields.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedBooking, CreateBookingInput } from '../../../../contracts/booking.ts';
import { api, ApiError } from '../../lib/api.ts';
import { localName } from '../../lib/locale-format.ts';
import { errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { bookingErrorMessage, CONTACT_FIELD_IDS, nextFreeOf } from './booking-errors.ts';
import { stockholmDate, stockholmTime } from './booking-format.ts';
import { BookingSummary } from './booking-summary.tsx';
import type { ContactDraft, PlaceChoice, ServiceChoice, SlotChoice } from './booking-types.ts';
import { contactInput } from './contact-fields.tsx';
import { SlotTaken } from './slot-taken.tsx';
import { useStepHeading } from './use-step-heading.ts';
import { apiReason } from '../visits/api-reason.ts';

interface Props {
  service: ServiceChoice;
  place: PlaceChoice;
  choice: SlotChoice;
  contact: ContactDraft;
  /** Where to send the booking: the public endpoint, or the office's for staff booking on a visitor's behalf. */
  endpoint?: string;
  onBooked: (booking: CreatedBooking) => void;
  onContactErrors: (errors: FormErrors) => void;
  /** The visitor's form: a solved challenge for each request (use-booking-challenge.tsx); staff need none. */
  proof?: () => Promise<string>;
}

/** Refusals about the booking as a whole, shown here even though the API names a contact field. */
const WHOLE_BOOKING_REASONS = new Set(['too_many_open_bookings', 'too_many_bookings']);

export function ConfirmStep({ service, place, choice, contact, endpoint = '/bookings', onBooked, onContactErrors, proof }: Props) {
  const { t, i18n } = useTranslation('booking');
  const heading = useStepHeading();
  const [start, setStart] = useState(choice.slot.start);
  const [busy, setBusy] = useState(false);
  const [nextFree, setNextFree] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const book = async (at: string, retried = false): Promise<void> => {
    setBusy(true);
    setError(null);
    const body: CreateBookingInput = {
      serviceId: service.id,
      officeId: place.officeId,
      start: at,
      channel: choice.channel,
      language: i18n.language as CreateBookingInput['language'],
      ...contactInput(contact),
    };
    const payload = endpoint === '/bookings' ? body : (({ officeId: _o, ...rest }) => rest)(body);
    if (proof) {
      try {
        payload.altcha = await proof();
      } catch {
        setBusy(false);
        setError(t('errors.reason.challenge_failed'));
        return;
      }
    }
    try {
      onBooked(await api.post<CreatedBooking>(endpoint, payload));
    } catch (err) {
      // A solution that expired (a long pause on the form) or did not verify: once more with a fresh one.
      if (proof && !retried && apiReason(err) === 'challenge_failed') return book(at, true);
      setBusy(false);
      const taken = nextFreeOf(err);
      if (err instanceof ApiError && err.status === 409) {
        setStart(at);
        setNextFree(taken);
        return;
      }
      const field = err instanceof ApiError ? err.field : undefined;
      if (field && CONTACT_FIELD_IDS[field] && !WHOLE_BOOKING_REASONS.has(apiReason(err) ?? '')) {
        onContactErrors(errorsFromChecks([[CONTACT_FIELD_IDS[field], bookingErrorMessage(err, t)]]));
        return;
      }
      setError(bookingErrorMessage(err, t));
    }
  };

  const contactLines = [contact.email.trim(), contact.phone.trim()].filter(Boolean);
  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('confirm.title')}
      </h1>
      {nextFree && <SlotTaken nextFree={nextFree} busy={busy} onChoose={(s) => void book(s)} />}
      {error && (
        <p role="alert" className="booking-error-text">
          {error}
        </p>
      )}
      <BookingSummary
        data={{
          serviceName: localName(service, i18n.language),
          officeName: place.officeName,
          date: stockholmDate(start),
          time: stockholmTime(start),
          channel: choice.channel,
          visitorName: contact.name.trim(),
          contact: contactLines,
          interpreterLanguage: contact.interpreter ? contact.interpreterLanguage : null,
          protectedIdentity: contact.protectedIdentity,
        }}
      />
      {!nextFree && (
        <button type="button" className="button" disabled={busy} onClick={() => void book(start)}>
          {busy ? t('confirm.booking') : t('confirm.book')}
        </button>
      )}
    </section>
  );
}
