// Step 1: which errand to book, grouped by agency; one button per service.
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../contracts/registry.ts';
import { localDescription, localName, swedishTextProps } from '../../lib/locale-format.ts';
import type { ServiceChoice } from './booking-types.ts';
import { useStepHeading } from './use-step-heading.ts';

interface Props {
  services: ServiceChoice[];
  agencies: Agency[];
  onChoose: (service: ServiceChoice) => void;
}

export function ServiceStep({ services, agencies, onChoose }: Props) {
  const { t, i18n } = useTranslation('booking');
  const lang = i18n.language;
  const heading = useStepHeading();
  const groups = agencies
    .map((agency) => ({ agency, services: services.filter((s) => s.agencyId === agency.id) }))
    .filter((g) => g.services.length > 0);
  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('service.title')}
      </h1>
      <p className="booking-lead">{t('service.hint')}</p>
      {groups.length === 0 && <p>{t('service.none')}</p>}
      {groups.map(({ agency, services: list }) => (
        <section key={agency.id} className="booking-group" aria-labelledby={`agency-${agency.id}`}>
          <h2 id={`agency-${agency.id}`} {...swedishTextProps(lang, true)}>
            {localName(agency, lang)}
          </h2>
          <ul className="booking-choices">
            {list.map((s) => (
              <li key={s.id}>
                <button type="button" className="booking-choice" onClick={() => onChoose(s)}>
                  <span className="booking-choice-title" {...swedishTextProps(lang, true)}>
                    {localName(s, lang)}
                  </span>
                  <span className="booking-choice-detail" {...swedishTextProps(lang, true)}>
                    {localDescription(s, lang)}
                  </span>
                  <span className="booking-choice-detail">{t('service.duration', { count: s.durationMin })}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
