// Who sits at which counter today, which queues they serve, whom they have now and how many they finished.
import { useTranslation } from 'react-i18next';
import type { OfficeDay } from '../../../../contracts/visits.ts';
import { formatClock } from './day-model.ts';
import { NoFigure } from './day-figure-cells.tsx';

export function DayCountersTable({ day }: { day: OfficeDay }) {
  const { t, i18n } = useTranslation('visits');
  const letter = (queueId: string) => day.queues.find((q) => q.queueId === queueId)?.letter ?? '?';
  return (
    <section aria-labelledby="day-counters-title">
      <h2 id="day-counters-title">{t('day.countersTitle')}</h2>
      {day.counters.length === 0 ? (
        <p>{t('day.noCounters')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="day-counters-title" tabIndex={0}>
          <table className="day-table">
            <thead>
              <tr>
                <th scope="col">{t('day.columns.counter')}</th>
                <th scope="col">{t('day.columns.officer')}</th>
                <th scope="col">{t('day.columns.queues')}</th>
                <th scope="col">{t('day.columns.current')}</th>
                <th scope="col" className="day-num">
                  {t('day.columns.finished')}
                </th>
              </tr>
            </thead>
            <tbody>
              {day.counters.map((c) => (
                <tr key={c.officerUserId}>
                  <th scope="row">{c.counterName ?? <NoFigure />}</th>
                  <td>{c.officerName}</td>
                  <td>{c.queueIds.map(letter).join(', ')}</td>
                  <td>
                    {c.current ? (
                      t('day.currentSince', {
                        number: c.current.number,
                        state: t(`desk.states.${c.current.state}`),
                        time: formatClock(c.current.since, i18n.language),
                      })
                    ) : day.live ? (
                      t('day.idle')
                    ) : (
                      <NoFigure />
                    )}
                  </td>
                  <td className="day-num">{c.finished}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
