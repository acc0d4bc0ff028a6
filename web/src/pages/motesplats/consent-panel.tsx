// Consent for one household, per agency: which basic data it may share, given or withdrawn explicitly
// by the coordinator, with every decision listed (who and when). Loaded when the panel is opened.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_FIELDS, type Consent, type ConsentField, type ConsentInput } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { mpErrorMessage } from './mp-errors.ts';
import { clockOf } from './mp-format.ts';
import { householdPath } from './mp-paths.ts';

export interface StationAgency {
  id: string;
  station: string;
  name: string;
}

interface Props {
  officeId: string;
  householdId: string;
  reference: string;
  agencies: StationAgency[];
  mayManage: boolean;
}

export function ConsentPanel({ officeId, householdId, reference, agencies, mayManage }: Props) {
  const { t } = useTranslation('motesplats');
  const [consent, setConsent] = useState<Consent>();
  const [message, setMessage] = useState('');
  const [picked, setPicked] = useState<Record<string, ConsentField[]>>({});
  const path = `${householdPath(officeId, householdId)}/consent`;
  const load = useCallback(() => {
    api.get<Consent>(path).then(setConsent, (err: unknown) => setMessage(mpErrorMessage(err)));
  }, [path]);
  useEffect(load, [load]);

  const current = (agencyId: string) => consent?.current.find((c) => c.agencyId === agencyId);
  const chosen = (agencyId: string): ConsentField[] => picked[agencyId] ?? current(agencyId)?.fields ?? [...CONSENT_FIELDS];
  const send = async (agency: StationAgency, body: ConsentInput) => {
    setMessage('');
    try {
      setConsent(await api.post<Consent>(path, body));
      setMessage(t(body.action === 'give' ? 'consent.given' : 'consent.withdrawn', { agency: agency.name }));
    } catch (err) {
      setMessage(mpErrorMessage(err));
    }
  };

  if (!consent) return <p role="status">{message || t('loading')}</p>;
  return (
    <div className="mp-consent">
      <ul className="mp-consent-agencies">
        {agencies.map((a) => {
          const now = current(a.id);
          const fields = chosen(a.id);
          return (
            <li key={a.id}>
              <fieldset>
                <legend>
                  {a.name}: {now ? t('consent.inForce', { fields: now.fields.map((f) => t(`consent.fields.${f}`)).join(', ') }) : t('consent.none')}
                </legend>
                {mayManage && (
                  <>
                    <div className="mp-consent-fields">
                      {CONSENT_FIELDS.map((f) => {
                        const id = `mp-consent-${householdId}-${a.station}-${f}`;
                        return (
                          <span key={f} className="admin-checkbox">
                            <input
                              type="checkbox"
                              id={id}
                              checked={fields.includes(f)}
                              onChange={(e) => setPicked({ ...picked, [a.id]: e.target.checked ? [...fields, f] : fields.filter((x) => x !== f) })}
                            />
                            <label htmlFor={id}>{t(`consent.fields.${f}`)}</label>
                          </span>
                        );
                      })}
                    </div>
                    <p className="mp-actions">
                      <button type="button" className="mp-button mp-button-secondary" disabled={fields.length === 0} onClick={() => void send(a, { agencyId: a.id, action: 'give', fields })}>
                        {t(now ? 'consent.change' : 'consent.give', { agency: a.station, household: reference })}
                      </button>
                      {now && (
                        <button type="button" className="mp-button mp-button-secondary" onClick={() => void send(a, { agencyId: a.id, action: 'withdraw' })}>
                          {t('consent.withdraw', { agency: a.station, household: reference })}
                        </button>
                      )}
                    </p>
                  </>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <p role="status" className="mp-message">
        {message}
      </p>
      <h4>{t('consent.history')}</h4>
      {consent.history.length === 0 ? (
        <p>{t('consent.noHistory')}</p>
      ) : (
        <ol className="mp-consent-history">
          {consent.history.map((h, i) => (
            <li key={i}>
              {h.at.slice(0, 10)} {clockOf(h.at)} {h.agencyCode}:{' '}
              {h.action === 'given'
                ? t('consent.historyGiven', { fields: h.fields.map((f) => t(`consent.fields.${f}`)).join(', ') })
                : t('consent.historyWithdrawn')}
              {h.recordedBy ? ` (${h.recordedBy})` : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
