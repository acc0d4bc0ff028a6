// Office form section: which agency staffs the office on which weekday, as a table of checkboxes.
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../contracts/registry.ts';
import { localName, WEEKDAYS } from './admin-format.ts';
import { fieldAria } from './form-errors.ts';
import { FieldError } from './form-fields.tsx';
import { OFFICE_FIELD as F, staffingCellId, type SectionProps } from './office-draft.ts';

interface Props extends SectionProps {
  agencies: Agency[];
}

export function OfficeStaffingFields({ draft, update, errors, agencies }: Props) {
  const { t, i18n } = useTranslation('admin');

  function toggle(agencyId: string, weekday: number, on: boolean) {
    const days = draft.agencyDays[agencyId] ?? [];
    const next = on ? [...days, weekday] : days.filter((d) => d !== weekday);
    update({ agencyDays: { ...draft.agencyDays, [agencyId]: next } });
  }

  return (
    <section className="admin-section" id={F.agencyDays} aria-labelledby="office-staffing-title">
      <h2 id="office-staffing-title">{t('office.sectionStaffing')}</h2>
      <p className="admin-hint">{t('office.staffingHint')}</p>
      <FieldError id={F.agencyDays} errors={errors} />
      <div className="admin-table-wrap">
        <table className="admin-table admin-table-grid">
          <caption className="admin-vh">{t('office.staffingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.staffingAgency')}</th>
              {WEEKDAYS.map((w) => (
                <th scope="col" key={w}>
                  <span aria-hidden="true">{t(`weekdayShort.${w}`)}</span>
                  <span className="admin-vh">{t(`weekday.${w}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {agencies.map((a) => {
              const name = localName(a, i18n.language);
              return (
                <tr key={a.id}>
                  <th scope="row">{name}</th>
                  {WEEKDAYS.map((w) => {
                    const id = staffingCellId(a.id, w);
                    return (
                      <td key={w}>
                        <FieldError id={id} errors={errors} />
                        <input
                          type="checkbox"
                          id={id}
                          checked={(draft.agencyDays[a.id] ?? []).includes(w)}
                          onChange={(e) => toggle(a.id, w, e.target.checked)}
                          {...fieldAria(errors, id)}
                        />
                        <label htmlFor={id} className="admin-vh">
                          {t('office.staffingCell', { agency: name, day: t(`weekday.${w}`) })}
                        </label>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
