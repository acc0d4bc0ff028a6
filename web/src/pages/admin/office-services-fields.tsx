// Office form section: the services offered, grouped by owning agency, warning where the office lacks
// equipment a service requires (the server refuses such a save; the warning says why before it does).
import { useTranslation } from 'react-i18next';
import type { Agency, Service } from '../../../../contracts/registry.ts';
import { byLocalName, localName } from './admin-format.ts';
import { fieldAria } from './form-errors.ts';
import { FieldError } from './form-fields.tsx';
import { OFFICE_FIELD as F, serviceCheckboxId, type SectionProps } from './office-draft.ts';

interface Props extends SectionProps {
  agencies: Agency[];
  services: Service[];
}

export function OfficeServicesFields({ draft, update, errors, agencies, services }: Props) {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  const toggle = (id: string, on: boolean) =>
    update({ serviceIds: on ? [...draft.serviceIds, id] : draft.serviceIds.filter((s) => s !== id) });
  const groups = agencies
    .map((a) => ({ agency: a, list: services.filter((s) => s.agencyId === a.id).sort(byLocalName(lang)) }))
    .filter((g) => g.list.length > 0);

  return (
    <section className="admin-section" id={F.serviceIds} aria-labelledby="office-services-title">
      <h2 id="office-services-title">{t('office.sectionServices')}</h2>
      <p className="admin-hint">{t('office.servicesHint')}</p>
      <FieldError id={F.serviceIds} errors={errors} />
      {groups.map(({ agency, list }) => (
        <fieldset key={agency.id} className="admin-fieldset">
          <legend>{localName(agency, lang)}</legend>
          <div className="admin-checkboxes">
            {list.map((s) => {
              const id = serviceCheckboxId(s.id);
              const missing = s.requiredCapabilities.filter((c) => !draft.capabilities.includes(c));
              const checked = draft.serviceIds.includes(s.id);
              const warningId = `${id}-warning`;
              const aria = fieldAria(errors, id, missing.length ? warningId : undefined);
              return (
                <div className="admin-checkbox" key={s.id}>
                  <FieldError id={id} errors={errors} />
                  <input type="checkbox" id={id} checked={checked} onChange={(e) => toggle(s.id, e.target.checked)} {...aria} />
                  <label htmlFor={id}>{localName(s, lang)}</label>
                  {missing.length > 0 && (
                    <p id={warningId} className={checked ? 'admin-warning admin-warning-strong' : 'admin-warning'}>
                      <span aria-hidden="true">⚠ </span>
                      {t('office.serviceMissingCapabilities', {
                        list: missing.map((c) => t(`capability.${c}`)).join(', '),
                      })}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
