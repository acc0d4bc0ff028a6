// Steps the planner could not place, each with its reason: they are never dropped without a word.
import { useTranslation } from 'react-i18next';
import type { DayPlanView } from '../../../../contracts/motesplats.ts';

export function UnplannedList({ plan }: { plan: DayPlanView }) {
  const { t } = useTranslation('motesplats');
  if (plan.unplanned.length === 0) return null;
  return (
    <section className="mp-section" aria-labelledby="mp-unplanned-title">
      <h2 id="mp-unplanned-title">{t('unplanned.title', { count: plan.unplanned.length })}</h2>
      <ul>
        {plan.unplanned.map((u) => (
          <li key={u.taskId}>
            <strong>{u.reference}</strong> {u.stepName}: {t(`unplanned.reason.${u.reason}`, { defaultValue: u.reason })}
          </li>
        ))}
      </ul>
    </section>
  );
}
