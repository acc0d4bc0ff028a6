// Kiosk: check in for a booked visit with the booking code; the answer is a ticket like any other.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api.ts';
import { apiReason } from './api-reason.ts';
import { kioskHeaders } from './kiosk-device.ts';
import { retryMinutes } from './retry-minutes.ts';
import { KioskErrors, type KioskError } from './kiosk-errors.tsx';
import { useFocusHeading } from './use-focus-heading.ts';
import type { Ticket } from '../../../../contracts/visits.ts';

const CODE_ID = 'kiosk-code';
const CODE_PATTERN = /^[A-Z0-9]{6,10}$/;
/** The API's reasons for refusing a check-in, and what the visitor is told. */
const REASON_KEYS: Record<string, string> = {
  unknown_booking: 'kiosk.checkIn.notFound',
  already_checked_in: 'kiosk.checkIn.alreadyCheckedIn',
  booking_not_active: 'kiosk.checkIn.notActive',
  too_early: 'kiosk.checkIn.tooEarly',
  too_late: 'kiosk.checkIn.tooLate',
};

interface Props {
  officeId: string;
  onTicket: (ticket: Ticket) => void;
  onBack: () => void;
}

export function KioskCheckInStep({ officeId, onTicket, onBack }: Props) {
  const { t } = useTranslation('visits');
  const heading = useFocusHeading();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<KioskError[]>([]);
  const [busy, setBusy] = useState(false);
  const fieldError = errors.find((e) => e.targetId === CODE_ID);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = code.replace(/[\s-]/g, '').toUpperCase();
    if (trimmed === '' || !CODE_PATTERN.test(trimmed)) {
      setErrors([{ targetId: CODE_ID, message: t(trimmed === '' ? 'kiosk.checkIn.codeMissing' : 'kiosk.checkIn.invalid') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      onTicket(await api.post<Ticket>(`/offices/${officeId}/check-ins`, { code: trimmed }, kioskHeaders(officeId)));
    } catch (err) {
      setBusy(false);
      setErrors([checkInError(err)]);
    }
  }

  function checkInError(err: unknown): KioskError {
    if (!(err instanceof ApiError)) return { message: t('kiosk.error.network') };
    if (err.code === 'rate_limited') return { message: t('kiosk.checkIn.tooMany', { minutes: retryMinutes(err) }) };
    const reason = apiReason(err);
    const message = reason ? REASON_KEYS[reason] : undefined;
    if (message) return { targetId: CODE_ID, message: t(message) };
    if (err.status === 404) return { targetId: CODE_ID, message: t('kiosk.checkIn.notFound') };
    if (err.status === 400) return { targetId: CODE_ID, message: t('kiosk.checkIn.invalid') };
    return { message: t('kiosk.checkIn.error') };
  }

  return (
    <section className="kiosk-step" aria-labelledby="kiosk-checkin-title">
      <h1 id="kiosk-checkin-title" ref={heading} tabIndex={-1}>
        {t('kiosk.checkIn.title')}
      </h1>
      <KioskErrors errors={errors} />
      <form className="kiosk-form" onSubmit={submit} noValidate>
        <div className="kiosk-field">
          <label htmlFor={CODE_ID} className="kiosk-label">
            {t('kiosk.checkIn.code')}
          </label>
          <p id={`${CODE_ID}-hint`} className="kiosk-hint">
            {t('kiosk.checkIn.codeHint')}
          </p>
          {fieldError && (
            <p id={`${CODE_ID}-error`} className="kiosk-field-error">
              {fieldError.message}
            </p>
          )}
          <input
            id={CODE_ID}
            type="text"
            dir="ltr"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="kiosk-input kiosk-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={`${CODE_ID}-hint${fieldError ? ` ${CODE_ID}-error` : ''}`}
          />
        </div>
        <div className="kiosk-actions">
          <button type="submit" className="kiosk-big-button kiosk-primary" disabled={busy}>
            {busy ? t('kiosk.checkIn.submitting') : t('kiosk.checkIn.submit')}
          </button>
          <button type="button" className="kiosk-big-button kiosk-secondary" onClick={onBack}>
            {t('kiosk.checkIn.back')}
          </button>
        </div>
      </form>
    </section>
  );
}
