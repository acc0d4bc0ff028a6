// The officer's desk: set-up, "call next", the current visit with its actions, and parked visits.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../contracts/auth.ts';
import type { Agency, Office, Service } from '../../../../contracts/registry.ts';
import type { CallNextInput, OfficeQueue, Ticket } from '../../../../contracts/visits.ts';
import { ApiError, api } from '../../lib/api.ts';
import { DeskCurrent, type DeskAction } from './desk-current.tsx';
import { deskErrorMessage, mayServe, ownAgencyId } from './desk-model.ts';
import { DeskParked } from './desk-parked.tsx';
import { DeskSetup } from './desk-setup.tsx';
import { usePolling } from './use-polling.ts';

const QUEUE_POLL_MS = 5_000;

type Message = { kind: 'error' | 'info'; text: string } | null;

function useStored(key: string, initial: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? initial);
  const set = (next: string) => {
    setValue(next);
    localStorage.setItem(key, next);
  };
  return [value, set];
}

interface Props {
  me: Me;
  office: Office;
  services: Service[];
  agencies: Agency[];
}

export function DeskWorkspace({ me, office, services, agencies }: Props) {
  const { t } = useTranslation('visits');
  const base = `/offices/${office.id}`;
  const [counterName, setCounterName] = useStored(`desk-counter:${office.id}`, '');
  const [offList, setOffList] = useStored(`desk-queues-off:${office.id}`, '');
  const [queues, setQueues] = useState<OfficeQueue[]>([]);
  const [current, setCurrent] = useState<Ticket | null>(null);
  const [focusCurrent, setFocusCurrent] = useState(false);
  const [parked, setParked] = useState<Ticket[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [setupErrors, setSetupErrors] = useState<{ counter?: string; queues?: string }>({});
  const callButton = useRef<HTMLButtonElement>(null);

  usePolling(() => api.get<OfficeQueue[]>(`${base}/queues`).then(setQueues, () => undefined), QUEUE_POLL_MS);
  const loadCurrent = useCallback(() => {
    api.get<Ticket | undefined>(`${base}/desk/current`).then(
      (ticket) => setCurrent(ticket ?? null),
      () => undefined,
    );
  }, [base]);
  useEffect(loadCurrent, [loadCurrent]);

  const servable = queues.filter((q) => mayServe(me, office.id, q));
  const off = offList.split(',').filter(Boolean);
  // Queues are stored as "not served", so a queue opened later today is served by default.
  const selected = servable.filter((q) => !off.includes(q.id)).map((q) => q.id);
  const toggleQueue = (queueId: string, on: boolean) =>
    setOffList((on ? off.filter((x) => x !== queueId) : [...off, queueId]).join(','));

  async function callNext() {
    const name = counterName.trim();
    const errors = {
      counter: name ? undefined : t('desk.counterMissing'),
      queues: selected.length > 0 ? undefined : t('desk.queuesMissing'),
    };
    setSetupErrors(errors);
    if (errors.counter || errors.queues) {
      setMessage({ kind: 'error', text: errors.counter ?? errors.queues ?? '' });
      return;
    }
    setBusy(true);
    try {
      const body: CallNextInput = { counterName: name, queueIds: selected };
      const ticket = await api.post<Ticket | undefined>(`${base}/desk/call-next`, body);
      if (ticket) {
        setCurrent(ticket);
        setFocusCurrent(true);
        setMessage({ kind: 'info', text: t('desk.called', { number: ticket.number, counter: name }) });
      } else {
        setMessage({ kind: 'info', text: t('desk.nobodyWaiting') });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: deskErrorMessage(err, t) });
      if (err instanceof ApiError && err.status === 409) loadCurrent();
    } finally {
      setBusy(false);
    }
  }

  async function act(ticket: Ticket, action: DeskAction, body?: unknown) {
    setBusy(true);
    try {
      const updated = await api.post<Ticket>(`/tickets/${ticket.id}/${action}`, body);
      setParked((list) => {
        const rest = list.filter((p) => p.id !== updated.id);
        return updated.state === 'parked' ? [...rest, updated] : rest;
      });
      const stays = updated.state === 'called' || updated.state === 'serving';
      setCurrent(stays ? updated : null);
      setFocusCurrent(action === 'resume');
      setMessage({ kind: 'info', text: t(`desk.done.${action}`, { number: updated.number }) });
      if (!stays) callButton.current?.focus();
    } catch (err) {
      setMessage({ kind: 'error', text: deskErrorMessage(err, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="desk-messages">
        <p role="alert" className={message?.kind === 'error' ? 'desk-message error' : 'desk-message-empty'}>
          {message?.kind === 'error' ? message.text : ''}
        </p>
        <p role="status" className={message?.kind === 'info' ? 'desk-message info' : 'desk-message-empty'}>
          {message?.kind === 'info' ? message.text : ''}
        </p>
      </div>
      <div className="desk-grid">
        <div>
          <div className="desk-call">
            <button type="button" ref={callButton} className="button desk-call-button" disabled={busy} onClick={() => void callNext()}>
              {t('desk.callNext')}
            </button>
          </div>
          {current ? (
            <DeskCurrent
              key={current.id}
              ticket={current}
              services={services}
              agencies={agencies}
              queues={queues}
              ownAgencyId={ownAgencyId(me)}
              busy={busy}
              focusOnMount={focusCurrent}
              onAction={(action, body) => void act(current, action, body)}
            />
          ) : (
            <p className="desk-idle">{t('desk.noCurrent')}</p>
          )}
          <DeskParked tickets={parked} busy={busy} onResume={(ticket) => void act(ticket, 'resume')} />
        </div>
        <DeskSetup
          counterName={counterName}
          onCounterName={setCounterName}
          counterError={setupErrors.counter}
          queues={servable}
          selected={selected}
          onToggle={toggleQueue}
          queuesError={setupErrors.queues}
          agencies={agencies}
        />
      </div>
    </>
  );
}
