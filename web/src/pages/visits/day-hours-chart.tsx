// Arrivals and calls per hour as a small bar chart (SVG), with the same figures as a table for screen
// readers and anyone who prefers numbers. Arrivals are dark and calls light with a dark outline, so the
// two are told apart without colour vision.
import { useTranslation } from 'react-i18next';
import type { DayHour } from '../../../../contracts/visits.ts';
import { hourLabel } from './day-model.ts';

const GROUP = 44;
const BAR = 16;
const AXIS = 28;
const PLOT = 150;
const TOP = 18;
const BOTTOM = 22;

function Bar({ x, value, max, kind }: { x: number; value: number; max: number; kind: 'arrivals' | 'calls' }) {
  const h = (value / max) * PLOT;
  const y = TOP + PLOT - h;
  return (
    <g>
      {value > 0 && <rect x={x} y={y} width={BAR} height={h} className={`day-bar day-bar-${kind}`} />}
      <text x={x + BAR / 2} y={y - 4} className="day-bar-value" textAnchor="middle">
        {value}
      </text>
    </g>
  );
}

export function DayHoursChart({ hours }: { hours: DayHour[] }) {
  const { t } = useTranslation('visits');
  if (hours.length === 0) {
    return (
      <section aria-labelledby="day-hours-title">
        <h2 id="day-hours-title">{t('day.hoursTitle')}</h2>
        <p>{t('day.noHours')}</p>
      </section>
    );
  }
  const max = Math.max(1, ...hours.map((h) => Math.max(h.arrivals, h.calls)));
  const peak = hours.reduce((best, h) => (h.arrivals > best.arrivals ? h : best), hours[0]!);
  const width = AXIS + hours.length * GROUP;
  const summary = t('day.chartSummary', {
    from: hourLabel(hours[0]!.hour),
    to: hourLabel(hours.at(-1)!.hour + 1),
    peak: hourLabel(peak.hour),
    count: peak.arrivals,
  });
  return (
    <section aria-labelledby="day-hours-title">
      <h2 id="day-hours-title">{t('day.hoursTitle')}</h2>
      <figure className="day-chart">
        {/* Drawn at about 1.6 × its units, and narrower on a phone: a short day does not get giant bars. */}
        <svg
          viewBox={`0 0 ${width} ${TOP + PLOT + BOTTOM}`}
          style={{ maxInlineSize: `${Math.round(width * 1.6)}px` }}
          role="img"
          aria-label={summary}
          className="day-chart-svg"
        >
          <line x1={AXIS - 4} x2={width} y1={TOP + PLOT} y2={TOP + PLOT} className="day-axis" />
          <text x={AXIS - 8} y={TOP + 4} textAnchor="end" className="day-axis-label">
            {max}
          </text>
          <text x={AXIS - 8} y={TOP + PLOT} textAnchor="end" className="day-axis-label">
            0
          </text>
          {hours.map((h, i) => {
            const x = AXIS + i * GROUP + (GROUP - 2 * BAR - 2) / 2;
            return (
              <g key={h.hour}>
                <Bar x={x} value={h.arrivals} max={max} kind="arrivals" />
                <Bar x={x + BAR + 2} value={h.calls} max={max} kind="calls" />
                <text x={x + BAR + 1} y={TOP + PLOT + 16} textAnchor="middle" className="day-axis-label">
                  {String(h.hour).padStart(2, '0')}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption>
          <span className="day-legend">
            <span className="day-swatch day-bar-arrivals" aria-hidden="true" /> {t('day.columns.arrivals')}
          </span>
          <span className="day-legend">
            <span className="day-swatch day-bar-calls" aria-hidden="true" /> {t('day.columns.calls')}
          </span>
          <span className="day-legend-note">{t('day.chartNote')}</span>
        </figcaption>
      </figure>
      <details className="day-chart-table">
        <summary>{t('day.showTable')}</summary>
        <div className="table-scroll" role="region" aria-label={t('day.hoursTitle')} tabIndex={0}>
          <table className="day-table">
            <thead>
              <tr>
                <th scope="col">{t('day.columns.hour')}</th>
                <th scope="col" className="day-num">
                  {t('day.columns.arrivals')}
                </th>
                <th scope="col" className="day-num">
                  {t('day.columns.calls')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h.hour}>
                  <th scope="row">{t('day.hourRange', { from: hourLabel(h.hour), to: hourLabel(h.hour + 1) })}</th>
                  <td className="day-num">{h.arrivals}</td>
                  <td className="day-num">{h.calls}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
