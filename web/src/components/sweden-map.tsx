// SVG map of Sweden (municipality outlines from /geo, no tile server) with offices by tier and a chosen place.
import { useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { geoPath, geoTransverseMercator, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { OfficeTier } from '../../../contracts/registry.ts';
import { OFFICE_TIERS } from '../../../contracts/registry.ts';

export interface MapOffice {
  id: string;
  name: string;
  tier: OfficeTier;
  isMotesplats: boolean;
  lat: number;
  lon: number;
}

export interface MapPoint {
  lat: number;
  lon: number;
}

interface Props {
  offices: MapOffice[];
  /** Accessible name of the map: say what it shows and where the same facts are given as text. */
  label: string;
  place?: MapPoint | null;
  /** Zoom to these points (with a margin) instead of the whole country. */
  focus?: MapPoint[] | null;
  /** Degrees added around the focus points, so a single point still shows its surroundings. */
  focusMarginDeg?: number;
  /** Upper bound on the drawn height in CSS pixels. */
  maxHeight?: number;
}

export type Municipalities = FeatureCollection<Polygon | MultiPolygon, { kommunkod: string; name: string }>;

// One download per page load, shared by every map on the page.
let outlines: Promise<Municipalities> | undefined;
export function loadOutlines(): Promise<Municipalities> {
  outlines ??= fetch('/geo/municipalities.geojson').then((r) => {
    if (!r.ok) throw new Error(`municipalities.geojson: ${r.status}`);
    return r.json() as Promise<Municipalities>;
  });
  outlines.catch(() => {
    outlines = undefined;
  });
  return outlines;
}

const MARKER: Record<OfficeTier, { colour: string }> = {
  servicekontor: { colour: '#0b4f8a' },
  servicecenter: { colour: '#1d6b35' },
  servicepunkt: { colour: '#8a4600' },
  mobile_stop: { colour: '#6b2c91' },
};
const MOTESPLATS_RING = '#a3004f';
const PLACE_COLOUR = '#c4001a';

/** The tier's shape centred on (x, y); shape as well as colour tells tiers apart (WCAG 1.4.1). */
export function TierShape({ tier, x, y, r }: { tier: OfficeTier; x: number; y: number; r: number }) {
  const fill = MARKER[tier].colour;
  const common = { fill, stroke: '#ffffff', strokeWidth: 1.5 };
  switch (tier) {
    case 'servicekontor':
      return <circle cx={x} cy={y} r={r} {...common} />;
    case 'servicecenter':
      return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} {...common} />;
    case 'servicepunkt':
      return <polygon points={`${x},${y - r * 1.2} ${x + r * 1.2},${y} ${x},${y + r * 1.2} ${x - r * 1.2},${y}`} {...common} />;
    case 'mobile_stop':
      return <polygon points={`${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`} {...common} />;
  }
}

function PlaceMark({ x, y, r }: { x: number; y: number; r: number }) {
  return (
    <g stroke={PLACE_COLOUR} strokeWidth={3} strokeLinecap="round">
      <circle cx={x} cy={y} r={r} fill="#ffffff" />
      <line x1={x - r * 1.8} y1={y} x2={x - r * 0.5} y2={y} />
      <line x1={x + r * 0.5} y1={y} x2={x + r * 1.8} y2={y} />
      <line x1={x} y1={y - r * 1.8} x2={x} y2={y - r * 0.5} />
      <line x1={x} y1={y + r * 0.5} x2={x} y2={y + r * 1.8} />
    </g>
  );
}

export function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(320);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * Accessibility choice: the map is one image (role="img" with a name) and its markers are not focusable.
 * Every marker's office is also in the text list beside the map, where it is a real link with the
 * office's name, tier and distance; that list is the interface for keyboard and screen-reader users.
 * Making ~100 markers into links would put a long run of tab stops before the list, ordered by
 * position instead of distance, and links inside role="img" would be hidden from assistive technology
 * anyway. Mouse and touch users can still click a marker to open the office page.
 */
export function SwedenMap({ offices, label, place, focus, focusMarginDeg = 0.6, maxHeight = 760 }: Props) {
  const { t } = useTranslation('public');
  const navigate = useNavigate();
  const { search } = useLocation();
  const [containerRef, width] = useWidth<HTMLDivElement>();
  const [collection, setCollection] = useState<Municipalities | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    loadOutlines().then(
      (c) => current && setCollection(c),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, []);

  // The focus points as a string: a stable dependency, where the array's identity changes every render.
  const focusKey = focus?.map((p) => `${p.lat.toFixed(3)},${p.lon.toFixed(3)}`).join(';') ?? '';
  const drawing = useMemo(() => {
    if (!collection) return null;
    // Transverse Mercator on 15° E, the central meridian of SWEREF 99 TM, so Sweden stands upright.
    const projection = geoTransverseMercator().rotate([-15, 0]);
    const pad = 8;
    let target: GeoPermissibleObjects = collection;
    let height: number;
    if (focusKey !== '') {
      // A degree of longitude is about half a degree of latitude this far north, hence the 1.8.
      const m = focusMarginDeg;
      const corners = focusKey.split(';').flatMap((pair) => {
        const [lat = 0, lon = 0] = pair.split(',').map(Number);
        return [
          [lon - m * 1.8, lat - m],
          [lon + m * 1.8, lat + m],
        ];
      });
      target = { type: 'MultiPoint', coordinates: corners };
      height = Math.min(maxHeight, Math.round(width * 0.9));
    } else {
      projection.fitWidth(width - 2 * pad, collection);
      const [[, y0], [, y1]] = geoPath(projection).bounds(collection);
      height = Math.min(maxHeight, Math.ceil(y1 - y0) + 2 * pad);
    }
    projection.fitExtent(
      [
        [pad, pad],
        [width - pad, height - pad],
      ],
      target,
    );
    const path = geoPath(projection);
    const areas = collection.features.map((f: Feature<Polygon | MultiPolygon, { kommunkod: string }>) => ({
      key: f.properties.kommunkod,
      d: path(f) ?? '',
    }));
    return { projection, areas, height };
  }, [collection, width, focusKey, focusMarginDeg, maxHeight]);

  const markerR = width < 400 ? 6 : 7;
  const placeXY = place && drawing ? drawing.projection([place.lon, place.lat]) : null;
  // Where markers overlap, full offices and Mötesplats rings are drawn last so they stay on top.
  const ordered = [...offices].sort(
    (a, b) =>
      Number(a.isMotesplats) - Number(b.isMotesplats) || OFFICE_TIERS.indexOf(b.tier) - OFFICE_TIERS.indexOf(a.tier),
  );
  const open = (id: string) => void navigate(`/kontor/${id}`, { state: { finderSearch: search } });

  return (
    <figure className="map">
      <div ref={containerRef} className="map-canvas">
        {failed ? (
          <p className="map-failed">{t('map.failed')}</p>
        ) : drawing ? (
          <svg
            role="img"
            aria-label={label}
            width={width}
            height={drawing.height}
            viewBox={`0 0 ${width} ${drawing.height}`}
          >
            <g className="map-areas">
              {drawing.areas.map((a) => (
                <path key={a.key} d={a.d} />
              ))}
            </g>
            {/* The place goes under the offices: an office at the place itself must stay clickable. */}
            {placeXY && <PlaceMark x={placeXY[0]} y={placeXY[1]} r={markerR} />}
            <g>
              {ordered.map((o) => {
                const xy = drawing.projection([o.lon, o.lat]);
                if (!xy) return null;
                const [x, y] = xy;
                return (
                  <g key={o.id} className="map-marker" onClick={() => open(o.id)}>
                    <title>{o.name}</title>
                    {o.isMotesplats && (
                      <circle cx={x} cy={y} r={markerR + 4} fill="none" stroke={MOTESPLATS_RING} strokeWidth={2.5} />
                    )}
                    <TierShape tier={o.tier} x={x} y={y} r={markerR} />
                  </g>
                );
              })}
            </g>
          </svg>
        ) : (
          <div className="map-loading" style={{ height: Math.min(maxHeight, width) }} />
        )}
      </div>
      <figcaption>
        <MapLegend offices={offices} showPlace={Boolean(place)} />
      </figcaption>
    </figure>
  );
}

function MapLegend({ offices, showPlace }: { offices: MapOffice[]; showPlace: boolean }) {
  const { t } = useTranslation(['public', 'common']);
  const tiers = OFFICE_TIERS.filter((tier) => offices.some((o) => o.tier === tier));
  const anyMotesplats = offices.some((o) => o.isMotesplats);
  const swatch = (content: ReactNode) => (
    <svg className="legend-swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
      {content}
    </svg>
  );
  return (
    <>
      <span className="legend-title">{t('map.legend')}</span>
      <ul className="map-legend">
        {tiers.map((tier) => (
          <li key={tier}>
            {swatch(<TierShape tier={tier} x={11} y={11} r={6} />)}
            {t(`common:tier.${tier}`)}
          </li>
        ))}
        {anyMotesplats && (
          <li>
            {swatch(<circle cx={11} cy={11} r={8} fill="none" stroke={MOTESPLATS_RING} strokeWidth={2.5} />)}
            {t('common:motesplats')}
          </li>
        )}
        {showPlace && (
          <li>
            {swatch(<PlaceMark x={11} y={11} r={3} />)}
            {t('map.place')}
          </li>
        )}
      </ul>
    </>
  );
}
