// A new pathway template as a copy of one of the office's templates: the coordinator picks it and names
// the copy, which then opens in the editor.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Template } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { SelectField, TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpFormErrors } from './mp-errors.ts';
import { templatePage, templatesPath } from './mp-paths.ts';

export function TemplateCopyForm({ officeId, templates }: { officeId: string; templates: Template[] }) {
  const { t } = useTranslation('motesplats');
  const navigate = useNavigate();
  const [sourceId, setSourceId] = useState(templates[0]!.id);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const source = templates.find((x) => x.id === sourceId);
    const checks: Array<[string, string]> = [];
    if (!name.trim()) checks.push(['mp-tpl-copy-name', t('templates.check.name')]);
    else if (templates.some((x) => x.name === name.trim())) checks.push(['mp-tpl-copy-name', t('templates.check.nameTaken')]);
    setErrors(errorsFromChecks(checks));
    if (checks.length || !source) return;
    try {
      const created = await api.post<Template>(templatesPath(officeId), { name: name.trim(), steps: source.steps });
      void navigate(templatePage(officeId, created.id));
    } catch (err) {
      setErrors(mpFormErrors(err, { name: 'mp-tpl-copy-name' }));
    }
  };

  return (
    <section className="mp-section" aria-labelledby="mp-tpl-copy-title">
      <h2 id="mp-tpl-copy-title">{t('templates.copyTitle')}</h2>
      <form className="mp-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mp-tpl-copy-title">
        <MpErrorSummary id="mp-tpl-copy-errors" errors={errors} />
        <SelectField id="mp-tpl-copy-source" label={t('templates.copySource')} value={sourceId} onChange={setSourceId} errors={errors}>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
        <TextField id="mp-tpl-copy-name" label={t('templates.copyName')} value={name} onChange={setName} errors={errors} width="medium" />
        <p className="mp-actions">
          <button type="submit" className="mp-button">
            {t('templates.copy')}
          </button>
        </p>
      </form>
    </section>
  );
}
