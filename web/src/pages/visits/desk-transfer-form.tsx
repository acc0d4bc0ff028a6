// Desk: move the visitor to another agency's queue, keeping their place; the note goes to that agency only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../contracts/registry.ts';
import type { OfficeQueue } from '../../../../contracts/visits.ts';
import { localName } from '../../lib/locale-format.ts';

interface Props {
  queues: OfficeQueue[];
  currentQueueId: string;
  agencies: Agency[];
  busy: boolean;
  onTransfer: (queueId: string, note: string) => void;
}

export function DeskTransferForm({ queues, currentQueueId, agencies, busy, onTransfer }: Props) {
  const { t, i18n } = useTranslation('visits');
  const targets = queues.filter((q) => q.id !== currentQueueId);
  const [queueId, setQueueId] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const name = (q: OfficeQueue) => {
    const a = agencies.find((x) => x.id === q.agencyId);
    return `${q.letter} – ${a ? localName(a, i18n.language) : ''}`;
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!queueId) return setMissing(true);
    onTransfer(queueId, note.trim());
  };
  if (targets.length === 0) return <p className="hint">{t('desk.transfer.noTargets')}</p>;
  return (
    <form className="desk-form" onSubmit={submit} noValidate>
      <div className="desk-field">
        <label htmlFor="desk-transfer-queue" className="field-label">
          {t('desk.transfer.queue')}
        </label>
        {missing && !queueId && (
          <p id="desk-transfer-error" className="error">
            {t('desk.transfer.queueMissing')}
          </p>
        )}
        <select
          id="desk-transfer-queue"
          value={queueId}
          onChange={(e) => setQueueId(e.target.value)}
          aria-invalid={missing && !queueId ? true : undefined}
          aria-describedby={missing && !queueId ? 'desk-transfer-error' : undefined}
        >
          <option value="">{t('desk.transfer.choose')}</option>
          {targets.map((q) => (
            <option key={q.id} value={q.id}>
              {name(q)}
            </option>
          ))}
        </select>
      </div>
      <div className="desk-field">
        <label htmlFor="desk-transfer-note" className="field-label">
          {t('desk.transfer.note')}
        </label>
        <p id="desk-transfer-note-hint" className="hint">
          {t('desk.transfer.noteHint')}
        </p>
        <textarea
          id="desk-transfer-note"
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-describedby="desk-transfer-note-hint"
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t('desk.transfer.submit')}
      </button>
    </form>
  );
}
