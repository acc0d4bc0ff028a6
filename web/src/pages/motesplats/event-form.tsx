// Records an event of the day: a late arrival with its new time, a no-show, a step running over, an
// officer or interpreter leaving, a step needing a follow-up. The API re-plans the rest of the day at
// once and answers with the new plan.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayEventInput, DayPlanView, DayResources, Household, PlanResult } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { NO_ERRORS, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { SelectField, TextField } from '../admin/form-fields.tsx';
import { MpErrorSummary } from './mp-error-summary.tsx';
import { mpFormErrors } from './mp-errors.ts';
import { dayPath } from './mp-paths.ts';

type Kind = DayEventInput['kind'];
const KINDS: Kind[] = ['late_arrival', 'no_show', 'step_overrun', 'officer_leaves', 'interpreter_leaves', 'follow_up'];
/** What each kind asks for, as the API checks it (contracts/motesplats.ts, DayEventInput). */
const NEEDS: Record<Kind, Array<'household' | 'task' | 'officer' | 'interpreter' | 'time' | 'duration'>> = {
  late_arrival: ['household', 'time'],
  no_show: ['household'],
  step_overrun: ['household', 'task', 'time'],
  officer_leaves: ['officer', 'time'],
  interpreter_leaves: ['interpreter', 'time'],
  follow_up: ['household', 'task', 'duration'],
};
const IDS = { householdId: 'mp-ev-household', taskId: 'mp-ev-task', officerId: 'mp-ev-officer', interpreterId: 'mp-ev-interpreter', time: 'mp-ev-time', durationMin: 'mp-ev-duration', kind: 'mp-ev-kind' };

interface Props {
  officeId: string;
  date: string;
  households: Household[];
  plan: DayPlanView;
  resources: DayResources;
  onRecorded: (result: PlanResult) => void;
}

export function EventForm({ officeId, date, households, plan, resources, onRecorded }: Props) {
  const { t } = useTranslation('motesplats');
  const [kind, setKind] = useState<Kind>('late_arrival');
  const [v, setV] = useState({ householdId: '', taskId: '', officerId: '', interpreterId: '', time: '', durationMin: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const needs = NEEDS[kind];
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const stops = plan.households.find((h) => h.id === v.householdId)?.stops ?? [];
  const taskChoices = kind === 'step_overrun' ? stops.filter((s) => s.status === 'in_progress') : stops.filter((s) => !s.taskId.includes('~fu'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const missing: Array<[string, string]> = [];
    if (needs.includes('household') && !v.householdId) missing.push([IDS.householdId, t('events.check.household')]);
    if (needs.includes('task') && !v.taskId) missing.push([IDS.taskId, t('events.check.task')]);
    if (needs.includes('officer') && !v.officerId) missing.push([IDS.officerId, t('events.check.officer')]);
    if (needs.includes('interpreter') && !v.interpreterId) missing.push([IDS.interpreterId, t('events.check.interpreter')]);
    if (needs.includes('time') && !/^\d{2}:\d{2}$/.test(v.time)) missing.push([IDS.time, t('events.check.time')]);
    setErrors(errorsFromChecks(missing));
    if (missing.length) return;
    const body: DayEventInput = { kind };
    if (needs.includes('household')) body.householdId = v.householdId;
    if (needs.includes('task')) body.taskId = v.taskId;
    if (needs.includes('officer')) body.officerId = v.officerId;
    if (needs.includes('interpreter')) body.interpreterId = v.interpreterId;
    if (needs.includes('time')) body.time = v.time;
    if (needs.includes('duration') && v.durationMin) body.durationMin = Number(v.durationMin);
    setBusy(true);
    try {
      const result = await api.post<PlanResult>(`${dayPath(officeId, date)}/events`, body);
      onRecorded(result);
      setDone(t('events.recorded', { count: result.changedHouseholdIds.length }));
      set({ taskId: '', time: '', durationMin: '' });
    } catch (err) {
      setErrors(mpFormErrors(err, IDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="mp-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mp-events-title">
      <MpErrorSummary id="mp-event-errors" errors={errors} />
      <SelectField id={IDS.kind} label={t('events.kind')} value={kind} onChange={(k) => setKind(KINDS.find((x) => x === k) ?? 'late_arrival')} errors={errors}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`events.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <div className="mp-form-row">
        {needs.includes('household') && (
          <SelectField id={IDS.householdId} label={t('events.household')} value={v.householdId} onChange={(householdId) => set({ householdId, taskId: '' })} errors={errors}>
            <option value="">{t('choose')}</option>
            {households.filter((h) => !h.noShow).map((h) => (
              <option key={h.id} value={h.id}>
                {h.reference} ({t('events.arrives', { time: h.arrival })})
              </option>
            ))}
          </SelectField>
        )}
        {needs.includes('task') && (
          <SelectField id={IDS.taskId} label={t('events.step')} value={v.taskId} onChange={(taskId) => set({ taskId })} errors={errors}>
            <option value="">{t('choose')}</option>
            {taskChoices.map((s) => (
              <option key={s.taskId} value={s.taskId}>
                {s.start} {s.stepName}
              </option>
            ))}
          </SelectField>
        )}
        {needs.includes('officer') && (
          <SelectField id={IDS.officerId} label={t('events.officer')} value={v.officerId} onChange={(officerId) => set({ officerId })} errors={errors}>
            <option value="">{t('choose')}</option>
            {resources.officers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.station})
              </option>
            ))}
          </SelectField>
        )}
        {needs.includes('interpreter') && (
          <SelectField id={IDS.interpreterId} label={t('events.interpreter')} value={v.interpreterId} onChange={(interpreterId) => set({ interpreterId })} errors={errors}>
            <option value="">{t('choose')}</option>
            {resources.interpreters.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name} ({x.language})
              </option>
            ))}
          </SelectField>
        )}
        {needs.includes('time') && (
          <TextField id={IDS.time} type="time" label={t(`events.timeLabel.${kind}`)} value={v.time} onChange={(time) => set({ time })} errors={errors} width="short" />
        )}
        {needs.includes('duration') && (
          <TextField id={IDS.durationMin} type="number" label={t('events.duration')} hint={t('events.durationHint')} value={v.durationMin} onChange={(durationMin) => set({ durationMin })} errors={errors} width="short" />
        )}
      </div>
      <p className="mp-actions">
        <button type="submit" className="mp-button" disabled={busy}>
          {busy ? t('plan.running') : t('events.submit')}
        </button>
      </p>
      <p role="status" className="mp-message">
        {done}
      </p>
    </form>
  );
}
