// Kiosk step 3: the ticket number, place in the queue and the ticket page's address; back to start after 20 s.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueueInfo } from './queue-info.tsx';
import { useFocusHeading } from './use-focus-heading.ts';
import type { Ticket } from '../../../../contracts/visits.ts';

const RETURN_AFTER_S = 20;

/**
 * On a phone the visitor keeps the page, so nothing returns to start. On the shared tablet the
 * countdown can be stopped (WCAG 2.2.1) and is shown, but not announced every second.
 */
function usesCountdown(): boolean {
  return typeof matchMedia === 'function' && !matchMedia('(max-width: 40rem)').matches;
}

interface Props {
  ticket: Ticket;
  onDone: () => void;
}

export function KioskTicketStep({ ticket, onDone }: Props) {
  const { t } = useTranslation('visits');
  const heading = useFocusHeading();
  const [left, setLeft] = useState<number | null>(() => (usesCountdown() ? RETURN_AFTER_S : null));
  const path = `/biljett/${ticket.id}`;

  useEffect(() => {
    if (left === null) return;
    if (left <= 0) {
      onDone();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onDone]);

  return (
    <section className="kiosk-step kiosk-ticket" aria-labelledby="kiosk-ticket-title">
      <h1 id="kiosk-ticket-title" ref={heading} tabIndex={-1}>
        <span className="kiosk-ticket-label">{t('kiosk.ticket.title')}</span>{' '}
        <span className="ticket-number" dir="ltr">
          {ticket.number}
        </span>
      </h1>
      <QueueInfo ticket={ticket} />
      <p className="kiosk-lead">{t('kiosk.ticket.watchScreen')}</p>
      <div className="kiosk-link">
        <p>{t('kiosk.ticket.followOnPhone')}</p>
        <p className="kiosk-url" dir="ltr">
          <Link to={path}>
            {location.host}
            {path}
          </Link>
        </p>
      </div>
      {left !== null && (
        <p className="kiosk-countdown">
          {t('kiosk.ticket.returning', { seconds: RETURN_AFTER_S })}{' '}
          <span aria-hidden="true" dir="ltr">
            ({left})
          </span>
        </p>
      )}
      <div className="kiosk-actions">
        {left !== null && (
          <button type="button" className="kiosk-big-button kiosk-secondary" onClick={() => setLeft(null)}>
            {t('kiosk.ticket.stay')}
          </button>
        )}
        <button type="button" className="kiosk-big-button kiosk-primary" onClick={onDone}>
          {t('kiosk.ticket.done')}
        </button>
      </div>
    </section>
  );
}
