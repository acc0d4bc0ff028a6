// The day's events, newest first, in words: what happened and to whom.
import { useTranslation } from 'react-i18next';
import type { DayEvent, DayPlanView, DayResources } from '../../../../contracts/motesplats.ts';
import { taskIndex } from './board-model.ts';
import { clockOf } from './mp-format.ts';

export function EventsList({ plan, resources }: { plan: DayPlanView; resources: DayResources }) {
  const { t } = useTranslation('motesplats');
  if (plan.events.length === 0) return <p>{t('events.none')}</p>;
  const tasks = taskIndex(plan);
  const reference = (id: string | null) => plan.households.find((h) => h.id === id)?.reference ?? '';
  const describe = (e: DayEvent) =>
    t(`events.describe.${e.kind}`, {
      household: reference(e.householdId),
      step: e.taskId ? (tasks.get(e.taskId)?.stepName ?? e.taskId) : '',
      officer: resources.officers.find((o) => o.id === e.officerId)?.name ?? '',
      interpreter: resources.interpreters.find((x) => x.id === e.interpreterId)?.name ?? '',
      time: e.time ?? '',
      minutes: e.durationMin ?? '',
    });
  return (
    <ul className="mp-events">
      {[...plan.events].reverse().map((e) => (
        <li key={e.id}>
          <span className="mp-nowrap">{clockOf(e.at)}</span> {describe(e)}
        </li>
      ))}
    </ul>
  );
}
