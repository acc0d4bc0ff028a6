// One step of a pathway template in the editor: its key and name, station, scope and length, the steps
// that come first, who it applies to, and moving or removing it.
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../admin/form-errors.ts';
import { CheckboxGroup, SelectField, TextField } from '../admin/form-fields.tsx';
import { STATION_ORDER } from './mp-status.ts';
import { stepFieldId, type StepDraft, type StepField } from './template-draft.ts';
import { TemplateAppliesFields } from './template-applies-fields.tsx';

interface Props {
  step: StepDraft;
  index: number;
  steps: StepDraft[];
  stationName: (station: string) => string;
  errors: FormErrors;
  onChange: (step: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function TemplateStepFields({ step, index, steps, stationName, errors, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation('motesplats');
  const id = (f: StepField) => stepFieldId(step.uid, f);
  const set = <K extends keyof StepDraft>(field: K) => (value: StepDraft[K]) => onChange({ ...step, [field]: value });
  const title = t('templates.stepLabel', { n: index + 1, name: step.name.trim() || step.key.trim() || t('templates.newStep') });
  const others = steps.filter((s) => s.uid !== step.uid);
  return (
    <fieldset className="mp-template-step" aria-labelledby={`${id('key')}-legend`}>
      <legend id={`${id('key')}-legend`}>{title}</legend>
      <div className="mp-form-row">
        <TextField id={id('name')} label={t('templates.name')} value={step.name} onChange={set('name')} errors={errors} width="full" />
      </div>
      <div className="mp-form-row">
        <TextField id={id('key')} label={t('templates.key')} hint={t('templates.keyHint')} value={step.key} onChange={(v) => set('key')(v.toLowerCase())} errors={errors} width="medium" />
        <SelectField id={id('station')} label={t('templates.station')} value={step.station} onChange={set('station')} errors={errors}>
          {[...new Set([...STATION_ORDER, step.station])].map((s) => (
            <option key={s} value={s}>
              {stationName(s)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset id={id('scope')} className="admin-fieldset">
        <legend>{t('templates.scope')}</legend>
        {(['person', 'household'] as const).map((scope) => (
          <div className="admin-checkbox" key={scope}>
            <input type="radio" id={`${id('scope')}-${scope}`} name={id('scope')} checked={step.scope === scope} onChange={() => set('scope')(scope)} />
            <label htmlFor={`${id('scope')}-${scope}`}>{t(`templates.scopes.${scope}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="mp-form-row">
        <TextField id={id('durationMin')} label={t('templates.duration')} value={step.durationMin} onChange={set('durationMin')} errors={errors} inputMode="numeric" width="short" />
        {step.scope === 'household' && (
          <TextField id={id('perMemberMin')} label={t('templates.perMember')} hint={t('templates.perMemberHint')} value={step.perMemberMin} onChange={set('perMemberMin')} errors={errors} inputMode="numeric" width="short" />
        )}
      </div>
      {step.scope === 'household' && (
        <div className="admin-checkbox">
          <input type="checkbox" id={id('withParent')} checked={step.withParent} onChange={(e) => set('withParent')(e.target.checked)} />
          <label htmlFor={id('withParent')}>{t('templates.withParent')}</label>
        </div>
      )}
      {others.length > 0 && (
        <CheckboxGroup
          id={id('after')}
          legend={t('templates.after')}
          hint={t('templates.afterHint')}
          options={others.map((o) => ({ value: o.uid, label: `${stationName(o.station)}: ${o.name.trim() || o.key.trim() || t('templates.newStep')}` }))}
          selected={step.after}
          onChange={set('after')}
          errors={errors}
        />
      )}
      <TemplateAppliesFields step={step} errors={errors} onChange={onChange} />
      <p className="mp-actions">
        <button type="button" className="mp-button mp-button-secondary" onClick={() => onMove(-1)} disabled={index === 0}>
          {t('templates.moveUp')}
          <span className="visually-hidden"> {title}</span>
        </button>
        <button type="button" className="mp-button mp-button-secondary" onClick={() => onMove(1)} disabled={index === steps.length - 1}>
          {t('templates.moveDown')}
          <span className="visually-hidden"> {title}</span>
        </button>
        <button type="button" className="mp-link-button" onClick={onRemove}>
          {t('templates.remove')}
          <span className="visually-hidden"> {title}</span>
        </button>
      </p>
    </fieldset>
  );
}
