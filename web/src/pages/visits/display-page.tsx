// Display board at /kontor/:id/skarm (full screen, no site frame): latest calls, waiting per queue, clock.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Agency, Office } from '../../../../contracts/registry.ts';
import { applyLanguage } from '../../i18n/index.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { BoardCalls } from './board-calls.tsx';
import { BoardClock } from './board-clock.tsx';
import { BoardQueues } from './board-queues.tsx';
import { KioskQr, kioskUrl } from './kiosk-qr.tsx';
import { Bilingual, useBoardText } from './board-text.tsx';
import { spokenCall } from './call-list.ts';
import { useBoardFeed } from './use-board-feed.ts';
import { useSpeech } from './use-speech.ts';
import type { Call } from '../../../../contracts/visits.ts';
import './visits.css';

/** The board is Swedish (with English marked as such) whatever language the browser was left in. */
function useSwedishDocument() {
  const { i18n } = useTranslation();
  useEffect(() => {
    document.documentElement.lang = 'sv';
    document.documentElement.dir = 'ltr';
    return () => applyLanguage(i18n.language);
  }, [i18n]);
}

export function DisplayPage() {
  const { id = '' } = useParams();
  const { sv } = useBoardText();
  useSwedishDocument();
  const office = useApiData<Office>(`/offices/${encodeURIComponent(id)}`);
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  const speech = useSpeech(sv('display.soundConfirm'));
  const [announcement, setAnnouncement] = useState('');
  const { speak } = speech;
  const onNewCall = useCallback(
    (call: Call) => {
      setAnnouncement(sv('display.announce', { number: call.number, counter: call.counterName }));
      speak(spokenCall(call));
    },
    [sv, speak],
  );
  const feed = useBoardFeed(id, onNewCall);
  useDocumentTitle(office.data ? `${sv('display.pageTitle')} – ${office.data.name}` : sv('display.pageTitle'));

  return (
    <div className="visits board" lang="sv" dir="ltr">
      <header className="board-bar">
        <h1 className="board-title">
          {office.data?.name ?? sv('display.pageTitle')}
          <span className="board-subtitle">
            <Bilingual k="display.pageTitle" />
          </span>
        </h1>
        <div className="board-tools">
          <p className="board-connection" role="status">
            {feed.stream === 'reconnecting' ? <Bilingual k="display.reconnecting" /> : ''}
          </p>
          {speech.supported && (
            <button type="button" className="board-sound" aria-pressed={speech.enabled} onClick={speech.toggle}>
              <Bilingual k="display.sound" />
            </button>
          )}
          <BoardClock />
        </div>
      </header>
      <main id="main" className="board-main">
        <BoardCalls calls={feed.calls} />
        <BoardQueues queues={feed.queues} agencies={agencies.data ?? []} />
        <figure className="board-qr">
          <KioskQr officeId={id} alt={sv('poster.qrAlt', { url: kioskUrl(id) })} />
          <figcaption>
            <Bilingual k="poster.boardScan" />
          </figcaption>
        </figure>
      </main>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
