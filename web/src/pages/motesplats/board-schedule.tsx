// The board's schedule section: a legend for the status colours and symbols, the stations × time grid
// (wide screens, hidden from assistive technology) and the same plan as a table.
import { useTranslation } from 'react-i18next';
import type { DayPlanView, DayResources } from '../../../../contracts/motesplats.ts';
import { STATUSES, STATUS_SYMBOL, statusClass } from './mp-status.ts';
import { PlanGrid } from './plan-grid.tsx';
import { PlanTable } from './plan-table.tsx';

interface Props {
  plan: DayPlanView;
  resources: DayResources;
  late: Set<string>;
}

export function BoardSchedule({ plan, resources, late }: Props) {
  const { t } = useTranslation('motesplats');
  return (
    <section className="mp-section" aria-labelledby="mp-schedule-title" id="schema">
      <h2 id="mp-schedule-title">{t('board.schedule')}</h2>
      <ul className="mp-legend" aria-label={t('board.legend')}>
        {STATUSES.map((s) => (
          <li key={s} className={statusClass(s)}>
            <span aria-hidden="true">{STATUS_SYMBOL[s]} </span>
            {t(`status.${s}`)}
          </li>
        ))}
        <li className="mp-status mp-legend-late">{t('late.legend')}</li>
      </ul>
      <PlanGrid plan={plan} resources={resources} late={late} />
      <PlanTable plan={plan} late={late} />
    </section>
  );
}
