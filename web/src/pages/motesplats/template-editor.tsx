// The coordinator edits a pathway template: its name and steps (add, remove, move, change), checked in
// the browser for the obvious and by the API for the rest (no cycles, every step reachable); every
// problem is listed in the error summary, naming the step and linked to its field. The pathway overview
// above the form follows the draft as it is edited. With unsaved changes, leaving asks first (the
// router's blocker for links, the browser's own question for reload and close). "Save as a new template"
// makes a copy of the draft under a new name (`POST`) and opens it, leaving this template as it was.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import type { Template } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, isApiError, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { templatePage, templatePath, templatesPath } from './mp-paths.ts';
import { draftOfTemplate, emptyStep, toTemplateInput, type StepDraft, type TemplateDraft } from './template-draft.ts';
import { checkTemplate, templateErrors } from './template-errors.ts';
import { TemplateLeaveDialog } from './template-leave-dialog.tsx';
import { TemplatePathway } from './template-pathway.tsx';
import { TemplateStepFields } from './template-step-fields.tsx';

interface Props {
  officeId: string;
  template: Template;
  stationName: (station: string) => string;
  onSaved: (saved: Template) => void;
}

const NEW_NAME = 'mp-tpl-new-name';

/** The template's name errors moved to the "new template" name field. */
const onNewName = (e: FormErrors): FormErrors => ({
  ...e,
  list: e.list.map((x) => (x.targetId === 'mp-tpl-name' ? { ...x, targetId: NEW_NAME } : x)),
  byId: Object.fromEntries(Object.entries(e.byId).map(([id, m]) => [id === 'mp-tpl-name' ? NEW_NAME : id, m])),
});

export function TemplateEditor({ officeId, template, stationName, onSaved }: Props) {
  const { t } = useTranslation('motesplats');
  const navigate = useNavigate();
  const [draft, setDraft] = useState<TemplateDraft>(() => draftOfTemplate(template));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  // Which form's error summary shows the errors: the editor's or the "save as new" one's.
  const [errorsAt, setErrorsAt] = useState<'save' | 'new'>('save');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState('');

  // Unsaved: the draft, as the API would take it, differs from the template as saved.
  const savedInput = useMemo(() => JSON.stringify(toTemplateInput(draftOfTemplate(template))), [template]);
  const dirty = JSON.stringify(toTemplateInput(draft)) !== savedInput;
  const opening = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !opening.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
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
    setErrorsAt('save');
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

  const saveAsNew = async (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    setErrorsAt('new');
    const sent = { ...draft, name: newName };
    const checks = checkTemplate(sent, t).map(([id, m]): [string, string] => [id === 'mp-tpl-name' ? NEW_NAME : id, m]);
    if (newName.trim() && newName.trim() === template.name) checks.unshift([NEW_NAME, t('templates.check.nameTaken')]);
    setErrors(errorsFromChecks(checks));
    if (checks.length) return;
    setBusy(true);
    try {
      const created = await api.post<Template>(templatesPath(officeId), toTemplateInput(sent));
      opening.current = true;
      void navigate(templatePage(officeId, created.id));
    } catch (err) {
      setErrors(isApiError(err) && err.code === 'already_exists' ? errorsFromChecks([[NEW_NAME, t('templates.check.nameTaken')]]) : onNewName(templateErrors(err, sent, t)));
      setBusy(false);
    }
  };

  return (
    <>
      <TemplatePathway steps={draft.steps} stationName={stationName} />
      <section className="mp-section" aria-labelledby="mp-tpl-edit-title">
        <h2 id="mp-tpl-edit-title">{t('templates.edit')}</h2>
        <form className="mp-form mp-template-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="mp-tpl-edit-title">
          <MpErrorSummary id="mp-tpl-errors" errors={errorsAt === 'save' ? errors : NO_ERRORS} />
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
      <section className="mp-section" aria-labelledby="mp-tpl-new-title">
        <h2 id="mp-tpl-new-title">{t('templates.saveAsNewTitle')}</h2>
        <p>{t('templates.saveAsNewHint')}</p>
        <form className="mp-form" onSubmit={(e) => void saveAsNew(e)} noValidate aria-labelledby="mp-tpl-new-title">
          <MpErrorSummary id="mp-tpl-new-errors" errors={errorsAt === 'new' ? errors : NO_ERRORS} />
          <TextField id={NEW_NAME} label={t('templates.copyName')} value={newName} onChange={setNewName} errors={errors} width="medium" />
          <p className="mp-actions">
            <button type="submit" className="mp-button mp-button-secondary" disabled={busy}>
              {t('templates.saveAsNew')}
            </button>
          </p>
        </form>
      </section>
      <TemplateLeaveDialog open={blocker.state === 'blocked'} onStay={() => blocker.reset?.()} onLeave={() => blocker.proceed?.()} />
    </>
  );
}
