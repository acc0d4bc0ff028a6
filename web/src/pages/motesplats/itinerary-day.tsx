// The household's plan for the day: what happens now and next, then each member's stops in time order.
import { useTranslation } from 'react-i18next';
import type { Itinerary } from '../../../../contracts/motesplats.ts';
import { ItineraryStop } from './itinerary-stop.tsx';
import { nowAndNext, stopsOf, type Stop } from './itinerary-model.ts';

export function ItineraryDay({ itinerary }: { itinerary: Itinerary }) {
  const { t } = useTranslation('motesplatsVisitor');
  const { stops } = itinerary;
  // Protected identity: the API names nobody on this link; the page says "Person 1" in its language.
  const members = itinerary.protectedIdentity ? itinerary.members.map((m, i) => ({ ...m, givenName: t('person', { n: i + 1 }) })) : itinerary.members;
  const { current, next } = nowAndNext(stops);
  const markOf = (s: Stop) => (s === current ? 'current' : s === next ? 'next' : undefined);
  if (itinerary.noShow) return <p className="mp-it-notice">{t('noShow')}</p>;
  if (stops.length === 0) return <p className="mp-it-notice">{t('notPlanned')}</p>;
  const single = members.length === 1;
  return (
    <>
      {itinerary.protectedIdentity && <p className="mp-it-notice">{t('protectedNote')}</p>}
      <section className="mp-it-now" aria-labelledby="mp-it-now-title">
        <h2 id="mp-it-now-title">{current ? t('nowTitle') : t('nextTitle')}</h2>
        {current || next ? (
          <ul className="mp-stops">
            {current && <ItineraryStop stop={current} members={members} mark="current" showWho={!single} />}
            {next && <ItineraryStop stop={next} members={members} mark="next" showWho={!single} />}
          </ul>
        ) : (
          <p>{t('allDone')}</p>
        )}
      </section>
      {members.map((m) => {
        const own = stopsOf(stops, m.id);
        const titleId = `mp-it-member-${m.id}`;
        return (
          <section key={m.id} className="mp-it-member" aria-labelledby={titleId}>
            <h2 id={titleId}>{single ? t('yourDay') : t('memberDay', { name: m.givenName })}</h2>
            {own.length === 0 ? (
              <p>{t('noStops')}</p>
            ) : (
              <ol className="mp-stops">
                {own.map((s) => (
                  <ItineraryStop key={s.taskId} stop={s} members={members} mark={markOf(s)} showWho={!single} />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
