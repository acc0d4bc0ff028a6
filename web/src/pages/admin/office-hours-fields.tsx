// Office form section: regular opening hours, one fieldset per weekday; a day may be closed or have
// several intervals (e.g. closed over lunch).
import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from './form-fields.tsx';
import { hoursFieldId, OFFICE_FIELD as F, type DayHours, type SectionProps } from './office-draft.ts';

export function OfficeHoursFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation('admin');
  const setDay = (weekday: number, patch: Partial<DayHours>) =>
    update({ hours: draft.hours.map((d) => (d.weekday === weekday ? { ...d, ...patch } : d)) });

  return (
    <section className="admin-section" id={F.openingHours} aria-labelledby="office-hours-title">
      <h2 id="office-hours-title">{t('office.sectionHours')}</h2>
      <p className="admin-hint">{t('office.hoursHint')}</p>
      <FieldError id={F.openingHours} errors={errors} />
      <div className="admin-days">
        {draft.hours.map((day) => {
          const dayName = t(`weekday.${day.weekday}`);
          const closedId = `office-hours-${day.weekday}-closed`;
          return (
            <fieldset key={day.weekday} className="admin-fieldset admin-day">
              <legend>{dayName}</legend>
              <div className="admin-checkbox">
                <input
                  type="checkbox"
                  id={closedId}
                  checked={day.closed}
                  onChange={(e) => setDay(day.weekday, { closed: e.target.checked })}
                />
                <label htmlFor={closedId}>{t('office.closedDay')}</label>
              </div>
              {!day.closed &&
                day.intervals.map((h, i) => (
                  <div className="admin-interval" key={i}>
                    <TextField
                      id={hoursFieldId(day.weekday, i, 'opens')}
                      label={t('office.opens')}
                      type="time"
                      width="short"
                      value={h.opens}
                      onChange={(opens) =>
                        setDay(day.weekday, { intervals: day.intervals.map((x, j) => (j === i ? { ...x, opens } : x)) })
                      }
                      errors={errors}
                    />
                    <TextField
                      id={hoursFieldId(day.weekday, i, 'closes')}
                      label={t('office.closes')}
                      type="time"
                      width="short"
                      value={h.closes}
                      onChange={(closes) =>
                        setDay(day.weekday, { intervals: day.intervals.map((x, j) => (j === i ? { ...x, closes } : x)) })
                      }
                      errors={errors}
                    />
                    {day.intervals.length > 1 && (
                      <button
                        type="button"
                        className="admin-button admin-button-link"
                        onClick={() => setDay(day.weekday, { intervals: day.intervals.filter((_, j) => j !== i) })}
                      >
                        {t('office.removeInterval')}
                        <span className="admin-vh">
                          {' '}
                          {t('office.intervalName', { day: dayName, opens: h.opens, closes: h.closes })}
                        </span>
                      </button>
                    )}
                  </div>
                ))}
              {!day.closed && (
                <button
                  type="button"
                  className="admin-button admin-button-secondary admin-button-small"
                  onClick={() => setDay(day.weekday, { intervals: [...day.intervals, { opens: '', closes: '' }] })}
                >
                  {t('office.addInterval')}
                  <span className="admin-vh"> ({dayName})</span>
                </button>
              )}
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}
