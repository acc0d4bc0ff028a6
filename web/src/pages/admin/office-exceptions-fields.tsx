// Office form section: date exceptions (a closed day or other hours on one date, e.g. a staff day).
import { useTranslation } from 'react-i18next';
import { fieldAria } from './form-errors.ts';
import { FieldError, TextField } from './form-fields.tsx';
import { exceptionFieldId, newExceptionRow, OFFICE_FIELD as F, type ExceptionRow, type SectionProps } from './office-draft.ts';

const ADD_BUTTON_ID = 'office-exception-add';

/** Moves focus after the list changes, once React has rendered the new row (or the row is gone). */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function OfficeExceptionsFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation('admin');
  const setRow = (key: number, patch: Partial<ExceptionRow>) =>
    update({ exceptions: draft.exceptions.map((x) => (x.key === key ? { ...x, ...patch } : x)) });

  function add() {
    const row = newExceptionRow();
    update({ exceptions: [...draft.exceptions, row] });
    focusSoon(exceptionFieldId(row.key, 'date'));
  }

  function remove(key: number) {
    update({ exceptions: draft.exceptions.filter((x) => x.key !== key) });
    focusSoon(ADD_BUTTON_ID);
  }

  return (
    <section className="admin-section" id={F.dateExceptions} aria-labelledby="office-exceptions-title">
      <h2 id="office-exceptions-title">{t('office.sectionExceptions')}</h2>
      <p className="admin-hint">{t('office.exceptionsHint')}</p>
      <FieldError id={F.dateExceptions} errors={errors} />
      {draft.exceptions.length === 0 && <p className="admin-muted">{t('office.noExceptions')}</p>}
      {draft.exceptions.map((x, i) => {
        const name = x.date || t('office.exceptionNumber', { n: i + 1 });
        const closedId = exceptionFieldId(x.key, 'closed');
        return (
          <fieldset key={x.key} className="admin-fieldset admin-exception">
            <legend>{t('office.exceptionLegend', { name })}</legend>
            <div className="admin-interval">
              <TextField
                id={exceptionFieldId(x.key, 'date')}
                label={t('office.exceptionDate')}
                type="date"
                width="medium"
                value={x.date}
                onChange={(date) => setRow(x.key, { date })}
                errors={errors}
              />
              <div className="admin-checkbox admin-checkbox-inline">
                <FieldError id={closedId} errors={errors} />
                <input
                  type="checkbox"
                  id={closedId}
                  checked={x.closed}
                  onChange={(e) => setRow(x.key, { closed: e.target.checked })}
                  {...fieldAria(errors, closedId)}
                />
                <label htmlFor={closedId}>{t('office.exceptionClosed')}</label>
              </div>
              {!x.closed && (
                <>
                  <TextField
                    id={exceptionFieldId(x.key, 'opens')}
                    label={t('office.opens')}
                    type="time"
                    width="short"
                    value={x.opens}
                    onChange={(opens) => setRow(x.key, { opens })}
                    errors={errors}
                  />
                  <TextField
                    id={exceptionFieldId(x.key, 'closes')}
                    label={t('office.closes')}
                    type="time"
                    width="short"
                    value={x.closes}
                    onChange={(closes) => setRow(x.key, { closes })}
                    errors={errors}
                  />
                </>
              )}
            </div>
            <TextField
              id={exceptionFieldId(x.key, 'note')}
              label={t('office.exceptionNote')}
              value={x.note}
              onChange={(note) => setRow(x.key, { note })}
              errors={errors}
            />
            <button type="button" className="admin-button admin-button-link" onClick={() => remove(x.key)}>
              {t('office.removeException')}
              <span className="admin-vh"> ({name})</span>
            </button>
          </fieldset>
        );
      })}
      <button type="button" id={ADD_BUTTON_ID} className="admin-button admin-button-secondary" onClick={add}>
        {t('office.addException')}
      </button>
    </section>
  );
}
