// Public page of one office: contact, opening hours and the next 14 days, services, agencies on site.
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { Agency, Office, OfficeDay, OpeningHours, Service } from '../../../../contracts/registry.ts';
import { OfficeBadges } from '../../components/office-badges.tsx';
import { NameList } from '../../components/name-list.tsx';
import { SwedenMap } from '../../components/sweden-map.tsx';
import { ApiError } from '../../lib/api.ts';
import {
  ISO_WEEKDAYS,
  formatIsoDate,
  languageName,
  localDescription,
  localName,
  swedishTextProps,
  todayInStockholm,
  weekdayName,
} from '../../lib/locale-format.ts';
import { useApiData, type ApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from './not-found-page.tsx';

const CALENDAR_DAYS = 14;

/** Opening intervals as "09:00–12:00, 13:00–16:00"; a single interval never breaks across lines. */
function Hours({ intervals }: { intervals: { opens: string; closes: string }[] }) {
  return (
    <NameList names={intervals.map((i) => `${i.opens}–${i.closes}`)} type="unit" itemProps={{ className: 'nowrap' }} />
  );
}

/** Where "back to the search" should lead: the finder with the query the visitor came from. */
function useFinderLink(): string {
  const { state } = useLocation();
  const search =
    typeof state === 'object' && state !== null && 'finderSearch' in state && typeof state.finderSearch === 'string'
      ? state.finderSearch
      : '';
  return `/${search}`;
}

export function OfficePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const back = useFinderLink();
  const office = useApiData<Office>(`/offices/${encodeURIComponent(id)}`);
  const today = todayInStockholm();
  const calendar = useApiData<OfficeDay[]>(
    office.data ? `/offices/${encodeURIComponent(id)}/calendar?from=${today}&days=${CALENDAR_DAYS}` : null,
  );
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  const services = useApiData<Service[]>('/services', { cached: true });
  const hub = useApiData<Office>(office.data?.hubOfficeId ? `/offices/${office.data.hubOfficeId}` : null);
  useDocumentTitle(office.data?.name ?? t('office.loadingTitle'));

  if (office.error instanceof ApiError && (office.error.status === 404 || office.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (office.error) {
    return (
      <div className="page narrow">
        <p>
          <Link to={back}>{t('office.back')}</Link>
        </p>
        <p role="alert" className="error">
          {t('common:error.load')}
        </p>
      </div>
    );
  }
  const o = office.data;
  if (!o) {
    return (
      <div className="page">
        <p role="status">{t('office.loading')}</p>
      </div>
    );
  }

  const agencyById = new Map((agencies.data ?? []).map((a) => [a.id, a]));
  const agencyName = (agencyId: string) => {
    const a = agencyById.get(agencyId);
    return a ? localName(a, lang) : '';
  };

  return (
    <article className="page office" aria-labelledby="office-title">
      <p className="back">
        <Link to={back}>{t('office.back')}</Link>
      </p>
      <header className="office-header">
        <h1 id="office-title">{o.name}</h1>
        <OfficeBadges tier={o.tier} isMotesplats={o.isMotesplats} isDemo={o.isDemo} />
        {o.partnerName && <p>{t('office.partner', { name: o.partnerName })}</p>}
        {o.tier === 'mobile_stop' && hub.data && (
          <p>
            {t('office.hub')} <Link to={`/kontor/${hub.data.id}`}>{hub.data.name}</Link>
          </p>
        )}
        {o.isMotesplats && <p>{t('office.motesplatsNote')}</p>}
        {o.isDemo && <p className="demo-note">{t('office.demoNote')}</p>}
        {(o.tier === 'servicekontor' || o.tier === 'servicecenter' || o.tier === 'mobile_stop') && (
          <p>
            <Link className="button" to={`/kontor/${encodeURIComponent(o.id)}/boka`}>
              {t('office.bookLink')}
            </Link>
          </p>
        )}
      </header>

      <div className="office-top">
        <section aria-labelledby="contact-heading" className="panel">
          <h2 id="contact-heading">{t('office.contact.heading')}</h2>
          <dl className="facts">
            <dt>{t('office.contact.address')}</dt>
            <dd>
              <address {...swedishTextProps(lang)}>
                {o.street}
                <br />
                {o.postalCode} {o.city}
              </address>
            </dd>
            <dt>{t('office.contact.municipality')}</dt>
            <dd>
              <span {...swedishTextProps(lang)}>
                {o.municipalityName}, {o.countyName}
              </span>
            </dd>
            {o.phone && (
              <>
                <dt>{t('office.contact.phone')}</dt>
                <dd>
                  <a href={`tel:${o.phone.replace(/[^+\d]/g, '')}`} dir="ltr">
                    {o.phone}
                  </a>
                </dd>
              </>
            )}
            {o.email && (
              <>
                <dt>{t('office.contact.email')}</dt>
                <dd>
                  <a href={`mailto:${o.email}`} dir="ltr">
                    {o.email}
                  </a>
                </dd>
              </>
            )}
          </dl>
        </section>
        <div className="office-map">
          <SwedenMap
            offices={[o]}
            focus={[o]}
            focusMarginDeg={0.9}
            maxHeight={340}
            label={t('office.mapLabel', { name: o.name, municipality: o.municipalityName })}
          />
        </div>
      </div>

      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t('office.hours.heading')}</h2>
        <RegularHours hours={o.openingHours} />
        <UpcomingDays calendar={calendar} today={today} agencyName={agencyName} />
      </section>

      <ServicesSection office={o} services={services.data ?? []} agencyById={agencyById} />

      <AgencyWeek office={o} agencyName={agencyName} />

      <section aria-labelledby="languages-heading">
        <h2 id="languages-heading">{t('office.languages.heading')}</h2>
        {o.languages.length === 0 ? (
          <p>{t('office.languages.none')}</p>
        ) : (
          <>
            <p>{t('office.languages.intro')}</p>
            <ul className="inline-list">
              {o.languages.map((code) => (
                <li key={code}>
                  {languageName(code, lang) ?? t(`office.languages.names.${code}`, { defaultValue: code })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('office.accessibility.heading')}</h2>
        {o.accessibilityNotes.trim() === '' ? (
          <p>{t('office.accessibility.none')}</p>
        ) : (
          <p className="prewrap" {...swedishTextProps(lang)}>
            {o.accessibilityNotes}
          </p>
        )}
      </section>
    </article>
  );
}

/** Which agencies are at the office on which weekdays: agencies as rows, Monday to Sunday as columns. */
function AgencyWeek({ office, agencyName }: { office: Office; agencyName: (agencyId: string) => string }) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const registryProps = swedishTextProps(lang, true);
  const rows = [...office.agencyDays].sort((a, b) => agencyName(a.agencyId).localeCompare(agencyName(b.agencyId), lang));
  return (
    <section aria-labelledby="agencies-heading">
      <h2 id="agencies-heading">{t('office.agencies.heading')}</h2>
      {rows.length === 0 ? (
        <p>{t('office.agencies.none')}</p>
      ) : (
        <>
          {/* Outside the table, so it wraps on a phone while the table itself scrolls sideways. */}
          <p id="agencies-caption">{t('office.agencies.caption')}</p>
          <div className="table-scroll" role="region" aria-labelledby="agencies-heading" tabIndex={0}>
            <table className="week-table" aria-labelledby="agencies-caption">
              <thead>
                <tr>
                  <th scope="col">{t('office.agencies.agency')}</th>
                  {ISO_WEEKDAYS.map((d) => (
                    <th scope="col" key={d}>
                      <abbr title={weekdayName(d, lang, 'long')}>{weekdayName(d, lang, 'short')}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((ad) => (
                  <tr key={ad.agencyId}>
                    <th scope="row">
                      <span {...registryProps}>{agencyName(ad.agencyId)}</span>
                    </th>
                    {ISO_WEEKDAYS.map((d) => {
                      const present = ad.weekdays.includes(d);
                      return (
                        <td key={d} className={present ? 'present' : undefined}>
                          <span aria-hidden="true">{present ? '✓' : '–'}</span>
                          <span className="visually-hidden">
                            {present ? t('office.agencies.present') : t('office.agencies.absent')}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The next days as the calendar endpoint resolves them: holidays, exceptions and agencies on site. */
function UpcomingDays({
  calendar,
  today,
  agencyName,
}: {
  calendar: ApiData<OfficeDay[]>;
  today: string;
  agencyName: (agencyId: string) => string;
}) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const registryProps = swedishTextProps(lang, true);
  return (
    <>
      <h3 id="upcoming-heading">{t('office.hours.upcoming')}</h3>
      {calendar.error ? (
        <p role="alert" className="error">
          {t('common:error.load')}
        </p>
      ) : !calendar.data ? (
        <p role="status">{t('office.loading')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="upcoming-heading" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('office.hours.date')}</th>
                <th scope="col">{t('office.hours.hours')}</th>
                <th scope="col">{t('office.hours.onSite')}</th>
              </tr>
            </thead>
            <tbody>
              {calendar.data.map((day) => {
                // Holiday names come in Swedish and English; Arabic falls back to Swedish like other registry text.
                const holiday = lang === 'en' ? day.holidayNameEn : day.holidayNameSv;
                const agencies = day.open ? day.agencyIds.map(agencyName).filter(Boolean) : [];
                return (
                  <tr key={day.date} className={day.open ? undefined : 'closed'}>
                    <th scope="row">
                      {formatIsoDate(day.date, lang)}
                      {day.date === today && <span className="today"> {t('office.hours.today')}</span>}
                    </th>
                    <td>
                      {holiday && (
                        <>
                          <span className="holiday" {...registryProps}>
                            {holiday}
                          </span>
                          {' – '}
                        </>
                      )}
                      {day.open ? <Hours intervals={day.intervals} /> : t('office.hours.closed')}
                      {day.exceptionNote && (
                        <span className="exception" {...swedishTextProps(lang)}>
                          {day.exceptionNote}
                        </span>
                      )}
                    </td>
                    <td>
                      {agencies.length > 0 ? (
                        <NameList names={agencies} itemProps={registryProps} />
                      ) : (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('office.agencies.noneThatDay')}</span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function RegularHours({ hours }: { hours: OpeningHours[] }) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  return (
    <table className="hours-table">
      <caption>{t('office.hours.regular')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('office.hours.weekday')}</th>
          <th scope="col">{t('office.hours.hours')}</th>
        </tr>
      </thead>
      <tbody>
        {ISO_WEEKDAYS.map((d) => {
          const intervals = hours.filter((h) => h.weekday === d).sort((a, b) => a.opens.localeCompare(b.opens));
          return (
            <tr key={d} className={intervals.length === 0 ? 'closed' : undefined}>
              <th scope="row">{weekdayName(d, lang)}</th>
              <td>{intervals.length > 0 ? <Hours intervals={intervals} /> : t('office.hours.closed')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

interface ServicesProps {
  office: Office;
  services: Service[];
  agencyById: Map<string, Agency>;
}

function ServicesSection({ office, services, agencyById }: ServicesProps) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const offered = services.filter((s) => office.serviceIds.includes(s.id));
  const groups = [...new Set(offered.map((s) => s.agencyId))]
    .map((agencyId) => ({
      agency: agencyById.get(agencyId),
      agencyId,
      services: offered
        .filter((s) => s.agencyId === agencyId)
        .sort((a, b) => localName(a, lang).localeCompare(localName(b, lang), lang)),
    }))
    .sort((a, b) =>
      (a.agency ? localName(a.agency, lang) : '').localeCompare(b.agency ? localName(b.agency, lang) : '', lang),
    );
  const registryProps = swedishTextProps(lang, true);

  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t('office.services.heading')}</h2>
      {office.serviceIds.length === 0 ? (
        <p>{t('office.services.none')}</p>
      ) : (
        <>
          <p>{t('office.services.intro')}</p>
          {groups.map((g) => (
            <div key={g.agencyId} className="service-group">
              <h3>
                <span {...registryProps}>{g.agency ? localName(g.agency, lang) : ''}</span>
              </h3>
              <ul className="service-list">
                {g.services.map((s) => (
                  <li key={s.id}>
                    <details>
                      <summary>
                        <span {...registryProps}>{localName(s, lang)}</span>
                      </summary>
                      <div className="service-body">
                        <p {...swedishTextProps(lang, lang === 'en' && s.descriptionEn.trim() !== '')}>
                          {localDescription(s, lang)}
                        </p>
                        <p>
                          {t('office.services.duration', { count: s.durationMin })}
                          {' · '}
                          {s.channels.map((c) => t(`office.services.channels.${c}`)).join(', ')}
                        </p>
                        <p>
                          <Link to={`/?service=${encodeURIComponent(s.id)}`}>{t('office.services.otherOffices')}</Link>
                        </p>
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
