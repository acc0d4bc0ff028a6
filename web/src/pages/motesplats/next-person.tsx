// "My next person": the step in front of the officer, with who it is for, the basic data shared with
// the agency, the step's actions and the agency's own notes.
import { useTranslation } from 'react-i18next';
import type { DayPlanView, Household } from '../../../../contracts/motesplats.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { householdPath } from './mp-paths.ts';
import { AgencyNotes } from './agency-notes.tsx';
import { taskIndex } from './board-model.ts';
import { STATUS_SYMBOL, statusClass } from './mp-status.ts';
import type { WorkItem } from './reception-model.ts';
import { SharedData } from './shared-data.tsx';
import { StepActions } from './step-actions.tsx';

interface Props {
  officeId: string;
  item: WorkItem;
  plan: DayPlanView;
  onChanged: () => void;
}

export function NextPerson({ officeId, item, plan, onChanged }: Props) {
  const { t } = useTranslation('motesplats');
  // The one household's case as the agency may see it: in full where the consent allows (the list masks
  // identity numbers), and this read is in the audit log under the household.
  const household = useApiData<Household>(householdPath(officeId, item.householdId));
  const tasks = taskIndex(plan);
  const stop = tasks.get(item.taskId);
  const names = new Map([...tasks].map(([id, s]) => [id, s.stepName]));
  return (
    <section className="mp-section mp-next" aria-labelledby="mp-next-title">
      <h2 id="mp-next-title">{t(item.status === 'in_progress' ? 'reception.current' : 'reception.next', { household: item.reference })}</h2>
      <p className="mp-next-step">
        <strong>{stop?.stepName ?? item.taskId}</strong> · {item.start}–{item.end} · {item.officerName}
      </p>
      <p>
        <span className={statusClass(item.status)}>
          <span aria-hidden="true">{STATUS_SYMBOL[item.status]} </span>
          {t(`status.${item.status}`)}
        </span>
      </p>
      <StepActions officeId={officeId} householdId={item.householdId} taskId={item.taskId} status={item.status} onChanged={onChanged} />
      {household.data && <SharedData household={household.data} memberIds={stop?.memberIds ?? household.data.members.map((m) => m.id)} />}
      {household.error && <p role="alert">{t('board.loadError')}</p>}
      {/* Keyed by household, so a note draft never follows into the next person's. */}
      <AgencyNotes key={item.householdId} officeId={officeId} householdId={item.householdId} taskId={item.taskId} stepNames={names} />
    </section>
  );
}
