// Which day the page shows: a date field that updates the address (?datum=), so the day can be linked.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function DayPicker({ date, onChange }: { date: string; onChange: (date: string) => void }) {
  const { t } = useTranslation('motesplats');
  const [value, setValue] = useState(date);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange(value);
  };
  return (
    <form className="mp-day-picker" onSubmit={submit}>
      <label htmlFor="mp-date">{t('board.date')}</label>
      <input id="mp-date" type="date" className="admin-input admin-input-short" value={value} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" className="mp-button mp-button-secondary">
        {t('board.showDay')}
      </button>
    </form>
  );
}
