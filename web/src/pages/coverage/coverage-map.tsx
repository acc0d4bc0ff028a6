// The planner's map: municipalities shaded by population-weighted travel time, the service's offices
// (closed ones struck through) and the proposed new sites, numbered as in the new-sites table.
//
// Keyboard: the offices are one tab stop (a roving tabindex), arrow keys move between them in name order,
// Enter or Space closes or reopens the focused one. The same toggles are in the office table beside the
// map, which with the area tables is the map's text alternative (the shading itself is aria-hidden).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { AnalysisOffice, AreaRow, NewSite } from '../../../../contracts/coverage.ts';
import { loadOutlines, TierShape, useWidth, type Municipalities } from '../../components/sweden-map.tsx';
import { bandOf, BANDS, NO_DATA_COLOUR, type Formatters } from './coverage-model.ts';
import { OFFICE_TIERS } from '../../../../contracts/registry.ts';

const byName = new Intl.Collator('sv').compare;
const OUTSIDE_COLOUR = '#f1f5f9';

interface Props {
  municipalities: AreaRow[];
  offices: AnalysisOffice[];
  newSites: NewSite[];
  county: string | null;
  fmt: Formatters;
  onToggle: (officeId: string) => void;
}

type Drawing = { projection: ReturnType<typeof geoTransverseMercator>; areas: { code: string; name: string; d: string }[]; height: number };

function useOutlines() {
  const [outlines, setOutlines] = useState<Municipalities | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    loadOutlines().then((c) => current && setOutlines(c), () => current && setFailed(true));
    return () => {
      current = false;
    };
  }, []);
  return { outlines, failed };
}

function draw(outlines: Municipalities, county: string | null, width: number): Drawing {
  // Transverse Mercator on 15° E (SWEREF 99 TM's meridian): Sweden upright, as on the finder's map.
  const projection = geoTransverseMercator().rotate([-15, 0]);
  const inCounty = outlines.features.filter((f) => county && f.properties.kommunkod.startsWith(county));
  const target = inCounty.length ? { ...outlines, features: inCounty } : outlines;
  const pad = 8;
  projection.fitWidth(width - 2 * pad, target);
  const [[, y0], [, y1]] = geoPath(projection).bounds(target);
  const height = Math.min(inCounty.length ? 640 : 820, Math.ceil(y1 - y0) + 2 * pad);
  projection.fitExtent([[pad, pad], [width - pad, height - pad]], target);
  const path = geoPath(projection);
  return { projection, height, areas: outlines.features.map((f) => ({ code: f.properties.kommunkod, name: f.properties.name, d: path(f) ?? '' })) };
}

function Star({ x, y, r }: { x: number; y: number; r: number }) {
  const points = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 ? r * 0.45 : r;
    return `${x + rr * Math.cos(a)},${y + rr * Math.sin(a)}`;
  }).join(' ');
  return <polygon points={points} fill="#111827" stroke="#ffffff" strokeWidth={1.5} />;
}

