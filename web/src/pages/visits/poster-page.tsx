// Printable poster at /kontor/:id/affisch: the office's QR code to the kiosk page, with the invitation in
// all seven visitor languages, so staff can put it up by the entrance and in the waiting room.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Office } from '../../../../contracts/registry.ts';
import { VISITOR_LANGUAGES } from '../../i18n/index.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { KioskQr, kioskUrl } from './kiosk-qr.tsx';
import './visits.css';

export function PosterPage() {
  const { id = '' } = useParams();
  const { i18n } = useTranslation('visits');
  const sv = i18n.getFixedT('sv', 'visits');
  const office = useApiData<Office>(`/offices/${encodeURIComponent(id)}`);
  useDocumentTitle(office.data ? `${sv('poster.title')} – ${office.data.name}` : sv('poster.title'));
  return (
    <main id="main" className="visits poster" lang="sv" dir="ltr">
      <h1 className="poster-title">{sv('poster.title')}</h1>
      {office.data && <p className="poster-office">{office.data.name}</p>}
      <KioskQr className="poster-qr" officeId={id} alt={sv('poster.qrAlt', { url: kioskUrl(id) })} />
      <p className="poster-url">{kioskUrl(id)}</p>
      <ul className="poster-languages">
        {VISITOR_LANGUAGES.map((l) => (
          <li key={l.code} lang={l.code} dir={l.dir}>
            {i18n.getFixedT(l.code, 'visits')('poster.scan')}
          </li>
        ))}
      </ul>
      <p className="poster-kiosk">{sv('poster.orKiosk')}</p>
      <button type="button" className="button poster-print" onClick={() => window.print()}>
        {sv('poster.print')}
      </button>
    </main>
  );
}
