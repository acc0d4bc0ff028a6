// The plan as a table, the grid's text alternative: every officer's and interpreter's tasks in time
// order with household, step and status in words.
import { useTranslation } from 'react-i18next';
import type { DayPlanView } from '../../../../contracts/motesplats.ts';
import { taskIndex } from './board-model.ts';
import { STATUS_SYMBOL, statusClass } from './mp-status.ts';

interface Props {
  plan: DayPlanView;
  late: Set<string>;
}

export function PlanTable({ plan, late }: Props) {
  const { t } = useTranslation('motesplats');
  const tasks = taskIndex(plan);
  const rows = [
    ...plan.officers.map((o) => ({ id: o.id, who: `${o.name} (${o.station})`, items: o.items })),
    ...plan.interpreters.map((x) => ({ id: x.id, who: t('table.interpreter', { name: x.name, language: x.language }), items: x.items })),
  ];
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen.
    <div className="mp-table-wrap" role="region" aria-labelledby="mp-plan-table-caption" tabIndex={0}>
      <table className="mp-table">
        <caption id="mp-plan-table-caption">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.who')}</th>
            <th scope="col">{t('table.time')}</th>
            <th scope="col">{t('table.household')}</th>
            <th scope="col">{t('table.step')}</th>
            <th scope="col">{t('table.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((r) =>
            r.items.map((item) => (
              <tr key={`${r.id}:${item.taskId}`}>
                <th scope="row">{r.who}</th>
                <td className="mp-nowrap">
                  {item.start}–{item.end}
                </td>
                <td>
                  {item.reference}
                  {late.has(item.householdId) && <strong className="mp-late"> {t('late.badge')}</strong>}
                </td>
                <td>{tasks.get(item.taskId)?.stepName ?? item.taskId}</td>
                <td>
                  <span className={statusClass(item.status)}>
                    <span aria-hidden="true">{STATUS_SYMBOL[item.status]} </span>
                    {t(`status.${item.status}`)}
                  </span>
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
