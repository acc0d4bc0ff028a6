// Who a template step applies to: an age range (inclusive, age on the day) and the household conditions,
// each "does not matter", "yes" or "no".
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../admin/form-errors.ts';
import { SelectField, TextField } from '../admin/form-fields.tsx';
import { CONDITIONS, stepFieldId, type StepDraft, type Tri } from './template-draft.ts';

interface Props {
  step: StepDraft;
  errors: FormErrors;
  onChange: (step: StepDraft) => void;
}

export function TemplateAppliesFields({ step, errors, onChange }: Props) {
  const { t } = useTranslation('motesplats');
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('templates.applies')}</legend>
      <div className="mp-form-row">
        {(['minAge', 'maxAge'] as const).map((f) => (
          <TextField key={f} id={stepFieldId(step.uid, f)} label={t(`templates.${f}`)} value={step[f]} onChange={(v) => onChange({ ...step, [f]: v })} errors={errors} inputMode="numeric" width="short" />
        ))}
      </div>
      <div className="mp-form-row">
        {CONDITIONS.map((c) => (
          <SelectField key={c} id={stepFieldId(step.uid, c)} label={t(`templates.conditions.${c}`)} value={step[c]} onChange={(v) => onChange({ ...step, [c]: v as Tri })} errors={errors}>
            <option value="">{t('templates.any')}</option>
            <option value="yes">{t('templates.yes')}</option>
            <option value="no">{t('templates.no')}</option>
          </SelectField>
        ))}
      </div>
    </fieldset>
  );
}
