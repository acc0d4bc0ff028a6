// Desk: finish the visit with an outcome, which errands were done, and who performed them on whose behalf.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, Service } from '../../../../contracts/registry.ts';
import { localName } from '../../lib/locale-format.ts';
import type { FinishInput } from '../../../../contracts/visits.ts';
import { OUTCOMES, type Outcome } from './outcomes.ts';

interface Props {
  services: Service[];
  agencies: Agency[];
  /** The officer's own agency, preselected as performer where the service allows it. */
  ownAgencyId: string | null;
  busy: boolean;
  onFinish: (input: FinishInput) => void;
}

/** Agencies that may perform the service on its owner's behalf (tjänstesamverkan). */
function performerAgencies(service: Service): string[] {
  return service.performers.flatMap((p) => (p.kind === 'agency' && p.agencyId !== service.agencyId ? [p.agencyId] : []));
}

export function DeskFinishForm({ services, agencies, ownAgencyId, busy, onFinish }: Props) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const [outcome, setOutcome] = useState<Outcome>('resolved');
  const [done, setDone] = useState<Record<string, boolean>>(() => Object.fromEntries(services.map((s) => [s.id, true])));
  const [performer, setPerformer] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      services.map((s) => [s.id, ownAgencyId && performerAgencies(s).includes(ownAgencyId) ? ownAgencyId : '']),
    ),
  );
  const agencyName = (id: string) => {
    const a = agencies.find((x) => x.id === id);
    return a ? localName(a, lang) : '';
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onFinish({
      outcome,
      performed: services.map((s) => ({
        serviceId: s.id,
        done: done[s.id] ?? true,
        ...(performerAgencies(s).length > 0 ? { performedByAgencyId: performer[s.id] || null } : {}),
      })),
    });
  };

  return (
    <form className="desk-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend className="field-label">{t('desk.finish.outcome')}</legend>
        {OUTCOMES.map((o) => (
          <div key={o} className="desk-choice">
            <input
              type="radio"
              id={`desk-outcome-${o}`}
              name="desk-outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            <label htmlFor={`desk-outcome-${o}`}>{t(`desk.finish.outcomes.${o}`)}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend className="field-label">{t('desk.finish.services')}</legend>
        {services.map((s) => {
          const performers = performerAgencies(s);
          return (
            <div key={s.id} className="desk-service">
              <div className="desk-choice">
                <input
                  type="checkbox"
                  id={`desk-done-${s.id}`}
                  checked={done[s.id] ?? true}
                  onChange={(e) => setDone({ ...done, [s.id]: e.target.checked })}
                />
                <label htmlFor={`desk-done-${s.id}`}>
                  {t('desk.finish.done', { service: localName(s, lang), agency: agencyName(s.agencyId) })}
                </label>
              </div>
              {performers.length > 0 && (
                <div className="desk-field desk-performer">
                  <label htmlFor={`desk-performer-${s.id}`}>{t('desk.finish.performedBy')}</label>
                  <select
                    id={`desk-performer-${s.id}`}
                    value={performer[s.id] ?? ''}
                    onChange={(e) => setPerformer({ ...performer, [s.id]: e.target.value })}
                  >
                    <option value="">{t('desk.finish.performedByNone', { agency: agencyName(s.agencyId) })}</option>
                    {performers.map((id) => (
                      <option key={id} value={id}>
                        {agencyName(id)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {t('desk.finish.submit')}
      </button>
    </form>
  );
}
