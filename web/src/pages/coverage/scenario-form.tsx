// The scenario's controls: service and county (applied at once: they only change the figures shown),
// the offices closed so far, and the "add sites" form (applied on submit: it is a computation).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageContext, Objective } from '../../../../contracts/coverage.ts';
import type { Scenario } from './coverage-model.ts';

interface Props {
  context: CoverageContext;
  scenario: Scenario;
  closedNames: string[];
  onChange: (next: Scenario) => void;
}

export function ScenarioForm({ context, scenario, closedNames, onChange }: Props) {
  const { t, i18n } = useTranslation('coverage');
  const en = i18n.language === 'en';
  return (
    <div className="coverage-controls">
      <div className="control">
        <label htmlFor="cov-service" className="field-label">{t('form.service')}</label>
        <select
          id="cov-service"
          value={scenario.service ?? ''}
          // Closures belong to a service's network; another service starts from its own offices.
          onChange={(e) => onChange({ ...scenario, service: e.target.value || null, closed: [] })}
        >
          <option value="">{t('form.anyOffice')}</option>
          {context.services.filter((s) => s.officeCount > 0).map((s) => (
            <option key={s.id} value={s.id}>{t('form.serviceOption', { name: en ? s.nameEn : s.nameSv, agency: s.agencyCode, count: s.officeCount })}</option>
          ))}
        </select>
      </div>
      <div className="control">
        <label htmlFor="cov-county" className="field-label">{t('form.county')}</label>
        <select id="cov-county" value={scenario.county ?? ''} onChange={(e) => onChange({ ...scenario, county: e.target.value || null })}>
          <option value="">{t('form.wholeCountry')}</option>
          {context.counties.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </div>
      <ClosedOffices names={closedNames} ignored={!scenario.keepNetwork} onReopen={() => onChange({ ...scenario, closed: [] })} />
      <AddSitesForm scenario={scenario} onChange={onChange} />
    </div>
  );
}

function ClosedOffices({ names, ignored, onReopen }: { names: string[]; ignored: boolean; onReopen: () => void }) {
  const { t } = useTranslation('coverage');
  if (names.length === 0) return <p className="hint closed-hint">{t('form.closeHint')}</p>;
  return (
    <div className="closed-offices">
      <p>
        <strong>{t('form.closed')}</strong> {names.join(', ')}
        {ignored && <span className="hint"> {t('form.closedIgnored')}</span>}
      </p>
      <button type="button" className="button secondary" onClick={onReopen}>{t('form.reopenAll')}</button>
    </div>
  );
}

function AddSitesForm({ scenario, onChange }: { scenario: Scenario; onChange: (next: Scenario) => void }) {
  const { t } = useTranslation('coverage');
  const [k, setK] = useState(String(scenario.add ?? 5));
  const [objective, setObjective] = useState<Objective>(scenario.objective);
  const [cover, setCover] = useState(String(scenario.coverMinutes));
  const [keep, setKeep] = useState(scenario.keepNetwork);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The inputs' own limits (required, min, max) are checked by the browser before this runs.
    onChange({ ...scenario, add: Number(k), objective, coverMinutes: Number(cover), keepNetwork: keep });
  };
  return (
    <form className="add-sites" onSubmit={submit}>
      <fieldset>
        <legend>{t('form.addLegend')}</legend>
        <div className="control">
          <label htmlFor="cov-k" className="field-label">{t('form.k')}</label>
          <input id="cov-k" type="number" inputMode="numeric" min={1} max={150} required value={k} onChange={(e) => setK(e.target.value)} />
        </div>
        <fieldset className="objective">
          <legend className="field-label">{t('form.objective')}</legend>
          {(['pmedian', 'maxcover'] as const).map((o) => (
            <label key={o} className="choice">
              <input type="radio" name="objective" value={o} checked={objective === o} onChange={() => setObjective(o)} />
              {t(`form.objectives.${o}`)}
            </label>
          ))}
        </fieldset>
        <div className="control">
          <label htmlFor="cov-t" className="field-label">{t('form.coverMinutes')}</label>
          <input id="cov-t" type="number" inputMode="numeric" min={5} max={180} required disabled={objective !== 'maxcover'} value={cover} onChange={(e) => setCover(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
          {t('form.keepNetwork')}
        </label>
        <p className="hint">{scenario.county ? t('form.candidatesCounty') : t('form.candidatesAll')}</p>
        <div className="actions">
          <button type="submit" className="button">{t('form.addSubmit')}</button>
          {scenario.add !== null && (
            <button type="button" className="button secondary" onClick={() => onChange({ ...scenario, add: null })}>{t('form.addClear')}</button>
          )}
        </div>
      </fieldset>
    </form>
  );
}
