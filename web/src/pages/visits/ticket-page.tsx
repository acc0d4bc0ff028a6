// The visitor's own ticket at /biljett/:id: live state, place in the queue, and the call to a counter.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Service } from '../../../../contracts/registry.ts';
import { ApiError, api } from '../../lib/api.ts';
import { localName, swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import type { VisitorLanguageCode } from '../../i18n/index.ts';
import { NotifyControl } from './notify-control.tsx';
import { TicketStatus } from './ticket-status.tsx';
import { useCallAlert } from './use-call-alert.ts';
import { useEventStream } from './use-event-stream.ts';
import { usePolling } from './use-polling.ts';
import { isVisitorLanguage, useVisitorLanguage } from './use-visitor-language.ts';
import { VisitorLanguageSelect } from './visitor-language-select.tsx';
import type { Ticket } from '../../../../contracts/visits.ts';
import './visits.css';

const POLL_WHILE_OFFLINE_MS = 10_000;
const FINAL_STATES: ReadonlyArray<Ticket['state']> = ['done', 'no_show', 'cancelled'];

const languageKey = (id: string) => `ticket-lang:${id}`;

/** The ticket's language, unless the visitor picked another one for this ticket on this device. */
function useTicketLanguage(id: string, ticket: Ticket | undefined) {
  const [language, setLanguage] = useVisitorLanguage();
  const applied = useRef(false);
  useEffect(() => {
    if (!ticket || applied.current) return;
    applied.current = true;
    const chosen = localStorage.getItem(languageKey(id));
    const wanted = isVisitorLanguage(chosen) ? chosen : ticket.language;
    if (isVisitorLanguage(wanted)) setLanguage(wanted);
  }, [id, ticket, setLanguage]);
  const choose = (code: VisitorLanguageCode) => {
    localStorage.setItem(languageKey(id), code);
    setLanguage(code);
  };
  return [language, choose] as const;
}

export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('visits');
  const [ticket, setTicket] = useState<Ticket>();
  const [error, setError] = useState<unknown>();
  const [language, chooseLanguage] = useTicketLanguage(id, ticket);
  const services = useApiData<Service[]>('/services', { cached: true });
  const final = ticket !== undefined && FINAL_STATES.includes(ticket.state);

  const onTicket = useCallback((data: unknown) => {
    setTicket(data as Ticket);
    setError(undefined);
  }, []);
  const stream = useEventStream(final ? null : `/api/v1/tickets/${encodeURIComponent(id)}/events`, { ticket: onTicket });
  // Until the stream is open (or while it is down), the ticket is fetched now and then instead.
  const load = useCallback(() => {
    api.get<Ticket>(`/tickets/${encodeURIComponent(id)}`).then(onTicket, setError);
  }, [id, onTicket]);
  usePolling(load, POLL_WHILE_OFFLINE_MS, stream !== 'open' && !final);
  useCallAlert(ticket);

  const title = !ticket
    ? t('ticket.pageTitle')
    : ticket.state === 'called'
      ? t('ticket.calledTitle', { number: ticket.number })
      : t('ticket.pageTitleNumber', { number: ticket.number });
  useDocumentTitle(title);

  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  const serviceNames = (ticket?.serviceIds ?? [])
    .map((sid) => services.data?.find((s) => s.id === sid))
    .filter((s): s is Service => s !== undefined)
    .map((s) => localName(s, language));

  return (
    <div className="visits ticket-page">
      <header className="visit-bar">
        <p className="visit-brand">{t('ticket.brand')}</p>
        <VisitorLanguageSelect value={language} onChange={chooseLanguage} />
      </header>
      <main id="main" className="ticket-main">
        {!ticket ? (
          missing ? (
            <>
              <h1>{t('ticket.pageTitle')}</h1>
              <p role="alert">{t('ticket.notFound')}</p>
            </>
          ) : error ? (
            <>
              <h1>{t('ticket.pageTitle')}</h1>
              <p role="alert">{t('ticket.loadError')}</p>
            </>
          ) : (
            <p role="status">{t('ticket.loading')}</p>
          )
        ) : (
          <>
            <h1 className="ticket-heading">
              <span className="ticket-heading-label">{t('ticket.numberLabel')}</span>{' '}
              <span className="ticket-number" dir="ltr">
                {ticket.number}
              </span>
            </h1>
            <TicketStatus ticket={ticket} />
            {serviceNames.length > 0 && (
              <div className="ticket-services">
                <h2>{t('ticket.servicesHeading')}</h2>
                <ul>
                  {serviceNames.map((name) => (
                    // The marker follows the page's direction; only the Swedish name runs left to right.
                    <li key={name}>
                      <span {...swedishTextProps(language, true)}>{name}</span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {(ticket.state === 'waiting' || ticket.state === 'parked') && <NotifyControl />}
            <p className="ticket-connection" role="status">
              {stream === 'reconnecting' && !final ? t('ticket.reconnecting') : ''}
            </p>
          </>
        )}
      </main>
    </div>
  );
}
