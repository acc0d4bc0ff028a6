// The day's staffing as the planner sees it: officers per station and interpreters per language, with
// shifts and breaks.
import { useTranslation } from 'react-i18next';
import type { DayResources } from '../../../../contracts/motesplats.ts';
import { STATION_ORDER } from './mp-status.ts';

const shift = (r: { shift: { start: string; end: string }; breaks: Array<{ start: string; end: string }> }, breakWord: string) =>
  `${r.shift.start}–${r.shift.end}${r.breaks.length ? ` (${breakWord} ${r.breaks.map((b) => `${b.start}–${b.end}`).join(', ')})` : ''}`;

export function ResourcesSummary({ resources }: { resources: DayResources }) {
  const { t } = useTranslation('motesplats');
  if (resources.officers.length === 0 && resources.interpreters.length === 0) return <p>{t('resources.none')}</p>;
  const stations = [...new Set([...STATION_ORDER, ...resources.officers.map((o) => o.station)])].filter((s) => resources.officers.some((o) => o.station === s));
  const languages = [...new Set(resources.interpreters.map((x) => x.language))];
  return (
    <div className="mp-resources">
      <h3>{t('resources.officers')}</h3>
      <dl>
        {stations.map((s) => {
          const list = resources.officers.filter((o) => o.station === s);
          return (
            <div key={s}>
              <dt>{t('resources.station', { station: s, count: list.length })}</dt>
              {list.map((o) => (
                <dd key={o.id}>
                  {o.name}: {shift(o, t('resources.break'))}
                </dd>
              ))}
            </div>
          );
        })}
      </dl>
      <h3>{t('resources.interpreters')}</h3>
      {languages.length === 0 ? (
        <p>{t('resources.noInterpreters')}</p>
      ) : (
        <dl>
          {languages.map((l) => (
            <div key={l}>
              <dt>{t('resources.language', { language: l })}</dt>
              {resources.interpreters.filter((x) => x.language === l).map((x) => (
                <dd key={x.id}>
                  {x.name}: {shift(x, t('resources.break'))}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
