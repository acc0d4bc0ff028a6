// Desk: park the current visit for some minutes (the visitor waits, e.g. to fetch a document).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function DeskParkForm({ busy, onPark }: { busy: boolean; onPark: (minutes: number) => void }) {
  const { t } = useTranslation('visits');
  const [minutes, setMinutes] = useState('10');
  const value = Number(minutes);
  const valid = Number.isInteger(value) && value >= 1 && value <= 240;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (valid) onPark(value);
  };
  return (
    <form className="desk-form" onSubmit={submit} noValidate>
      <label htmlFor="desk-park-minutes" className="field-label">
        {t('desk.park.minutes')}
      </label>
      {!valid && (
        <p id="desk-park-error" className="error">
          {t('desk.park.invalid')}
        </p>
      )}
      <input
        id="desk-park-minutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={240}
        className="desk-minutes"
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : 'desk-park-error'}
      />
      <button type="submit" className="button" disabled={busy || !valid}>
        {t('desk.park.submit')}
      </button>
    </form>
  );
}
