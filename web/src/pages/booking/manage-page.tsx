// The visitor's own booking at /bokning/:code?t=token (the link from the receipt and every message): see it,
// move it to another day and time with the flow's pickers, or cancel it after a confirmation step.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Booking, SlotDayView } from '../../../../contracts/booking.ts';
import { api } from '../../lib/api.ts';
import { apiReason } from '../visits/api-reason.ts';
import { localName } from '../../lib/locale-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isVisitorLanguage, useVisitorLanguage } from '../visits/use-visitor-language.ts';
import { bookingErrorMessage, nextFreeOf } from './booking-errors.ts';
import { BookingFrame } from './booking-frame.tsx';
import { BookingSummary } from './booking-summary.tsx';
import { DayPicker } from './day-picker.tsx';
import { icsPath } from './receipt.tsx';
import { SlotTaken } from './slot-taken.tsx';
import { TimePicker } from './time-picker.tsx';
import { useStepHeading } from './use-step-heading.ts';

type Mode = { kind: 'view' } | { kind: 'day' } | { kind: 'time'; day: SlotDayView } | { kind: 'cancel' };

function ManageHeading({ text, focus }: { text: string; focus: string }) {
  const heading = useStepHeading();
  return (
    <h1 id="booking-step-title" ref={heading} tabIndex={-1} key={focus}>
      {text}
    </h1>
  );
}

export function ManagePage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const { t, i18n } = useTranslation('booking');
  const [, setLanguage] = useVisitorLanguage();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [busy, setBusy] = useState(false);
  const [nextFree, setNextFree] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const query = `token=${encodeURIComponent(token)}`;
  const base = `/bookings/${encodeURIComponent(code)}`;

  useEffect(() => {
    let current = true;
    api.get<Booking>(`${base}?${query}`).then(
      (b) => {
        if (!current) return;
        setBooking(b);
        // The page opens in the language the visitor booked in (the link may be opened on another device).
        if (isVisitorLanguage(b.language)) setLanguage(b.language);
      },
      (err: unknown) => current && setLoadError(err),
    );
    return () => {
      current = false;
    };
    // setLanguage changes identity each render; the language is applied once per loaded booking.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [base, query]);

  const title =
    mode.kind === 'cancel' ? t('manage.cancelTitle') : mode.kind === 'day' ? t('day.title') : mode.kind === 'time' ? t('time.title') : t('manage.title');
  useDocumentTitle(title);

  const reschedule = async (start: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const b = await api.post<Booking>(`${base}/reschedule?${query}`, { start });
      setBooking(b);
      setNextFree(null);
      setMode({ kind: 'view' });
      setMessage({ text: t('manage.moved'), error: false });
    } catch (err) {
      if (apiReason(err) === 'slot_taken') setNextFree(nextFreeOf(err));
      else setMessage({ text: bookingErrorMessage(err, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    setBusy(true);
    try {
      setBooking(await api.post<Booking>(`${base}/cancel?${query}`));
      setMode({ kind: 'view' });
      setMessage({ text: t('manage.cancelled'), error: false });
    } catch (err) {
      setMessage({ text: bookingErrorMessage(err, t), error: true });
    } finally {
      setBusy(false);
    }
  };

  if (!booking) {
    return (
      <BookingFrame>
        <h1>{t('manage.title')}</h1>
        {loadError ? <p role="alert">{bookingErrorMessage(loadError, t)}</p> : <p role="status">{t('loading')}</p>}
      </BookingFrame>
    );
  }

  const active = booking.status === 'booked';
  const lang = i18n.language;
  return (
    <BookingFrame>
      <ManageHeading text={title} focus={mode.kind} />
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'booking-error-text' : 'booking-success'}>
          {message.text}
        </p>
      )}
      {nextFree && <SlotTaken nextFree={nextFree} busy={busy} onChoose={(s) => void reschedule(s)} />}
      {mode.kind === 'view' && (
        <>
          <p className="booking-code-line">
            {t('receipt.codeLabel')}{' '}
            <strong className="booking-code" dir="ltr">
              {booking.code}
            </strong>
          </p>
          <p className={`booking-state booking-state-${booking.status}`}>{t(`manage.status.${booking.status}`)}</p>
          <BookingSummary
            data={{
              serviceName: localName({ nameSv: booking.serviceNameSv, nameEn: booking.serviceNameEn }, lang),
              officeName: booking.officeName,
              address: booking.address,
              date: booking.date,
              time: booking.time,
              channel: booking.channel,
              // Protected identity: the API withholds the name from this link, which sits in every message.
              visitorName: booking.nameHidden ? t('summary.protected') : booking.visitorName,
              protectedIdentity: booking.protectedIdentity,
              contact: [booking.emailMasked, booking.phoneMasked].filter((x): x is string => !!x),
              interpreterLanguage: booking.interpreterLanguage,
            }}
          />
          {active && (
            <div className="booking-actions">
              <a className="button secondary" href={icsPath(booking.code, token)} download={`bokning-${booking.code}.ics`}>
                {t('receipt.calendar')}
              </a>
              <button type="button" className="button" onClick={() => setMode({ kind: 'day' })}>
                {t('manage.reschedule')}
              </button>
              <button type="button" className="button booking-danger" onClick={() => setMode({ kind: 'cancel' })}>
                {t('manage.cancel')}
              </button>
            </div>
          )}
          {!active && (
            <p>
              <Link to="/boka">{t('manage.bookAgain')}</Link>
            </p>
          )}
        </>
      )}
      {mode.kind === 'day' && (
        <>
          <p className="booking-lead">{t('manage.rescheduleHint', { time: booking.time })}</p>
          <DayPicker
            officeId={booking.officeId}
            serviceId={booking.serviceId}
            channel={booking.channel}
            onChoose={(day) => setMode({ kind: 'time', day })}
          />
          <button type="button" className="booking-back" onClick={() => setMode({ kind: 'view' })}>
            {t('manage.keep')}
          </button>
        </>
      )}
      {mode.kind === 'time' && (
        <>
          <TimePicker day={mode.day} onChoose={(slot) => void reschedule(slot.start)} />
          <button type="button" className="booking-back" onClick={() => setMode({ kind: 'day' })}>
            {t('back')}
          </button>
        </>
      )}
      {mode.kind === 'cancel' && (
        <>
          <p className="booking-lead">{t('manage.cancelQuestion', { code: booking.code })}</p>
          <div className="booking-actions">
            <button type="button" className="button booking-danger" disabled={busy} onClick={() => void cancel()}>
              {t('manage.cancelConfirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setMode({ kind: 'view' })}>
              {t('manage.keep')}
            </button>
          </div>
        </>
      )}
    </BookingFrame>
  );
}
