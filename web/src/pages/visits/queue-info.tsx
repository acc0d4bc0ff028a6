// A waiting ticket's place in the queue and estimated wait, in the visitor's language.
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contracts/visits.ts';

export function QueueInfo({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('visits');
  if (ticket.state !== 'waiting') return null;
  const estimate = ticket.estimateMinutes;
  return (
    <ul className="queue-info">
      {ticket.position !== null && (
        <li>{ticket.position === 0 ? t('queue.next') : t('queue.ahead', { count: ticket.position })}</li>
      )}
      {typeof estimate === 'number' && (
        <li>{estimate < 1 ? t('queue.estimateSoon') : t('queue.estimate', { count: Math.round(estimate) })}</li>
      )}
    </ul>
  );
}
