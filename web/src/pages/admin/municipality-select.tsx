// A municipality (kommun) select grouped by county, used by the office and agency forms.
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../contracts/registry.ts';
import type { FormErrors } from './form-errors.ts';
import { SelectField } from './form-fields.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (kommunkod: string) => void;
  municipalities: Municipality[];
  errors: FormErrors;
  required?: boolean;
}

export function MunicipalitySelect({ id, label, value, onChange, municipalities, errors, required }: Props) {
  const { t } = useTranslation('admin');
  const counties = new Map<string, Municipality[]>();
  for (const m of [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
    const list = counties.get(m.countyName) ?? [];
    list.push(m);
    counties.set(m.countyName, list);
  }
  const groups = [...counties.entries()].sort(([a], [b]) => a.localeCompare(b, 'sv'));
  return (
    <SelectField id={id} label={label} value={value} onChange={onChange} errors={errors} required={required}>
      <option value="">{t('common.choose')}</option>
      {groups.map(([county, list]) => (
        <optgroup key={county} label={county}>
          {list.map((m) => (
            <option key={m.kommunkod} value={m.kommunkod}>
              {m.name} ({m.kommunkod})
            </option>
          ))}
        </optgroup>
      ))}
    </SelectField>
  );
}
