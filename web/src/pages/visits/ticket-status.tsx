// The visitor's ticket in words: state, place in the queue, and a prominent "your turn" alert when called.
import { Trans, useTranslation } from 'react-i18next';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { QueueInfo } from './queue-info.tsx';
import type { Ticket } from '../../../../contracts/visits.ts';

/** Counter names ("Lucka 3") are Swedish, like the signs above the counters. */
function Counter({ name, lang }: { name: string; lang: string }) {
  return (
    <strong className="ticket-counter" {...swedishTextProps(lang)}>
      {name}
    </strong>
  );
}

function CallAlert({ ticket, lang }: { ticket: Ticket; lang: string }) {
  const { t } = useTranslation('visits');
  return (
    <div className="ticket-call">
      <p className="ticket-call-title">
        <Trans
          t={t}
          i18nKey="ticket.yourTurn"
          values={{ counter: ticket.counterName ?? '' }}
          components={{ counter: <Counter name={ticket.counterName ?? ''} lang={lang} /> }}
        />
      </p>
      {ticket.recallCount > 0 && <p>{t('ticket.recalled')}</p>}
    </div>
  );
}

function StateText({ ticket, lang }: { ticket: Ticket; lang: string }) {
  const { t } = useTranslation('visits');
  const counter = { counter: <Counter name={ticket.counterName ?? ''} lang={lang} /> };
  switch (ticket.state) {
    case 'waiting':
      return <>{t('ticket.waiting')}</>;
    case 'called':
      return <>{t('ticket.called')}</>;
    case 'serving':
      return <Trans t={t} i18nKey="ticket.serving" values={{ counter: ticket.counterName ?? '' }} components={counter} />;
    case 'parked':
      return <>{t('ticket.parked')}</>;
    case 'done':
      return <>{t('ticket.done')}</>;
    case 'no_show':
      return <>{t('ticket.noShow')}</>;
    case 'cancelled':
      return <>{t('ticket.cancelled')}</>;
  }
}

export function TicketStatus({ ticket }: { ticket: Ticket }) {
  const { i18n } = useTranslation('visits');
  const lang = i18n.language;
  return (
    <>
      {/* Always in the page, so that a call arriving later is announced at once. */}
      <div role="alert" className="ticket-alert-region">
        {ticket.state === 'called' && <CallAlert ticket={ticket} lang={lang} />}
      </div>
      <p className="ticket-state" role="status">
        <StateText ticket={ticket} lang={lang} />
      </p>
      <QueueInfo ticket={ticket} />
    </>
  );
}
