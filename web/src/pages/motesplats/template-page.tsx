// One pathway template at /kontor/:id/motesplats/mallar/:templateId (staff; Swedish and English): the
// pathway as a readable list, and for the office's coordinator the editor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Template } from '../../../../contracts/motesplats.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { templatePath, templatesPage } from './mp-paths.ts';
import { draftOfTemplate } from './template-draft.ts';
import { TemplateEditor } from './template-editor.tsx';
import { TemplatePathway } from './template-pathway.tsx';
import { useTemplateContext } from './use-template-context.ts';
import '../admin/admin.css';
import './motesplats.css';

export function TemplatePage() {
  const { id = '', templateId = '' } = useParams();
  const { pathname, search } = useLocation();
  const { t, i18n } = useTranslation('motesplats');
  const { me, office, ready, failed, stationName, mayEdit } = useTemplateContext(id);
  const template = useApiData<Template>(me.kind === 'in' ? templatePath(id, templateId) : null);
  const [saved, setSaved] = useState<Template>();
  const tpl = saved?.id === templateId ? saved : template.data;
  const name = tpl?.name;
  useDocumentTitle(name ? `${name} – ${t('templates.title')}` : t('templates.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  let content;
  if (template.error || failed) content = <p role="alert">{t('templates.loadError')}</p>;
  else if (!tpl || !ready) content = <p role="status">{t('loading')}</p>;
  else if (mayEdit) content = <TemplateEditor key={tpl.id} officeId={id} template={tpl} stationName={stationName} onSaved={setSaved} />;
  else content = <TemplatePathway steps={draftOfTemplate(tpl).steps} stationName={stationName} />;

  return (
    <div className="page mp-board" {...(i18n.language === 'en' ? {} : swedishTextProps(i18n.language))}>
      <h1>
        {name ?? t('templates.title')}
        {office.data && <span className="mp-office">{office.data.name}</span>}
      </h1>
      <p>
        <Link to={templatesPage(id)}>{t('templates.back')}</Link>
      </p>
      {tpl && <p>{t('templates.facts', { count: tpl.steps.length, version: tpl.version, date: tpl.updatedAt.slice(0, 10) })}</p>}
      {content}
    </div>
  );
}
