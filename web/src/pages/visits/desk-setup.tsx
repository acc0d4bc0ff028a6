// Desk set-up: the counter's name (remembered on this computer) and the queues served, with waiting counts.
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../contracts/registry.ts';
import type { OfficeQueue } from '../../../../contracts/visits.ts';
import { localName } from '../../lib/locale-format.ts';

interface Props {
  counterName: string;
  onCounterName: (name: string) => void;
  counterError: string | undefined;
  queues: OfficeQueue[];
  selected: string[];
  onToggle: (queueId: string, on: boolean) => void;
  queuesError: string | undefined;
  agencies: Agency[];
}

export function DeskSetup(props: Props) {
  const { t, i18n } = useTranslation('visits');
  const { queues, selected, agencies } = props;
  const agencyName = (id: string) => {
    const a = agencies.find((x) => x.id === id);
    return a ? localName(a, i18n.language) : '';
  };
  return (
    <section className="desk-panel" aria-labelledby="desk-setup-title">
      <h2 id="desk-setup-title">{t('desk.setupTitle')}</h2>
      <div className="desk-field">
        <label htmlFor="desk-counter" className="field-label">
          {t('desk.counterName')}
        </label>
        <p id="desk-counter-hint" className="hint">
          {t('desk.counterHint')}
        </p>
        {props.counterError && (
          <p id="desk-counter-error" className="error">
            {props.counterError}
          </p>
        )}
        <input
          id="desk-counter"
          type="text"
          maxLength={40}
          autoComplete="off"
          value={props.counterName}
          onChange={(e) => props.onCounterName(e.target.value)}
          aria-invalid={props.counterError ? true : undefined}
          aria-describedby={`desk-counter-hint${props.counterError ? ' desk-counter-error' : ''}`}
        />
      </div>
      <fieldset className="desk-queues" aria-describedby={props.queuesError ? 'desk-queues-error' : undefined}>
        <legend className="field-label">{t('desk.queuesLegend')}</legend>
        {props.queuesError && (
          <p id="desk-queues-error" className="error">
            {props.queuesError}
          </p>
        )}
        {queues.length === 0 ? (
          <p className="hint">{t('desk.noQueues')}</p>
        ) : (
          <ul>
            {queues.map((q) => (
              <li key={q.id}>
                <input
                  type="checkbox"
                  id={`desk-queue-${q.id}`}
                  checked={selected.includes(q.id)}
                  onChange={(e) => props.onToggle(q.id, e.target.checked)}
                />
                <label htmlFor={`desk-queue-${q.id}`}>
                  <span className="desk-letter">{q.letter}</span> {agencyName(q.agencyId)}{' '}
                  <span className="desk-waiting">{t('desk.waiting', { count: q.waiting })}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </section>
  );
}
