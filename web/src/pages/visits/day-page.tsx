// The office manager's day view at /kontor/:id/dag (staff only; Swedish and English): queues, counters
// and arrivals per hour, live from the office's event stream. ?dag=YYYY-MM-DD shows another day.
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import type { Agency, Office } from '../../../../contracts/registry.ts';
import type { OfficeDay } from '../../../../contracts/visits.ts';
import { ApiError } from '../../lib/api.ts';
import { formatIsoDate, swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { DayCountersTable } from './day-counters-table.tsx';
import { MinutesText } from './day-figure-cells.tsx';
import { DayHoursChart } from './day-hours-chart.tsx';
import { formatClock, isCalendarDate, staffLanguage } from './day-model.ts';
import { DayQueuesTable } from './day-queues-table.tsx';
import { useDayFeed, type DayFeed } from './use-day-feed.ts';
import { useMe } from './use-me.ts';
import './visits.css';
import './day.css';

function DateForm({ value, onShow }: { value: string; onShow: (date: string) => void }) {
  const { t } = useTranslation('visits');
  return (
    <form
      className="day-date"
      onSubmit={(e) => {
        e.preventDefault();
        const input = new FormData(e.currentTarget).get('date');
        if (typeof input === 'string' && isCalendarDate(input)) onShow(input);
      }}
    >
      <label htmlFor="day-date" className="field-label">
        {t('day.dateLabel')}
      </label>
      <input id="day-date" name="date" type="date" defaultValue={value} required />
      <button type="submit" className="button secondary">
        {t('day.show')}
      </button>
    </form>
  );
}

/** The four figures a manager looks at first, above the tables. */
function KeyFigures({ day }: { day: OfficeDay }) {
  const { t } = useTranslation('visits');
  const f = day.totals;
  return (
    <dl className="day-cards">
      {day.live && (
        <div>
          <dt>{t('day.figures.waiting')}</dt>
          <dd>{f.waiting}</dd>
        </div>
      )}
      {day.live && (
        <div>
          <dt>{t('day.figures.longestWait')}</dt>
          <dd>
            <MinutesText minutes={f.longestWaitMinutes} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t('day.figures.served')}</dt>
        <dd>{f.served}</dd>
      </div>
      <div>
        <dt>{t('day.figures.meanWait')}</dt>
        <dd>
          <MinutesText minutes={f.meanWaitMinutes} />
        </dd>
      </div>
    </dl>
  );
}

function FeedStatus({ feed }: { feed: DayFeed }) {
  const { t, i18n } = useTranslation('visits');
  // Only a change of connection is announced; the update time is there to read, not to be spoken.
  const problem = feed.stream === 'reconnecting' ? t('day.reconnecting') : feed.day && feed.error ? t('day.staleError') : '';
  return (
    <>
      <p role="status" className={problem ? 'day-problem' : 'visually-hidden'}>
        {problem}
      </p>
      {feed.day && (
        <p className="day-updated">
          {feed.day.live ? t('day.updatedLive', { time: formatClock(feed.day.generatedAt, i18n.language, true) }) : t('day.notLive')}
        </p>
      )}
    </>
  );
}

export function DayPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation('visits');
  const me = useMe();
  const requested = params.get('dag');
  const date = requested !== null && isCalendarDate(requested) ? requested : null;
  const signedIn = me.kind === 'in';
  const office = useApiData<Office>(signedIn ? `/offices/${encodeURIComponent(id)}` : null);
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  const feed = useDayFeed(id, date, signedIn);
  const title = office.data ? `${t('day.title')} – ${office.data.name}` : t('day.title');
  useDocumentTitle(title);

  const status = feed.error instanceof ApiError ? feed.error.status : undefined;
  if (me.kind === 'out' || status === 401) return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  // Like the desk, the page is in Swedish and English; in any other site language its Swedish is marked.
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);
  const day = feed.day;

  const officeMissing = status === 404 || (office.error instanceof ApiError && office.error.status === 404);
  const failure = status === 403 ? 'forbidden' : officeMissing ? 'officeMissing' : !day && (feed.error || me.kind === 'error' || agencies.error) ? 'loadError' : null;
  let content;
  if (failure) {
    content = (
      <p role="alert" className="error">
        {t(`day.${failure}`)}
      </p>
    );
  } else if (!day || !agencies.data) {
    content = <p role="status">{t('day.loading')}</p>;
  } else {
    content = (
      <>
        <FeedStatus feed={feed} />
        <KeyFigures day={day} />
        <DayQueuesTable day={day} agencies={agencies.data} />
        <DayCountersTable day={day} />
        <DayHoursChart hours={day.hours} />
      </>
    );
  }

  return (
    <div className="page day visits" {...langProps}>
      <h1>
        {t('day.title')}
        {office.data && <span className="desk-office">{office.data.name}</span>}
        {day && <span className="desk-office">{formatIsoDate(day.date, staffLanguage(i18n.language))}</span>}
      </h1>
      <nav className="day-links" aria-label={t('day.linksLabel')}>
        <Link to={`/kontor/${encodeURIComponent(id)}/disk`}>{t('day.toDesk')}</Link>{' '}
        <Link to={`/kontor/${encodeURIComponent(id)}/bokningar`}>{t('bookingStaff:link')}</Link>{' '}
        <Link to={`/kontor/${encodeURIComponent(id)}/kioskenheter`}>{t('kioskDevices.title')}</Link>
        {date && <Link to={pathname}>{t('day.today')}</Link>}
      </nav>
      {day && <DateForm key={day.date} value={day.date} onShow={(d) => setParams({ dag: d })} />}
      {content}
    </div>
  );
}
