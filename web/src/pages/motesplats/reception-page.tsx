// The agency officer's view at /kontor/:id/motesplats/mottagning (staff; Swedish and English): their
// next person at their desk, with only the basic data shared under consent and their agency's notes,
// the actions on the step, and the rest of their day. Live over the day's event stream.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { DayPicker } from './day-picker.tsx';
import { NextPerson } from './next-person.tsx';
import { STATUS_SYMBOL } from './mp-status.ts';
import { myStations, myWork, nextItem } from './reception-model.ts';
import { useBoardData } from './use-board-data.ts';
import { stationAgencies, useStaffContext } from './use-staff-context.ts';
import '../admin/admin.css';
import './motesplats.css';

export function ReceptionPage() {
  const { id = '' } = useParams();
  const { pathname, search } = useLocation();
  const { t, i18n } = useTranslation('motesplats');
  const { me, date, setDate, office, agencies } = useStaffContext(id);
  const board = useBoardData(id, date, me.kind === 'in');
  const [chosen, setChosen] = useState<string>();
  useDocumentTitle(office.data ? `${t('reception.title')} – ${office.data.name}` : t('reception.title'));

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);

  let content;
  if (me.kind === 'error' || office.error || board.error) content = <p role="alert" className="error">{t('board.loadError')}</p>;
  else if (me.kind !== 'in' || !board.data || !office.data || !agencies.data) content = <p role="status">{t('loading')}</p>;
  else {
    const mine = myStations(me.me, stationAgencies(agencies.data, office.data, i18n.language));
    const { plan } = board.data;
    if (mine.length === 0) content = <p>{t('reception.noStation')}</p>;
    else if (!plan) content = <p>{t('reception.noPlan')}</p>;
    else {
      const { items, ownDesk } = myWork(me.me, mine, plan, board.data.resources);
      const item = items.find((i) => i.taskId === chosen) ?? nextItem(items);
      content = (
        <>
          <p>{t(ownDesk ? 'reception.ownDesk' : 'reception.station', { stations: mine.map((s) => s.name).join(', ') })}</p>
          {item ? (
            <NextPerson officeId={id} item={item} plan={plan} onChanged={board.reload} />
          ) : (
            <p className="mp-message">{t('reception.nobody')}</p>
          )}
          <section className="mp-section" aria-labelledby="mp-day-list-title">
            <h2 id="mp-day-list-title">{t('reception.dayList', { count: items.length })}</h2>
            <ol className="mp-work-list">
              {items.map((i) => (
                <li key={i.taskId} aria-current={i === item ? 'true' : undefined}>
                  <span className="mp-nowrap">
                    {i.start}–{i.end}
                  </span>{' '}
                  <strong>{i.reference}</strong> {plan.households.find((h) => h.id === i.householdId)?.stops.find((s) => s.taskId === i.taskId)?.stepName}{' '}
                  <span aria-hidden="true">{STATUS_SYMBOL[i.status]}</span> {t(`status.${i.status}`)}{' '}
                  {i !== item && (
                    <button type="button" className="mp-link-button" onClick={() => setChosen(i.taskId)}>
                      {t('reception.open', { household: i.reference })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </>
      );
    }
  }

  return (
    <div className="page mp-reception" {...langProps}>
      <h1>
        {t('reception.title')}
        {office.data && <span className="mp-office">{office.data.name}</span>}
      </h1>
      <DayPicker date={date} onChange={setDate} />
      {content}
    </div>
  );
}
