// Planning the mobile teams' visits at /kontor/:id/mobilplanering (the hub office's manager; Swedish and
// English): the coming eight weeks' visits with their hours, capacity and services, add, change and cancel
// (only without active bookings), and a link to each visit's booked visitors; below, the office's teams,
// created and renamed here (mobile-teams-section.tsx).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { MobilePlanning, MobileTeam, MobileVisit } from '../../../../contracts/booking.ts';
import type { Office } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import { MobileTeamsSection } from './mobile-teams-section.tsx';
import { MobileVisitForm, planningErrorMessage } from './mobile-visit-form.tsx';
import { isOfficeManager } from './staff-access.ts';
import '../admin/admin.css';

export function MobilePlanningPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const me = useMe();
  const enc = encodeURIComponent(id);
  const allowed = me.kind === 'in' && isOfficeManager(me.me, id);
  const office = useApiData<Office>(me.kind === 'in' ? `/offices/${enc}` : null);
  const loaded = useApiData<MobilePlanning>(allowed ? `/offices/${enc}/mobile-teams` : null);
  /** Teams as created and renamed on this page since the planning was loaded. */
  const [teams, setTeams] = useState<MobileTeam[] | null>(null);
  const planning = { ...loaded, data: loaded.data && { ...loaded.data, teams: teams ?? loaded.data.teams } };
  const [visits, setVisits] = useState<MobileVisit[] | null>(null);
  const [failed, setFailed] = useState(false);
  /** The open form: 'new', a visit to change, or none. */
  const [editing, setEditing] = useState<MobileVisit | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useDocumentTitle(office.data ? `${t('planning.title')} – ${office.data.name}` : t('planning.title'));

  const load = useCallback(() => {
    api.get<MobileVisit[]>(`/offices/${enc}/mobile-visits`).then(
      (list) => {
        setVisits(list);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [enc]);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  const names = new Map((planning.data?.stops ?? []).flatMap((s) => s.services).map((s) => [s.id, lang === 'en' ? s.nameEn : s.nameSv]));

  const teamSaved = (saved: MobileTeam, created: boolean) => {
    const others = (planning.data?.teams ?? []).filter((x) => x.id !== saved.id);
    setTeams([...others, saved].sort((a, b) => a.name.localeCompare(b.name, 'sv')));
    setMessage({ text: t(created ? 'teams.added' : 'teams.renamed', { team: saved.name }), error: false });
    // The visit list shows each visit's team name.
    if (!created) load();
  };

  const cancelVisit = async (v: MobileVisit) => {
    setMessage(null);
    try {
      await api.delete(`/offices/${enc}/mobile-visits/${encodeURIComponent(v.id)}`);
      setMessage({ text: t('planning.cancelled', { stop: v.stopName, date: v.date }), error: false });
      if (editing !== 'new' && editing?.id === v.id) setEditing(null);
      load();
    } catch (err) {
      setMessage({ text: planningErrorMessage(err, t), error: true });
    } finally {
      setConfirming(null);
    }
  };

  return (
    <div className="page admin" {...(lang === 'en' ? {} : swedishTextProps(i18n.language))}>
      <h1>
        {t('planning.title')}
        {office.data && <span> – {office.data.name}</span>}
      </h1>
      <p>
        <Link to={`/kontor/${enc}/bokningar`}>{t('toBookings')}</Link>
      </p>
      {me.kind === 'in' && !allowed && <p role="alert">{t('planning.notAllowed')}</p>}
      {(failed || planning.error) && <p role="alert">{t('loadError')}</p>}
      {allowed && (!visits || !planning.data) && !failed && !planning.error && <p role="status">{t('loading')}</p>}
      <p role="status" className={message?.error ? 'admin-error-box' : 'admin-status'}>
        {message?.text ?? ''}
      </p>
      {visits && planning.data && (
        <section className="admin-section" aria-labelledby="planning-visits-title">
          <h2 id="planning-visits-title">{t('planning.listTitle')}</h2>
          <p className="admin-hint">{t('planning.listHint')}</p>
          {visits.length === 0 ? (
            <p>{t('planning.none')}</p>
          ) : (
            <div className="admin-table-wrap">
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('planning.date')}</th>
                    <th scope="col">{t('planning.stop')}</th>
                    <th scope="col">{t('planning.hours')}</th>
                    <th scope="col">{t('planning.capacity')}</th>
                    <th scope="col">{t('planning.services')}</th>
                    <th scope="col">{t('table.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {visits.map((v) => {
                    const label = t('planning.visitLabel', { stop: v.stopName, date: v.date });
                    return (
                      <tr key={v.id}>
                        <th scope="row">{v.date}</th>
                        <td>
                          {v.stopName}
                          <br />
                          <span className="admin-muted">{v.teamName}</span>
                        </td>
                        <td>
                          {v.opens}–{v.closes}
                        </td>
                        <td>{v.capacity}</td>
                        <td>{v.serviceIds.map((s) => names.get(s) ?? s).join(', ')}</td>
                        <td>
                          <Link to={`/kontor/${enc}/mobilbesok/${encodeURIComponent(v.id)}`}>
                            {t('planning.visitors')}
                            <span className="visually-hidden"> {label}</span>
                          </Link>{' '}
                          <button type="button" className="admin-button admin-button-small admin-button-secondary" onClick={() => setEditing(v)}>
                            {t('planning.edit')}
                            <span className="visually-hidden"> {label}</span>
                          </button>{' '}
                          {confirming === v.id ? (
                            <>
                              <button type="button" className="admin-button admin-button-small" onClick={() => void cancelVisit(v)}>
                                {t('planning.cancelConfirm')}
                                <span className="visually-hidden"> {label}</span>
                              </button>{' '}
                              <button type="button" className="admin-button admin-button-small admin-button-secondary" onClick={() => setConfirming(null)}>
                                {t('planning.cancelKeep')}
                              </button>
                            </>
                          ) : (
                            <button type="button" className="admin-button admin-button-small admin-button-secondary" onClick={() => setConfirming(v.id)}>
                              {t('planning.cancel')}
                              <span className="visually-hidden"> {label}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {planning.data && planning.data.teams.length > 0 && (
        <section className="admin-section">
          {editing ? (
            <MobileVisitForm
              key={editing === 'new' ? 'new' : editing.id}
              officeId={id}
              planning={planning.data}
              visit={editing === 'new' ? null : editing}
              onSaved={(saved) => {
                setMessage({ text: t(editing === 'new' ? 'planning.added' : 'planning.changed', { stop: saved.stopName, date: saved.date }), error: false });
                setEditing(null);
                load();
              }}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <button type="button" className="admin-button" onClick={() => setEditing('new')}>
              {t('planning.open')}
            </button>
          )}
        </section>
      )}
      {planning.data && <MobileTeamsSection officeId={id} teams={planning.data.teams} onSaved={teamSaved} />}
    </div>
  );
}
