// Desk: the visitor at this counter, with the actions their state allows (recall, start, park, move, finish).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Service } from '../../../../contracts/registry.ts';
import type { OfficeQueue, Ticket } from '../../../../contracts/visits.ts';
import { languageName, localName } from '../../lib/locale-format.ts';
import { DeskFinishForm } from './desk-finish-form.tsx';
import { DeskNotes } from './desk-notes.tsx';
import { DeskParkForm } from './desk-park-form.tsx';
import { DeskTransferForm } from './desk-transfer-form.tsx';
import { useFocusHeading } from './use-focus-heading.ts';

export type DeskAction = 'recall' | 'start' | 'no-show' | 'park' | 'transfer' | 'finish' | 'resume';
type Panel = 'park' | 'transfer' | 'finish';

interface Props {
  ticket: Ticket;
  services: Service[];
  agencies: Agency[];
  queues: OfficeQueue[];
  ownAgencyId: string | null;
  busy: boolean;
  /** Just called: the heading takes focus so the officer lands on the visit's actions. */
  focusOnMount: boolean;
  onAction: (action: DeskAction, body?: unknown) => void;
}

export function DeskCurrent(props: Props) {
  const { ticket, services, agencies, queues, ownAgencyId, busy, onAction } = props;
  const { t, i18n } = useTranslation('visits');
  const heading = useFocusHeading(props.focusOnMount);
  const lang = i18n.language;
  const [panel, setPanel] = useState<Panel | null>(null);
  const visitServices = ticket.serviceIds
    .map((id) => services.find((s) => s.id === id))
    .filter((s): s is Service => s !== undefined);
  const queue = queues.find((q) => q.id === ticket.queueId);
  const agencyName = (id: string) => {
    const a = agencies.find((x) => x.id === id);
    return a ? localName(a, lang) : '';
  };

  const toggle = (p: Panel) => setPanel(panel === p ? null : p);
  const panelButton = (p: Panel) => (
    <button
      type="button"
      className="button secondary"
      aria-expanded={panel === p}
      aria-controls={panel === p ? `desk-panel-${p}` : undefined}
      onClick={() => toggle(p)}
    >
      {t(`desk.actions.${p}`)}
    </button>
  );

  return (
    <section className="desk-panel desk-current" aria-labelledby="desk-current-title">
      <h2 id="desk-current-title" ref={heading} tabIndex={-1}>
        {t('desk.current')} <span className="desk-number">{ticket.number}</span>
      </h2>
      <dl className="desk-facts">
        <dt>{t('desk.state')}</dt>
        <dd>{t(`desk.states.${ticket.state}`)}</dd>
        {queue && (
          <>
            <dt>{t('desk.queue')}</dt>
            <dd>
              {queue.letter} – {agencyName(queue.agencyId)}
            </dd>
          </>
        )}
        <dt>{t('desk.services')}</dt>
        <dd>
          <ul>
            {visitServices.map((s) => (
              <li key={s.id}>{localName(s, lang)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('desk.language')}</dt>
        <dd>{languageName(ticket.language, lang) ?? ticket.language}</dd>
        {ticket.priority && (
          <>
            <dt>{t('desk.priority')}</dt>
            <dd>{t('desk.priorityYes')}</dd>
          </>
        )}
        {ticket.phoneMasked && (
          <>
            <dt>{t('desk.phone')}</dt>
            <dd dir="ltr">{ticket.phoneMasked}</dd>
          </>
        )}
        {ticket.recallCount > 0 && (
          <>
            <dt>{t('desk.recalls')}</dt>
            <dd>{ticket.recallCount}</dd>
          </>
        )}
      </dl>
      <DeskNotes ticketId={ticket.id} />
      <div className="desk-actions">
        {ticket.state === 'called' && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => onAction('start')}>
              {t('desk.actions.start')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => onAction('recall')}>
              {t('desk.actions.recall')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => onAction('no-show')}>
              {t('desk.actions.noShow')}
            </button>
          </>
        )}
        {ticket.state === 'parked' && (
          <button type="button" className="button" disabled={busy} onClick={() => onAction('resume')}>
            {t('desk.actions.resume')}
          </button>
        )}
        {ticket.state === 'serving' && panelButton('finish')}
        {(ticket.state === 'called' || ticket.state === 'serving') && panelButton('park')}
        {panelButton('transfer')}
      </div>
      {panel === 'park' && (
        <div id="desk-panel-park" className="desk-subpanel">
          <DeskParkForm busy={busy} onPark={(minutes) => onAction('park', { minutes })} />
        </div>
      )}
      {panel === 'transfer' && (
        <div id="desk-panel-transfer" className="desk-subpanel">
          <DeskTransferForm
            queues={queues}
            currentQueueId={ticket.queueId}
            agencies={agencies}
            busy={busy}
            onTransfer={(queueId, note) => onAction('transfer', note ? { queueId, note } : { queueId })}
          />
        </div>
      )}
      {panel === 'finish' && (
        <div id="desk-panel-finish" className="desk-subpanel">
          <DeskFinishForm
            services={visitServices}
            agencies={agencies}
            ownAgencyId={ownAgencyId}
            busy={busy}
            onFinish={(input) => onAction('finish', input)}
          />
        </div>
      )}
    </section>
  );
}
