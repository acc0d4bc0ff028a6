// The officer's own agency's notes on the household (the API returns no other agency's) and a form to
// write one on the current step.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpErrorMessage, mpFormErrors } from './mp-errors.ts';
import { clockOf } from './mp-format.ts';
import { householdPath } from './mp-paths.ts';

interface Props {
  officeId: string;
  householdId: string;
  taskId: string;
  stepNames: Map<string, string>;
}

export function AgencyNotes({ officeId, householdId, taskId, stepNames }: Props) {
  const { t } = useTranslation('motesplats');
  const [notes, setNotes] = useState<Note[]>();
  const [loadError, setLoadError] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const path = `${householdPath(officeId, householdId)}/notes`;
  const load = useCallback(() => {
    api.get<Note[]>(path).then(setNotes, (err: unknown) => setLoadError(mpErrorMessage(err)));
  }, [path]);
  useEffect(load, [load]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setErrors(errorsFromChecks([['mp-note-text', t('notes.empty')]]));
    try {
      await api.post<Note>(path, { taskId, text: text.trim() });
      setText('');
      setErrors(NO_ERRORS);
      load();
    } catch (err) {
      setErrors(mpFormErrors(err, { text: 'mp-note-text', taskId: 'mp-note-text' }));
    }
  };

  return (
    <section className="mp-notes" aria-labelledby="mp-notes-title">
      <h3 id="mp-notes-title">{t('notes.title')}</h3>
      <p className="admin-hint">{t('notes.secrecy')}</p>
      {loadError && <p role="alert">{loadError}</p>}
      {notes && notes.length === 0 && <p>{t('notes.none')}</p>}
      {notes && notes.length > 0 && (
        <ul className="mp-note-list">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="admin-hint">
                {clockOf(n.at)} · {stepNames.get(n.taskId) ?? n.taskId}
                {n.writtenBy ? ` · ${n.writtenBy}` : ''}
              </p>
              <p className="mp-note-text">{n.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form className="mp-form" onSubmit={(e) => void submit(e)} noValidate>
        <MpErrorSummary id="mp-note-errors" errors={errors} />
        <TextField id="mp-note-text" label={t('notes.add')} value={text} onChange={setText} errors={errors} multiline />
        <button type="submit" className="mp-button mp-button-secondary">
          {t('notes.save')}
        </button>
      </form>
    </section>
  );
}
