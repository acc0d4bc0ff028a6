// The text list of offices next to the map: the accessible way to reach each office's page.
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { OfficeSummary } from '../../../contracts/registry.ts';
import { formatKm } from '../lib/locale-format.ts';
import { OfficeBadges } from './office-badges.tsx';

export function OfficeList({ offices }: { offices: OfficeSummary[] }) {
  const { t, i18n } = useTranslation('public');
  // The office page's "back" link returns to this very search.
  const { search } = useLocation();
  return (
    <ol className="office-list">
      {offices.map((o) => (
        <li key={o.id} className="office-item">
          <h3>
            <Link to={`/kontor/${o.id}`} state={{ finderSearch: search }}>
              {o.name}
            </Link>
          </h3>
          <OfficeBadges tier={o.tier} isMotesplats={o.isMotesplats} />
          <p className="office-meta">
            <span>{t('offices.municipality', { name: o.municipalityName })}</span>
            {o.distanceKm !== undefined && (
              <span className="distance">{t('offices.distance', { distance: formatKm(o.distanceKm, i18n.language) })}</span>
            )}
          </p>
        </li>
      ))}
    </ol>
  );
}
