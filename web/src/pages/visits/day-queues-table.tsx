// The day per queue, with the whole office in the footer: what waits now and how the day has gone.
import { useTranslation } from 'react-i18next';
import type { Agency } from '../../../../contracts/registry.ts';
import type { DayFigures, OfficeDay } from '../../../../contracts/visits.ts';
import { localName } from '../../lib/locale-format.ts';
import { MinutesText } from './day-figure-cells.tsx';

const COLUMNS = ['waiting', 'longestWait', 'taken', 'served', 'noShows', 'transferredOut', 'meanWait', 'p90Wait', 'meanService'] as const;

function FigureCells({ f }: { f: DayFigures }) {
  return (
    <>
      <td className="day-num">{f.waiting}</td>
      <td className="day-num">
        <MinutesText minutes={f.longestWaitMinutes} />
      </td>
      <td className="day-num">{f.taken}</td>
      <td className="day-num">{f.served}</td>
      <td className="day-num">{f.noShows}</td>
      <td className="day-num">{f.transferredOut}</td>
      <td className="day-num">
        <MinutesText minutes={f.meanWaitMinutes} />
      </td>
      <td className="day-num">
        <MinutesText minutes={f.p90WaitMinutes} />
      </td>
      <td className="day-num">
        <MinutesText minutes={f.meanServiceMinutes} />
      </td>
    </>
  );
}

export function DayQueuesTable({ day, agencies }: { day: OfficeDay; agencies: Agency[] }) {
  const { t, i18n } = useTranslation('visits');
  const agencyName = (id: string) => {
    const agency = agencies.find((a) => a.id === id);
    return agency ? localName(agency, i18n.language) : '';
  };
  return (
    <section aria-labelledby="day-queues-title">
      <h2 id="day-queues-title">{t('day.queuesTitle')}</h2>
      {day.queues.length === 0 ? (
        <p>{t('day.noQueues')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="day-queues-title" tabIndex={0}>
          <table className="day-table">
            <thead>
              <tr>
                <th scope="col">{t('day.columns.queue')}</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c} className="day-num">
                    {t(`day.figures.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {day.queues.map((q) => (
                <tr key={q.queueId}>
                  <th scope="row">
                    <span className="day-letter">{q.letter}</span> {agencyName(q.agencyId)}
                  </th>
                  <FigureCells f={q} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('day.totalsRow')}</th>
                <FigureCells f={day.totals} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
