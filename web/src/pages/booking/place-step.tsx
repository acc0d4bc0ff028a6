// Step 2: where. The visitor types a place or shares their position, then picks one of the nearest offices
// that give the service, or asks for the first free time within a radius (offices and mobile stops).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FirstFreeOption, FirstFreeResponse } from '../../../../contracts/booking.ts';
import type { OfficeSummary } from '../../../../contracts/registry.ts';
import { formatKm } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { formatDay } from './booking-format.ts';
import type { PlaceChoice, ServiceChoice } from './booking-types.ts';
import { locate, placeOfHit, usePlaceHits, type GeoStatus, type Place } from './use-place-search.ts';
import { useStepHeading } from './use-step-heading.ts';

const BOOKABLE_TIERS = new Set(['servicekontor', 'servicecenter', 'mobile_stop']);
const RADII = [10, 25, 50, 100];

interface Props {
  service: ServiceChoice;
  onChoose: (place: PlaceChoice) => void;
  onFirstFree: (option: FirstFreeOption) => void;
}

export function PlaceStep({ service, onChoose, onFirstFree }: Props) {
  const { t, i18n } = useTranslation('booking');
  const lang = i18n.language;
  const heading = useStepHeading();
  const inputId = useId();
  const [text, setText] = useState('');
  const [place, setPlace] = useState<Place | null>(null);
  const [geo, setGeo] = useState<GeoStatus>('idle');
  const [radius, setRadius] = useState(50);
  const [firstFree, setFirstFree] = useState(false);
  const search = usePlaceHits(text);

  const near = place ? `${place.lat.toFixed(4)},${place.lon.toFixed(4)}` : null;
  const offices = useApiData<OfficeSummary[]>(
    near ? `/offices?${new URLSearchParams({ near, serviceId: service.id, limit: '20' }).toString()}` : null,
  );
  const free = useApiData<FirstFreeResponse>(
    place && firstFree
      ? `/services/${service.id}/first-free?${new URLSearchParams({ lat: String(place.lat), lon: String(place.lon), radiusKm: String(radius), limit: '8' }).toString()}`
      : null,
  );
  const nearest = (offices.data ?? []).filter((o) => BOOKABLE_TIERS.has(o.tier)).slice(0, 8);
  const placeLabel = place ? (place.name ?? t('place.myPosition')) : '';

  const choosePlace = (p: Place) => {
    setPlace(p);
    setText('');
  };

  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('place.title')}
      </h1>
      <div className="booking-field">
        <label htmlFor={inputId}>{t('place.searchLabel')}</label>
        <p className="booking-hint" id={`${inputId}-hint`}>
          {t('place.searchHint')}
        </p>
        <input
          id={inputId}
          type="search"
          className="booking-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${inputId}-hint`}
          autoComplete="off"
          dir="auto"
        />
      </div>
      <p role="status" className="booking-status">
        {search.searching ? t('place.searching') : search.failed ? t('place.searchFailed') : ''}
        {text.trim().length >= 2 && !search.searching && !search.failed && search.hits.length === 0 ? t('place.noHits') : ''}
      </p>
      {search.hits.length > 0 && (
        <ul className="booking-hits" aria-label={t('place.hitsLabel')}>
          {search.hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <button
                type="button"
                className="booking-link-button"
                onClick={() => void placeOfHit(hit).then((p) => p && choosePlace(p))}
              >
                <span lang="sv" dir="ltr">
                  {hit.label}
                </span>{' '}
                <span className="booking-muted" lang="sv" dir="ltr">
                  {hit.detail}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button secondary" onClick={() => locate(choosePlace, setGeo)}>
          {t('place.useMyPosition')}
        </button>
      </p>
      <p role="status" className="booking-status">
        {geo === 'locating' ? t('place.locating') : geo === 'denied' ? t('place.denied') : geo === 'unavailable' ? t('place.unavailable') : ''}
      </p>

      {place && (
        <>
          <h2 id="booking-nearest">{t('place.nearestTitle', { place: placeLabel })}</h2>
          {offices.loading && <p role="status">{t('loading')}</p>}
          {offices.error && <p role="alert">{t('errors.network')}</p>}
          {offices.data && nearest.length === 0 && <p>{t('place.noOffices')}</p>}
          <ul className="booking-choices" aria-labelledby="booking-nearest">
            {nearest.map((o) => (
              <li key={o.id}>
                <button type="button" className="booking-choice" onClick={() => onChoose({ officeId: o.id, officeName: o.name })}>
                  <span className="booking-choice-title" lang="sv" dir="ltr">
                    {o.name}
                  </span>
                  <span className="booking-choice-detail">
                    {o.tier === 'mobile_stop' ? `${t('place.mobileStop')} · ` : ''}
                    {o.distanceKm !== undefined ? t('place.distance', { distance: formatKm(o.distanceKm, lang) }) : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>

          <h2>{t('place.firstFreeTitle')}</h2>
          <div className="booking-inline">
            <div className="booking-field">
              <label htmlFor="booking-radius">{t('place.radiusLabel')}</label>
              <select id="booking-radius" className="booking-input" value={radius} onChange={(e) => setRadius(Number(e.target.value))}>
                {RADII.map((r) => (
                  <option key={r} value={r}>
                    {formatKm(r, lang)}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button secondary" onClick={() => setFirstFree(true)}>
              {t('place.firstFreeButton')}
            </button>
          </div>
          {firstFree && free.loading && <p role="status">{t('loading')}</p>}
          {firstFree && free.error && <p role="alert">{t('errors.network')}</p>}
          {free.data && free.data.options.length === 0 && <p role="status">{t('place.firstFreeNone')}</p>}
          {free.data && free.data.options.length > 0 && (
            <ul className="booking-choices" aria-label={t('place.firstFreeTitle')}>
              {free.data.options.map((o) => (
                <li key={`${o.officeId}:${o.start}`}>
                  <button type="button" className="booking-choice" onClick={() => onFirstFree(o)}>
                    <span className="booking-choice-title">
                      <span dir="ltr">{o.time}</span> {formatDay(o.date, lang)}
                    </span>
                    <span className="booking-choice-detail">
                      <span lang="sv" dir="ltr">
                        {o.officeName}
                      </span>{' '}
                      · {o.mobileVisitId ? `${t('place.mobileStop')} · ` : ''}
                      {o.channel === 'video' ? `${t('channel.video')} · ` : ''}
                      {t('place.distance', { distance: formatKm(o.distanceKm, lang) })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
