// The office's pathway templates at /kontor/:id/motesplats/mallar (staff; Swedish and English): each
// with its steps and version, a link to open and edit it, and for the coordinator a new template made
// as a copy of an existing one.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Template } from '../../../../contracts/motesplats.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { boardPage, templatePage, templatesPath } from './mp-paths.ts';
import { TemplateCopyForm } from './template-copy-form.tsx';
import { useTemplateContext } from './use-template-context.ts';
import '../admin/admin.css';
import './motesplats.css';

export function TemplatesPage() {
  const { id = '' } = useParams();
  const { pathname, search } = useLocation();
  const { t, i18n } = useTranslation('motesplats');
  const { me, office, mayEdit } = useTemplateContext(id);
  const templates = useApiData<Template[]>(me.kind === 'in' ? templatesPath(id) : null);
  useDocumentTitle(office.data ? `${t('templates.title')} – ${office.data.name}` : t('templates.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  const list = templates.data;
  return (
    <div className="page mp-board" {...(i18n.language === 'en' ? {} : swedishTextProps(i18n.language))}>
      <h1>
        {t('templates.title')}
        {office.data && <span className="mp-office">{office.data.name}</span>}
      </h1>
      <p>
        <Link to={boardPage(id)}>{t('report.back')}</Link>
      </p>
      <p>{t('templates.intro')}</p>
      {templates.error && <p role="alert">{t('templates.loadError')}</p>}
      {!list && !templates.error && <p role="status">{t('loading')}</p>}
      {list && (
        <section className="mp-section" aria-labelledby="mp-tpl-list-title">
          <h2 id="mp-tpl-list-title">{t('templates.listTitle', { count: list.length })}</h2>
          <ul className="mp-households">
            {list.map((tpl) => (
              <li key={tpl.id} className="mp-household">
                <h3>
                  <Link to={templatePage(id, tpl.id)}>{tpl.name}</Link>
                </h3>
                <p>{t('templates.facts', { count: tpl.steps.length, version: tpl.version, date: tpl.updatedAt.slice(0, 10) })}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {list && mayEdit && list.length > 0 && <TemplateCopyForm officeId={id} templates={list} />}
    </div>
  );
}
