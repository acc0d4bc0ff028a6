// Desk: visits this officer parked today, each with a button to take the visitor back.
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contracts/visits.ts';

interface Props {
  tickets: Ticket[];
  busy: boolean;
  onResume: (ticket: Ticket) => void;
}

export function DeskParked({ tickets, busy, onResume }: Props) {
  const { t } = useTranslation('visits');
  if (tickets.length === 0) return null;
  return (
    <section className="desk-panel" aria-labelledby="desk-parked-title">
      <h2 id="desk-parked-title">{t('desk.parkedTitle')}</h2>
      <ul className="desk-parked">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <span className="desk-number">{ticket.number}</span>
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => onResume(ticket)}
              aria-label={t('desk.resumeNumber', { number: ticket.number })}
            >
              {t('desk.actions.resume')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
