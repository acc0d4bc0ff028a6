// One officer or interpreter in the staffing editor: name, station or language, shift and lunch break.
import { useTranslation } from 'react-i18next';
import type { FormErrors } from '../admin/form-errors.ts';
import { SelectField, TextField } from '../admin/form-fields.tsx';
import { STATION_ORDER } from './mp-status.ts';
import { staffFieldId, type StaffRow } from './resources-draft.ts';

interface Props {
  kind: 'officers' | 'interpreters';
  index: number;
  row: StaffRow;
  onChange: (row: StaffRow) => void;
  onRemove: () => void;
  errors: FormErrors;
}

export function StaffRowFields({ kind, index, row, onChange, onRemove, errors }: Props) {
  const { t } = useTranslation('motesplats');
  const id = (field: Parameters<typeof staffFieldId>[2]) => staffFieldId(kind, index, field);
  const legend = t(kind === 'officers' ? 'resources.officerN' : 'resources.interpreterN', { n: index + 1 });
  return (
    <fieldset className="mp-staff-row">
      <legend>{row.name ? `${legend}: ${row.name}` : legend}</legend>
      <div className="mp-form-row">
        <TextField id={id('name')} label={t('resources.name')} value={row.name} onChange={(name) => onChange({ ...row, name })} errors={errors} width="medium" />
        {kind === 'officers' ? (
          <SelectField id={id('place')} label={t('resources.stationLabel')} value={row.place} onChange={(place) => onChange({ ...row, place })} errors={errors}>
            {[...new Set([...STATION_ORDER, row.place])].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField id={id('place')} label={t('resources.languageLabel')} hint={t('resources.languageHint')} value={row.place} onChange={(place) => onChange({ ...row, place: place.trim().toLowerCase() })} errors={errors} width="short" />
        )}
        <TextField id={id('start')} type="time" label={t('resources.shiftStart')} value={row.start} onChange={(start) => onChange({ ...row, start })} errors={errors} width="short" />
        <TextField id={id('end')} type="time" label={t('resources.shiftEnd')} value={row.end} onChange={(end) => onChange({ ...row, end })} errors={errors} width="short" />
        <TextField id={id('breakStart')} type="time" label={t('resources.breakStart')} value={row.breakStart} onChange={(breakStart) => onChange({ ...row, breakStart })} errors={errors} width="short" />
        <TextField id={id('breakEnd')} type="time" label={t('resources.breakEnd')} value={row.breakEnd} onChange={(breakEnd) => onChange({ ...row, breakEnd })} errors={errors} width="short" />
      </div>
      <button type="button" className="mp-link-button" onClick={onRemove}>
        {t('resources.remove', { what: row.name || legend })}
      </button>
    </fieldset>
  );
}
