// The officer moves their step on: start it, finish it, or settle it as needing a follow-up or not
// applicable, both with a reason (the API requires one).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step, StepStatus, StepStatusInput } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpFormErrors } from './mp-errors.ts';
import { householdPath } from './mp-paths.ts';

interface Props {
  officeId: string;
  householdId: string;
  taskId: string;
  status: StepStatus;
  onChanged: (step: Step) => void;
}

type Settle = 'needs_follow_up' | 'not_applicable';
/** The ways to settle a step with a reason that the API allows from each status (steps.ts TRANSITIONS). */
const SETTLE_FROM: Record<StepStatus, Settle[]> = {
  planned: ['not_applicable'],
  in_progress: ['needs_follow_up', 'not_applicable'],
  done: ['needs_follow_up'],
  needs_follow_up: [],
  not_applicable: [],
};

export function StepActions({ officeId, householdId, taskId, status, onChanged }: Props) {
  const { t } = useTranslation('motesplats');
  const options = SETTLE_FROM[status];
  const [picked, setPicked] = useState<Settle>();
  const settle = picked && options.includes(picked) ? picked : options[0];
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const send = async (body: StepStatusInput) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    try {
      onChanged(await api.put<Step>(`${householdPath(officeId, householdId)}/steps/${encodeURIComponent(taskId)}`, body));
      setReason('');
    } catch (err) {
      setErrors(mpFormErrors(err, { reason: 'mp-step-reason', status: 'mp-step-settle' }));
    } finally {
      setBusy(false);
    }
  };
  const submitSettle = (e: FormEvent) => {
    e.preventDefault();
    if (!settle) return;
    if (!reason.trim()) return setErrors(errorsFromChecks([['mp-step-reason', t('step.reasonRequired')]]));
    void send({ status: settle, reason: reason.trim() });
  };

  return (
    <div className="mp-step-actions">
      <MpErrorSummary id="mp-step-errors" errors={errors} />
      <p className="mp-actions">
        {(status === 'planned' || status === 'needs_follow_up') && (
          <button type="button" className="mp-button mp-button-big" disabled={busy} onClick={() => void send({ status: 'in_progress' })}>
            {t('step.start')}
          </button>
        )}
        {(status === 'in_progress' || status === 'needs_follow_up') && (
          <button type="button" className="mp-button mp-button-big" disabled={busy} onClick={() => void send({ status: 'done' })}>
            {t('step.finish')}
          </button>
        )}
      </p>
      {settle && (
        <form className="mp-form" onSubmit={submitSettle} noValidate>
          <fieldset id="mp-step-settle">
            <legend>{t('step.settleLegend')}</legend>
            {options.map((s) => (
              <div key={s} className="admin-checkbox">
                <input type="radio" id={`mp-step-${s}`} name="mp-step-settle" checked={settle === s} onChange={() => setPicked(s)} />
                <label htmlFor={`mp-step-${s}`}>{t(`status.${s}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextField id="mp-step-reason" label={t('step.reason')} value={reason} onChange={setReason} errors={errors} multiline />
          <button type="submit" className="mp-button mp-button-secondary" disabled={busy}>
            {t('step.settle')}
          </button>
        </form>
      )}
    </div>
  );
}
