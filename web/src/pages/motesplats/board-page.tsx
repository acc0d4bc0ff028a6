// The Mötesplats coordinator's board at /kontor/:id/motesplats?datum=YYYY-MM-DD (staff; Swedish and
// English): the plan as stations × time with live statuses, late arrivals, unplanned steps, the day's
// events with re-planning, the households with their consent, registration and the day's staffing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { Me } from '../../../../contracts/auth.ts';
import type { Household, PlanResult } from '../../../../contracts/motesplats.ts';
import type { Municipality } from '../../../../contracts/registry.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { lateHouseholdIds } from './board-model.ts';
import { BoardSchedule } from './board-schedule.tsx';
import { DayPicker } from './day-picker.tsx';
import { EventForm } from './event-form.tsx';
import { EventsList } from './events-list.tsx';
import { HouseholdForm } from './household-form.tsx';
import { HouseholdList } from './household-list.tsx';
import { LateList } from './late-list.tsx';
import { receptionPage, reportPage, templatesPage } from './mp-paths.ts';
import { minuteOfDay } from './mp-time.ts';
import { PlanSummary } from './plan-summary.tsx';
import { ResourcesSection } from './resources-section.tsx';
import { UnplannedList } from './unplanned-list.tsx';
import { useBoardData } from './use-board-data.ts';
import { stationAgencies, useStaffContext } from './use-staff-context.ts';
import '../admin/admin.css';
import './motesplats.css';

/** Mirrors the server's `motesplats.day.manage`: the office's coordinator (admins pass every check). */
const mayManageDay = (me: Me, officeId: string) => me.roles.some((g) => g.role === 'admin' || (g.role === 'coordinator' && g.officeId === officeId));

/** The minute of the shown day, ticking, so late arrivals appear without a reload. */
function useMinuteOf(date: string): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  return minuteOfDay(date);
}

export function BoardPage() {
  const { id = '' } = useParams();
  const { pathname, search } = useLocation();
  const { t, i18n } = useTranslation('motesplats');
  const { me, date, setDate, office, agencies } = useStaffContext(id);
  const signedIn = me.kind === 'in';
  const municipalities = useApiData<Municipality[]>(signedIn ? '/municipalities' : null, { cached: true });
  const board = useBoardData(id, date, signedIn);
  const nowMinute = useMinuteOf(date);
  const [registered, setRegistered] = useState('');
  const [householdNews, setHouseholdNews] = useState('');
  useDocumentTitle(office.data ? `${t('board.title')} – ${office.data.name}` : t('board.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);
  const data = board.data;
  const mayManage = signedIn && mayManageDay(me.me, id);
  const late = data ? lateHouseholdIds(data.households, data.plan, nowMinute) : new Set<string>();
  const onPlanned = (result: PlanResult) => {
    board.showPlan(result.plan);
    board.reload();
  };
  const onRegistered = (h: Household) => {
    setRegistered(t('register.done', { household: h.reference, arrival: h.arrival }));
    board.reload();
  };

  let content;
  if (me.kind === 'error' || office.error || board.error) content = <p role="alert" className="error">{t('board.loadError')}</p>;
  else if (!data || !office.data || !agencies.data) content = <p role="status">{t('loading')}</p>;
  else {
    const stations = stationAgencies(agencies.data, office.data, i18n.language);
    content = (
      <>
        <PlanSummary officeId={id} date={date} plan={data.plan} households={data.households} hasHouseholds={data.households.length > 0} mayManage={mayManage} onPlanned={onPlanned} />
        <LateList households={data.households} late={late} />
        {data.plan && <BoardSchedule plan={data.plan} resources={data.resources} late={late} />}
        {data.plan && <UnplannedList plan={data.plan} />}
        {data.plan && (
          <section className="mp-section" aria-labelledby="mp-events-title" id="handelser">
            <h2 id="mp-events-title">{t('events.title')}</h2>
            {mayManage && <EventForm officeId={id} date={date} households={data.households} plan={data.plan} resources={data.resources} onRecorded={onPlanned} />}
            <h3>{t('events.listTitle')}</h3>
            <EventsList plan={data.plan} resources={data.resources} />
          </section>
        )}
        <section className="mp-section" aria-labelledby="mp-households-title" id="hushall">
          <h2 id="mp-households-title">{t('households.title', { count: data.households.length })}</h2>
          <p role="status" className="mp-message">
            {householdNews}
          </p>
          <HouseholdList
            officeId={id}
            date={date}
            municipalities={municipalities.data ?? []}
            onChanged={(news) => {
              setHouseholdNews(news);
              board.reload();
            }}
            households={data.households} plan={data.plan} late={late} agencies={stations} mayManage={mayManage} />
        </section>
        {mayManage && (
          <section className="mp-section" aria-labelledby="mp-register-title" id="registrera">
            <h2 id="mp-register-title">{t('register.title')}</h2>
            <p role="status" className="mp-message">
              {registered}
            </p>
            <HouseholdForm officeId={id} date={date} defaultKommunkod={office.data.kommunkod} municipalities={municipalities.data ?? []} onSaved={onRegistered} />
          </section>
        )}
        <ResourcesSection key={date} officeId={id} date={date} resources={data.resources} mayManage={mayManage} onSaved={board.reload} />
      </>
    );
  }

  return (
    <div className="page mp-board" {...langProps}>
      <h1>
        {t('board.title')}
        {office.data && <span className="mp-office">{office.data.name}</span>}
      </h1>
      <DayPicker date={date} onChange={setDate} />
      <nav aria-label={t('board.jumpTo')} className="mp-jump">
        <ul>
          {data?.plan && <li><a href="#schema">{t('board.toSchedule')}</a></li>}
          {data?.plan && <li><a href="#handelser">{t('events.title')}</a></li>}
          <li><a href="#hushall">{t('board.toHouseholds')}</a></li>
          {mayManage && <li><a href="#registrera">{t('register.title')}</a></li>}
          <li><Link to={receptionPage(id, date)}>{t('reception.link')}</Link></li>
          <li><Link to={reportPage(id)}>{t('report.link')}</Link></li>
          <li><Link to={templatesPage(id)}>{t('templates.link')}</Link></li>
        </ul>
      </nav>
      <p className="mp-live" role="status">
        {board.stream === 'open' ? t('board.live') : board.stream === 'reconnecting' ? t('board.reconnecting') : ''}
      </p>
      {content}
    </div>
  );
}