export function CoverageMap({ municipalities, offices, newSites, county, fmt, onToggle }: Props) {
  const { t } = useTranslation('coverage');
  const [ref, width] = useWidth<HTMLDivElement>();
  const { outlines, failed } = useOutlines();
  const drawing = useMemo(() => (outlines ? draw(outlines, county, width) : null), [outlines, county, width]);
  const minutes = useMemo(() => new Map(municipalities.map((m) => [m.code, m])), [municipalities]);
  // Keyboard order: by name, only the offices in view.
  const ordered = useMemo(
    () => offices.filter((o) => !county || o.countyCode === county).sort((a, b) => byName(a.name, b.name)),
    [offices, county],
  );
  const [active, setActive] = useState(0);
  const markers = useRef(new Map<string, SVGGElement>());
  const current = Math.min(active, Math.max(0, ordered.length - 1));

  const onKey = (e: KeyboardEvent, index: number, id: string) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    let next: number | null = step === undefined ? null : (index + step + ordered.length) % ordered.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = ordered.length - 1;
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      markers.current.get(ordered[next]!.id)?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onToggle(id);
    }
  };

  const r = width < 500 ? 6 : 7;
  return (
    <figure className="map coverage-map">
      <div ref={ref} className="map-canvas">
        {failed ? <p className="error">{t('map.failed')}</p> : drawing ? (
          <svg role="group" aria-label={t('map.label')} width={width} height={drawing.height} viewBox={`0 0 ${width} ${drawing.height}`}>
            <g className="coverage-areas" aria-hidden="true">
              {drawing.areas.map((a) => {
                const row = minutes.get(a.code);
                const band = row ? bandOf(row.meanMinutes) : -1;
                // Outside the chosen county the figures are not asked for: drawn plain, for orientation.
                const outside = county !== null && !a.code.startsWith(county);
                return (
                  <path key={a.code} d={a.d} fill={outside ? OUTSIDE_COLOUR : band >= 0 ? BANDS[band]!.colour : NO_DATA_COLOUR}>
                    <title>{row ? t('map.areaTitle', { name: a.name, minutes: fmt.minutes(row.meanMinutes) }) : a.name}</title>
                  </path>
                );
              })}
            </g>
            <g>
              {ordered.map((o, i) => {
                const xy = drawing.projection([o.lon, o.lat]);
                if (!xy) return null;
                return (
                  <g
                    key={o.id}
                    ref={(el) => void (el ? markers.current.set(o.id, el) : markers.current.delete(o.id))}
                    role="button"
                    tabIndex={i === current ? 0 : -1}
                    aria-pressed={o.closed}
                    aria-label={t('map.toggle', { name: o.name })}
                    className={`coverage-marker${o.closed ? ' closed' : ''}`}
                    onClick={() => onToggle(o.id)}
                    onKeyDown={(e) => onKey(e, i, o.id)}
                    onFocus={() => setActive(i)}
                  >
                    <title>{`${o.name}: ${o.closed ? t('offices.closed') : t('offices.served', { people: fmt.people(o.servedAfter) })}`}</title>
                    <circle cx={xy[0]} cy={xy[1]} r={r + 5} className="marker-focus" />
                    <TierShape tier={o.tier} x={xy[0]} y={xy[1]} r={r} />
                    {o.closed && (
                      <path d={`M${xy[0] - r - 2},${xy[1] - r - 2}L${xy[0] + r + 2},${xy[1] + r + 2}M${xy[0] + r + 2},${xy[1] - r - 2}L${xy[0] - r - 2},${xy[1] + r + 2}`} stroke="#111827" strokeWidth={3} />
                    )}
                  </g>
                );
              })}
            </g>
            <g aria-hidden="true">
              {newSites.map((s, i) => {
                const xy = drawing.projection([s.lon, s.lat]);
                if (!xy) return null;
                return (
                  <g key={s.id}>
                    <title>{t('map.siteTitle', { rank: i + 1, name: s.name })}</title>
                    <Star x={xy[0]} y={xy[1]} r={r + 4} />
                    <text x={xy[0] + r + 5} y={xy[1] + 4} className="site-label">{i + 1}</text>
                  </g>
                );
              })}
            </g>
          </svg>
        ) : <div className="map-loading" style={{ height: Math.min(760, width) }} />}
      </div>
      <figcaption>
        <MapLegend offices={offices} hasSites={newSites.length > 0} county={county} />
      </figcaption>
    </figure>
  );
}

function MapLegend({ offices, hasSites, county }: { offices: AnalysisOffice[]; hasSites: boolean; county: string | null }) {
  const hasClosed = offices.some((o) => o.closed);
  const tiers = OFFICE_TIERS.filter((tier) => offices.some((o) => o.tier === tier));
  const { t } = useTranslation(['coverage', 'common']);
  const swatch = (children: ReactNode) => (
    <svg className="legend-swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">{children}</svg>
  );
  const from = [0, 15, 30, 45, 60];
  return (
    <>
      <span className="legend-title">{t('map.legendTitle')}</span>
      <ul className="map-legend">
        {BANDS.map((b, i) => (
          <li key={b.max}>
            {swatch(<rect x="2" y="2" width="18" height="18" fill={b.colour} stroke="#475569" />)}
            {Number.isFinite(b.max) ? t('map.band', { from: from[i], to: b.max }) : t('map.bandOver', { from: 60 })}
          </li>
        ))}
        <li>
          {swatch(<rect x="2" y="2" width="18" height="18" fill={NO_DATA_COLOUR} stroke="#475569" />)}
          {t('map.noData')}
        </li>
        {county && (
          <li>
            {swatch(<rect x="2" y="2" width="18" height="18" fill={OUTSIDE_COLOUR} stroke="#475569" />)}
            {t('map.outside')}
          </li>
        )}
        {tiers.map((tier) => (
          <li key={tier}>
            {swatch(<TierShape tier={tier} x={11} y={11} r={6} />)}
            {t(`common:tier.${tier}`)}
          </li>
        ))}
        {hasClosed && (
          <li>
            {swatch(<path d="M4,4L18,18M18,4L4,18" stroke="#111827" strokeWidth={3} />)}
            {t('map.closed')}
          </li>
        )}
        {hasSites && (
          <li>
            {swatch(<Star x={11} y={11} r={9} />)}
            {t('map.newSite')}
          </li>
        )}
      </ul>
    </>
  );
}
