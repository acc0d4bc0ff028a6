// Public office finder: search by place or service; the choice lives in the URL so it can be shared.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Agency, County, Municipality, OfficeSummary, SearchHit, Service } from '../../../../contracts/registry.ts';
import { SwedenMap, type MapPoint } from '../../components/sweden-map.tsx';
import { OfficeList } from '../../components/office-list.tsx';
import { api } from '../../lib/api.ts';
import { localDescription, localName, swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { FinderSearch } from './finder-search.tsx';

const NEAREST_LIMIT = 20;
const ALL_LIMIT = 200;

type GeoStatus = 'idle' | 'locating' | 'denied' | 'unavailable';

function parsePlace(value: string | null): MapPoint | null {
  if (!value) return null;
  const [lat, lon] = value.split(',').map(Number);
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  return { lat, lon };
}

interface OfficeQuery {
  place: MapPoint | null;
  serviceId: string | null;
  agencyId: string | null;
  county: string | null;
}

function officesPath({ place, serviceId, agencyId, county }: OfficeQuery): string {
  const params = new URLSearchParams();
  if (place) params.set('near', `${place.lat.toFixed(4)},${place.lon.toFixed(4)}`);
  if (serviceId) params.set('serviceId', serviceId);
  if (agencyId) params.set('agencyId', agencyId);
  if (county) params.set('countyCode', county);
  params.set('limit', String(place ? NEAREST_LIMIT : ALL_LIMIT));
  return `/offices?${params.toString()}`;
}

export function FinderPage() {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [geo, setGeo] = useState<GeoStatus>('idle');
  const pendingFocus = useRef<string | null>(null);
  useDocumentTitle(t('finder.title'));

  const place = parsePlace(params.get('place'));
  const placeName = params.get('placeName');
  const serviceId = params.get('service');
  const agencyId = params.get('agency');
  const county = params.get('county');

  const services = useApiData<Service[]>('/services', { cached: true });
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  const counties = useApiData<County[]>('/counties', { cached: true });
  const offices = useApiData<OfficeSummary[]>(officesPath({ place, serviceId, agencyId, county }), {
    keepPrevious: true,
  });

  const service = services.data?.find((s) => s.id === serviceId);
  const agency = agencies.data?.find((a) => a.id === agencyId);
  const serviceAgency = service ? agencies.data?.find((a) => a.id === service.agencyId) : undefined;
  const placeLabel = place ? (placeName ?? t('finder.myPosition')) : null;

  /**
   * Changes the query (a new history entry, so Back undoes it). When the control that was used goes
   * away (a chosen hit, a removed filter), focus moves to the heading of what changed instead of being lost.
   */
  const update = (changes: Record<string, string | null>, focusId: string | null = 'offices-heading') => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
    pendingFocus.current = focusId;
  };
  // Runs after every render: the heading to focus may appear only once the new query's data is in.
  useEffect(() => {
    const el = pendingFocus.current ? document.getElementById(pendingFocus.current) : null;
    if (el) {
      pendingFocus.current = null;
      el.focus();
    }
  });
  const setPlace = (lat: number, lon: number, name: string | null) =>
    update({ place: `${lat.toFixed(4)},${lon.toFixed(4)}`, placeName: name });

  const choose = async (hit: SearchHit) => {
    switch (hit.kind) {
      case 'office':
        void navigate(`/kontor/${hit.id}`, { state: { finderSearch: params.size > 0 ? `?${params.toString()}` : '' } });
        return;
      case 'service':
        update({ service: hit.id, agency: null }, 'service-heading');
        return;
      case 'agency':
        update({ agency: hit.id, service: null }, 'agency-heading');
        return;
      case 'locality':
      case 'municipality': {
        if (hit.lat !== null && hit.lon !== null) {
          setPlace(hit.lat, hit.lon, hit.label);
          return;
        }
        // A municipality hit without coordinates: use the municipal seat from the reference list.
        const all = await api.get<Municipality[]>('/municipalities').catch(() => []);
        const m = all.find((x) => x.kommunkod === hit.id);
        if (m) setPlace(m.lat, m.lon, hit.label);
      }
    }
  };

  const locateMe = () => {
    if (geo === 'locating') return;
    if (!('geolocation' in navigator)) {
      setGeo('unavailable');
      return;
    }
    setGeo('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setGeo('idle');
        setPlace(pos.coords.latitude, pos.coords.longitude, null);
      },
      (err) => setGeo(err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  };

  const list = offices.data ?? [];
  const focus: MapPoint[] | null = place
    ? [place, ...list.slice(0, 6)]
    : county && list.length > 0
      ? list
      : null;
  const chosenCounty = counties.data?.find((c) => c.code === county);
  const hasFilters = Boolean(place || service || agency);

  return (
    <div className="page finder">
      <h1>{t('finder.title')}</h1>
      <p className="lead">{t('finder.intro')}</p>

      <div className="finder-controls">
        <FinderSearch services={services.data ?? []} agencies={agencies.data ?? []} onChoose={(h) => void choose(h)} />
        <div className="finder-extra">
          <div>
            <button type="button" className="button secondary" onClick={locateMe}>
              {t('finder.useMyPosition')}
            </button>
            <p role="status" className="geo-status">
              {geo === 'locating' && t('finder.locating')}
              {geo === 'denied' && t('finder.positionDenied')}
              {geo === 'unavailable' && t('finder.positionUnavailable')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="county" className="field-label">
              {t('finder.countyLabel')}
            </label>
            <select id="county" value={county ?? ''} onChange={(e) => update({ county: e.target.value || null }, null)}>
              <option value="">{t('finder.allCounties')}</option>
              {(counties.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>

      {hasFilters && (
        <section className="chosen" aria-labelledby="chosen-heading">
          <h2 id="chosen-heading" className="visually-hidden">
            {t('finder.chosenHeading')}
          </h2>
          <ul className="chips">
            {placeLabel && (
              <li className="chip">
                <span>{t('finder.chipPlace', { name: placeLabel })}</span>
                <button
                  type="button"
                  aria-label={t('finder.removePlace', { name: placeLabel })}
                  onClick={() => update({ place: null, placeName: null })}
                >
                  {t('finder.remove')}
                </button>
              </li>
            )}
            {service && (
              <li className="chip">
                <span>
                  {t('finder.chipService')} <span {...swedishTextProps(lang, true)}>{localName(service, lang)}</span>
                </span>
                <button
                  type="button"
                  aria-label={t('finder.removeService', { name: localName(service, lang) })}
                  onClick={() => update({ service: null })}
                >
                  {t('finder.remove')}
                </button>
              </li>
            )}
            {agency && (
              <li className="chip">
                <span>
                  {t('finder.chipAgency')} <span {...swedishTextProps(lang, true)}>{localName(agency, lang)}</span>
                </span>
                <button
                  type="button"
                  aria-label={t('finder.removeAgency', { name: localName(agency, lang) })}
                  onClick={() => update({ agency: null })}
                >
                  {t('finder.remove')}
                </button>
              </li>
            )}
          </ul>
        </section>
      )}

      {service && (
        <section className="panel service-info" aria-labelledby="service-heading">
          <h2 id="service-heading" tabIndex={-1}>
            <span {...swedishTextProps(lang, true)}>{localName(service, lang)}</span>
          </h2>
          {serviceAgency && (
            <p>
              {t('finder.serviceBy')} <span {...swedishTextProps(lang, true)}>{localName(serviceAgency, lang)}</span>
            </p>
          )}
          <p {...swedishTextProps(lang, lang === 'en' && service.descriptionEn.trim() !== '')}>
            {localDescription(service, lang)}
          </p>
          <p>{t('finder.serviceDuration', { count: service.durationMin })}</p>
        </section>
      )}

      {agency && (
        <section className="panel agency-info" aria-labelledby="agency-heading">
          <h2 id="agency-heading" tabIndex={-1}>
            <span {...swedishTextProps(lang, true)}>{localName(agency, lang)}</span>
          </h2>
          <p>{t('finder.agencyHint')}</p>
          <ul className="service-buttons">
            {(services.data ?? [])
              .filter((s) => s.agencyId === agency.id)
              .map((s) => (
                <li key={s.id}>
                  <button type="button" className="link-button" onClick={() => update({ service: s.id, agency: null }, 'service-heading')}>
                    <span {...swedishTextProps(lang, true)}>{localName(s, lang)}</span>
                  </button>
                </li>
              ))}
          </ul>
          {agency.website && (
            <p>
              <a href={agency.website}>{t('finder.agencyWebsite', { name: localName(agency, lang) })}</a>
            </p>
          )}
        </section>
      )}

      <section className="results" aria-labelledby="offices-heading">
        <h2 id="offices-heading" tabIndex={-1}>
          {placeLabel ? t('offices.headingNear', { place: placeLabel }) : t('offices.heading')}
        </h2>
        <p role="status" className="offices-status">
          {offices.loading
            ? t('offices.loading')
            : offices.error
              ? ''
              : list.length === 0
                ? t('offices.none')
                : chosenCounty
                  ? t('offices.countInCounty', { count: list.length, county: chosenCounty.name })
                  : t('offices.count', { count: list.length })}
        </p>
        {offices.error && (
          <p role="alert" className="error">
            {t('common:error.load')}
          </p>
        )}
        <div className="results-grid">
          <div className="results-list">
            <OfficeList offices={list} />
          </div>
          <div className="results-map">
            <SwedenMap
              offices={list}
              place={place}
              focus={focus}
              focusMarginDeg={0.3}
              label={placeLabel ? t('map.labelNear', { place: placeLabel }) : t('map.label')}
            />
          </div>
        </div>
      </section>
    </div>
  );
}
