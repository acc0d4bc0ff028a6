// Desk: notes written when the visitor was transferred to this officer's agency. The API returns only
// notes addressed to the officer's own agency (and audit-logs the read); with none, nothing is shown.
import { useTranslation } from 'react-i18next';
import type { TransferNote } from '../../../../contracts/visits.ts';
import { intlLocale } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';

export function DeskNotes({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation('visits');
  const notes = useApiData<TransferNote[]>(`/tickets/${encodeURIComponent(ticketId)}/notes`);
  if (!notes.data || notes.data.length === 0) return null;
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Stockholm' });
  return (
    <section className="desk-notes" aria-labelledby="desk-notes-title">
      <h3 id="desk-notes-title">{t('desk.notes.title')}</h3>
      <ul>
        {notes.data.map((n) => (
          <li key={`${n.at}-${n.agencyId}`}>
            <p className="desk-note-text">{n.note}</p>
            <p className="hint">{t('desk.notes.by', { name: n.writtenBy ?? t('desk.notes.unknownWriter'), time: time.format(new Date(n.at)) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
