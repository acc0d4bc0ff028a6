// Staff mark an existing booking as protected identity (or take the mark away), after a confirmation:
// `PUT /offices/:id/bookings/:code/protected-identity`. Once marked, the API withholds the name and
// contacts from the office's lists. Focus moves to the confirmation and back to the action afterwards.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { staffVisitorName } from './visitor-name.ts';

interface Props {
  booking: StaffBooking;
  busy: boolean;
  /** Sends the change; resolves true when the API took it. */
  onSet: (b: StaffBooking, protectedIdentity: boolean) => Promise<boolean>;
}

export function ProtectedIdentityAction({ booking, busy, onSet }: Props) {
  const { t } = useTranslation('bookingStaff');
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const hintId = useId();
  const marked = booking.protectedIdentity;
  const who = `${staffVisitorName(booking, t)} (${booking.code})`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      actionRef.current?.focus();
    }
  }, [confirming]);

  const close = () => {
    returnFocus.current = true;
    setConfirming(false);
  };
  const confirm = async () => {
    await onSet(booking, !marked);
    close();
  };

  if (!confirming) {
    return (
      <button ref={actionRef} type="button" className="admin-button admin-button-small admin-button-secondary" disabled={busy} onClick={() => setConfirming(true)}>
        {t(marked ? 'protect.unmark' : 'protect.mark')}
        <span className="visually-hidden"> {who}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby={hintId}>
      <p id={hintId} className="admin-hint">
        {t(marked ? 'protect.confirmUnmark' : 'protect.confirmMark')}
      </p>
      <div className="admin-row-actions">
        <button ref={confirmRef} type="button" className="admin-button admin-button-small" disabled={busy} onClick={() => void confirm()}>
          {t(marked ? 'protect.yesUnmark' : 'protect.yesMark')}
          <span className="visually-hidden"> {who}</span>
        </button>{' '}
        <button type="button" className="admin-button admin-button-small admin-button-secondary" disabled={busy} onClick={close}>
          {t('protect.keep')}
        </button>
      </div>
    </div>
  );
}
