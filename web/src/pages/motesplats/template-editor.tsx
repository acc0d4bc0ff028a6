// The coordinator edits a pathway template: its name and steps (add, remove, move, change), checked in
// the browser for the obvious and by the API for the rest (no cycles, every step reachable); every
// problem is listed in the error summary, naming the step and linked to its field. The pathway overview
// above the form follows the draft as it is edited.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { templatePath } from './mp-paths.ts';
import { draftOfTemplate, emptyStep, toTemplateInput, type StepDraft, type TemplateDraft } from './template-draft.ts';
import { checkTemplate, templateErrors } from './template-errors.ts';
import { TemplatePathway } from './template-pathway.tsx';
import { TemplateStepFields } from './template-step-fields.tsx';

interface Props {
  officeId: string;
  template: Template;
  stationName: (station: string) => string;
  onSaved: (saved: Template) => void;
}

export function TemplateEditor({ officeId, template, stationName, onSaved }: Props) {
  const { t } = useTranslation('motesplats');
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOfTemplate(template));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const setSteps = (steps: StepDraft[]) => setDraft((d) => ({ ...d, steps }));

  const move = (i: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(i, 1);
    steps.splice(i + by, 0, step!);
    setSteps(steps);
  };
  // A removed step is also no longer waited for.
  const remove = (uid: string) => setSteps(draft.steps.filter((s) => s.uid !== uid).map((s) => ({ ...s, after: s.after.filter((u) => u !== uid) })));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    const checks = checkTemplate(draft, t);
    setErrors(errorsFromChecks(checks));
    if (checks.length) return;
    const sent = draft;
    setBusy(true);
    try {
      const saved = await api.put<Template>(templatePath(officeId, template.id), toTemplateInput(sent));
      setDraft(draftOfTemplate(saved));
      setMessage(t('templates.saved', { version: saved.version }));
      onSaved(saved);
    } catch (err) {
      setErrors(templateErrors(err, sent, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <TemplatePathway steps={draft.steps} stationName={stationName} />
      <section className="mp-section" aria-labelledby="mp-tpl-edit-title">
        <h2 id="mp-tpl-edit-title">{t('templates.edit')}</h2>
        <form className="mp-form mp-template-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="mp-tpl-edit-title">
          <MpErrorSummary id="mp-tpl-errors" errors={errors} />
          <TextField id="mp-tpl-name" label={t('templates.templateName')} value={draft.name} onChange={(name) => setDraft((d) => ({ ...d, name }))} errors={errors} width="medium" />
          <div id="mp-tpl-steps" tabIndex={-1}>
            {draft.steps.map((s, i) => (
              <TemplateStepFields
                key={s.uid}
                step={s}
                index={i}
                steps={draft.steps}
                stationName={stationName}
                errors={errors}
                onChange={(step) => setSteps(draft.steps.map((x) => (x.uid === s.uid ? step : x)))}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(s.uid)}
              />
            ))}
          </div>
          <p className="mp-actions">
            <button type="button" id="mp-tpl-add" className="mp-button mp-button-secondary" onClick={() => setSteps([...draft.steps, emptyStep()])}>
              {t('templates.addStep')}
            </button>
            <button type="submit" className="mp-button" disabled={busy}>
              {busy ? t('register.saving') : t('templates.save')}
            </button>
          </p>
          <p role="status" className="mp-message">
            {message}
          </p>
        </form>
      </section>
    </>
  );
}
