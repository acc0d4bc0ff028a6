// Kiosk step 2: choose the errands (grouped by agency), extra support and an optional SMS number, then take a ticket.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Office, Service } from '../../../../contracts/registry.ts';
import type { TakeTicketInput, Ticket } from '../../../../contracts/visits.ts';
import { ApiError, api } from '../../lib/api.ts';
import { localName, swedishTextProps } from '../../lib/locale-format.ts';
import { apiReason } from './api-reason.ts';
import { kioskHeaders } from './kiosk-device.ts';
import { retryMinutes } from './retry-minutes.ts';
import { KioskErrors, type KioskError } from './kiosk-errors.tsx';
import { useFocusHeading } from './use-focus-heading.ts';
import type { VisitorLanguageCode } from '../../i18n/index.ts';

const MAX_SERVICES = 5;
const PHONE_ID = 'kiosk-phone';
const FIRST_SERVICE_ID = 'kiosk-service-first';

/** Spaces, dashes and brackets removed; 0046 written as +46. Undefined when nothing was typed. */
export function normalisePhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s\-().]/g, '').replace(/^0046/, '+46');
  return compact === '' ? undefined : compact;
}
const PHONE_PATTERN = /^(\+46|0)7[0-9]{8}$/;
/** A sample number, isolated left to right so its digit groups keep their order in Arabic and Dari/Persian. */
const PHONE_EXAMPLE = { example: '\u2066070 123 45 67\u2069' };

interface Props {
  office: Office;
  services: Service[];
  agencies: Agency[];
  language: VisitorLanguageCode;
  onTicket: (ticket: Ticket) => void;
  onCheckIn: () => void;
}

interface Group {
  agencyId: string;
  name: string;
  services: Service[];
}

