// When the visitor is called (or called again): a system notification if allowed, and a vibration on phones.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../../contracts/visits.ts';

function notify(title: string, body: string, tag: string, lang: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag, lang });
  } catch {
    // Android Chrome allows notifications only from a service worker; the alert and vibration remain.
  }
}

export function useCallAlert(ticket: Ticket | undefined): void {
  const { t, i18n } = useTranslation('visits');
  const last = useRef<string | null>(null);
  const key = ticket?.state === 'called' ? `${ticket.id}:${ticket.calledAt}:${ticket.recallCount}` : null;

  useEffect(() => {
    if (!ticket || key === null || key === last.current) return;
    last.current = key;
    const counter = ticket.counterName ?? '';
    notify(
      t('ticket.notify.title', { number: ticket.number }),
      t('ticket.notify.body', { counter }),
      ticket.id,
      i18n.language,
    );
    if (typeof navigator.vibrate === 'function') navigator.vibrate([400, 200, 400, 200, 400]);
  }, [key, ticket, t, i18n.language]);
}
