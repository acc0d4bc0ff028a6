// Stations × time: one row per officer (grouped by station), then one per interpreter (interpreters are
// often the scarcest resource of the day), each task a block placed by its times, with the household's
// reference, the step, a status symbol and colour. A picture for sighted users on a
// wide screen; hidden from assistive technology because the table after it holds everything it shows.
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayPlanView, DayResources } from '../../../../contracts/motesplats.ts';
import { gridHours, taskIndex } from './board-model.ts';
import { STATION_ORDER, STATUS_SYMBOL, statusClass } from './mp-status.ts';
import { toDayTime, toMinutes } from './mp-time.ts';

interface Props {
  plan: DayPlanView;
  resources: DayResources;
  /** Late households' blocks get a thick red frame, explained in the legend (and in words in the table). */
  late: Set<string>;
}

const stationRank = (s: string) => {
  const i = (STATION_ORDER as readonly string[]).indexOf(s);
  return i < 0 ? STATION_ORDER.length : i;
};

type TimelineItem = DayPlanView['officers'][number]['items'][number];

export function PlanGrid({ plan, resources, late }: Props) {
  const { t } = useTranslation('motesplats');
  const { from, to } = gridHours(plan, resources);
  const span = to - from;
  const tasks = taskIndex(plan);
  const place = (start: string, end: string): CSSProperties => ({
    insetInlineStart: `${((toMinutes(start) - from) / span) * 100}%`,
    inlineSize: `${((toMinutes(end) - toMinutes(start)) / span) * 100}%`,
  });
  const hours = Array.from({ length: span / 60 + 1 }, (_, i) => from + i * 60);
  const officers = [...plan.officers].sort((a, b) => stationRank(a.station) - stationRank(b.station));
  const row = { place, stepName: (taskId: string) => tasks.get(taskId)?.stepName ?? '', late };
  return (
    <div className="mp-grid" aria-hidden="true" style={{ '--mp-hours': span / 60 } as CSSProperties}>
      <div className="mp-grid-row mp-grid-scale">
        <div className="mp-grid-label" />
        <div className="mp-grid-track">
          {hours.map((h) => (
            <span key={h} className="mp-grid-hour" style={{ insetInlineStart: `${((h - from) / span) * 100}%` }}>
              {toDayTime(h)}
            </span>
          ))}
        </div>
      </div>
      {officers.map((o) => (
        <GridRow key={o.id} label={<><strong>{o.station}</strong> {o.name}</>} items={o.items} {...row} />
      ))}
      {plan.interpreters.map((x) => (
        <GridRow key={x.id} label={t('table.interpreter', { name: x.name, language: x.language })} items={x.items} {...row} />
      ))}
    </div>
  );
}

interface RowProps {
  label: ReactNode;
  items: TimelineItem[];
  place: (start: string, end: string) => CSSProperties;
  stepName: (taskId: string) => string;
  late: Set<string>;
}

function GridRow({ label, items, place, stepName, late }: RowProps) {
  return (
    <div className="mp-grid-row">
      <div className="mp-grid-label">{label}</div>
      <div className="mp-grid-track">
        {items.map((item) => (
          <div
            key={item.taskId}
            className={`mp-block ${statusClass(item.status)}${late.has(item.householdId) ? ' mp-block-late' : ''}`}
            style={place(item.start, item.end)}
            title={`${item.start}–${item.end} ${item.reference} ${stepName(item.taskId)}`}
          >
            <span className="mp-block-ref">
              {STATUS_SYMBOL[item.status]}
              {item.reference}
            </span>
            <span className="mp-block-step">{stepName(item.taskId)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