function groupByAgency(office: Office, services: Service[], agencies: Agency[], lang: string): Group[] {
  const offered = services.filter((s) => office.serviceIds.includes(s.id) && s.channels.includes('in_person'));
  const byAgency = new Map(agencies.map((a) => [a.id, a]));
  return [...new Set(offered.map((s) => s.agencyId))]
    .map((agencyId) => {
      const agency = byAgency.get(agencyId);
      return {
        agencyId,
        name: agency ? localName(agency, lang) : '',
        services: offered
          .filter((s) => s.agencyId === agencyId)
          .sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), 'sv')),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export function KioskServicesStep({ office, services, agencies, language, onTicket, onCheckIn }: Props) {
  const { t } = useTranslation('visits');
  const heading = useFocusHeading();
  const [chosen, setChosen] = useState<string[]>([]);
  const [priority, setPriority] = useState(false);
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<KioskError[]>([]);
  const [busy, setBusy] = useState(false);
  const groups = groupByAgency(office, services, agencies, language);
  const registryProps = swedishTextProps(language, true);
  const full = chosen.length >= MAX_SERVICES;
  const phoneError = errors.find((e) => e.targetId === PHONE_ID);

  const toggle = (id: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: KioskError[] = [];
    if (chosen.length === 0) found.push({ targetId: FIRST_SERVICE_ID, message: t('kiosk.noServiceChosen') });
    const normalised = normalisePhone(phone);
    if (normalised !== undefined && !PHONE_PATTERN.test(normalised)) {
      found.push({ targetId: PHONE_ID, message: t('kiosk.phoneInvalid', PHONE_EXAMPLE) });
    }
    setErrors(found);
    if (found.length > 0) return;
    const body: TakeTicketInput = { serviceIds: chosen, language, priority };
    if (normalised !== undefined) body.phone = normalised;
    setBusy(true);
    try {
      onTicket(await api.post<Ticket>(`/offices/${office.id}/tickets`, body, kioskHeaders(office.id)));
    } catch (err) {
      setBusy(false);
      setErrors([{ message: takeErrorMessage(err) }]);
    }
  }

  function takeErrorMessage(err: unknown): string {
    if (!(err instanceof ApiError)) return t('kiosk.error.network');
    if (apiReason(err) === 'office_closed') return t('kiosk.error.officeClosed');
    if (err.code === 'rate_limited') return t('kiosk.error.tooMany', { minutes: retryMinutes(err) });
    if (err.field?.startsWith('serviceIds')) return t('kiosk.error.notOffered');
    if (err.field === 'phone') return t('kiosk.phoneInvalid', PHONE_EXAMPLE);
    return t('kiosk.error.generic');
  }

  const firstServiceId = groups[0]?.services[0]?.id;
  return (
    <section className="kiosk-step" aria-labelledby="kiosk-services-title">
      <h1 id="kiosk-services-title" ref={heading} tabIndex={-1}>
        {t('kiosk.servicesTitle')}
      </h1>
      <KioskErrors errors={errors} />
      {groups.length === 0 ? (
        <p className="kiosk-lead">{t('kiosk.noServices')}</p>
      ) : (
        <form className="kiosk-form" onSubmit={submit} noValidate>
          <p className="kiosk-lead" id="kiosk-services-hint">
            {t('kiosk.servicesHint')}
          </p>
          {groups.map((g) => (
            <fieldset key={g.agencyId} className="kiosk-group">
              <legend>
                <span {...registryProps}>{g.name}</span>
              </legend>
              <ul className="kiosk-options">
                {g.services.map((s) => {
                  const checked = chosen.includes(s.id);
                  const id = s.id === firstServiceId ? FIRST_SERVICE_ID : `kiosk-service-${s.id}`;
                  return (
                    <li key={s.id}>
                      <input
                        type="checkbox"
                        id={id}
                        className="kiosk-check"
                        checked={checked}
                        disabled={full && !checked}
                        onChange={(e) => toggle(s.id, e.target.checked)}
                      />
                      <label htmlFor={id} className="kiosk-option">
                        <span {...registryProps}>{localName(s, language)}</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          ))}
          <p className="kiosk-note" aria-live="polite">
            {full ? t('kiosk.maxServices', { max: MAX_SERVICES }) : ''}
          </p>

          <div className="kiosk-extra">
            <input
              type="checkbox"
              id="kiosk-priority"
              className="kiosk-check"
              checked={priority}
              onChange={(e) => setPriority(e.target.checked)}
              aria-describedby="kiosk-priority-hint"
            />
            <label htmlFor="kiosk-priority" className="kiosk-option">
              {t('kiosk.priority')}
            </label>
            <p id="kiosk-priority-hint" className="kiosk-hint">
              {t('kiosk.priorityHint')}
            </p>
          </div>

          <div className="kiosk-field">
            <label htmlFor={PHONE_ID} className="kiosk-label">
              {t('kiosk.phone')}
            </label>
            <p id={`${PHONE_ID}-hint`} className="kiosk-hint">
              {t('kiosk.phoneHint', PHONE_EXAMPLE)}
            </p>
            {phoneError && (
              <p id={`${PHONE_ID}-error`} className="kiosk-field-error">
                {phoneError.message}
              </p>
            )}
            <input
              id={PHONE_ID}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              dir="ltr"
              className="kiosk-input"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              aria-invalid={phoneError ? true : undefined}
              aria-describedby={`${PHONE_ID}-hint${phoneError ? ` ${PHONE_ID}-error` : ''}`}
            />
          </div>

          <div className="kiosk-actions">
            <button type="submit" className="kiosk-big-button kiosk-primary" disabled={busy}>
              {busy ? t('kiosk.taking') : t('kiosk.takeTicket')}
            </button>
          </div>
        </form>
      )}
      <div className="kiosk-actions">
        <button type="button" className="kiosk-big-button kiosk-secondary" onClick={onCheckIn}>
          {t('kiosk.checkInButton')}
        </button>
      </div>
    </section>
  );
}
