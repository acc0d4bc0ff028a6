// One stop of the household's day: the time, what happens, at which agency's desk, who goes, its status.
import { useTranslation } from 'react-i18next';
import type { Itinerary } from '../../../../contracts/motesplats.ts';
import { STATUS_SYMBOL, statusClass } from './mp-status.ts';
import { stationName, stepName, whoGoes, type Stop } from './itinerary-model.ts';

interface Props {
  stop: Stop;
  members: Itinerary['members'];
  /** 'current' or 'next' is said in words too, not by the highlight alone. */
  mark?: 'current' | 'next';
  /** In a member's own list the names are left out. */
  showWho: boolean;
}

const swedish = { lang: 'sv', dir: 'ltr' } as const;

export function ItineraryStop({ stop, members, mark, showWho }: Props) {
  const { t, i18n } = useTranslation('motesplatsVisitor');
  const step = stepName(t, stop);
  const station = stationName(t, stop);
  return (
    <li className={`mp-stop${mark ? ` mp-stop-${mark}` : ''}`}>
      <p className="mp-stop-time">
        <span dir="ltr">
          {stop.start}–{stop.end}
        </span>
        {mark && <strong className="mp-stop-mark">{t(mark === 'current' ? 'now' : 'next')}</strong>}
      </p>
      <p className="mp-stop-step">
        <span {...(step.swedish ? swedish : {})}>{step.text}</span>
      </p>
      <p className="mp-stop-station">
        {t('atStation')} <span {...(station.swedish ? swedish : {})}>{station.text}</span>
      </p>
      {showWho && <p className="mp-stop-who">{t('who', { names: whoGoes(t, i18n.language, stop, members) })}</p>}
      <p className={statusClass(stop.status)}>
        <span aria-hidden="true">{STATUS_SYMBOL[stop.status]} </span>
        {t(`status.${stop.status}`)}
      </p>
    </li>
  );
}
