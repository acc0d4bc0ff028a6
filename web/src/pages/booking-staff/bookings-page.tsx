// The day's bookings at /kontor/:id/bokningar (office staff; Swedish and English): per counter, video room,
// officer or mobile team, with arrived (in person: the visitor joins the queue), no-show and marking the
// visitor's protected identity (after a confirmation), a date picker, booking on a visitor's behalf, and
// links to the mobile stops' visitor lists, the settings and (managers) the mobile team planning.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import type { ArrivedResponse, MobileVisit, OfficeBookingsDay, StaffBooking } from '../../../../contracts/booking.ts';
import type { Office } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { swedishTextProps, todayInStockholm } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { isCalendarDate } from '../visits/day-model.ts';
import { useMe } from '../visits/use-me.ts';
import { bookingErrorMessage } from '../booking/booking-errors.ts';
import { BookingsTable, groupLabel } from './bookings-table.tsx';
import { StaffBookForm } from './staff-book-form.tsx';
import { staffVisitorName } from './visitor-name.ts';
import { isOfficeManager, isOfficeStaff } from './staff-access.ts';
import '../admin/admin.css';

export function BookingsPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation('bookingStaff');
  const { t: tb } = useTranslation('booking');
  const me = useMe();
  // Mirrors policy.ts mayUnmarkProtectedIdentity: others are not offered what the API would refuse.
  const mayUnmark = me.kind === 'in' && me.me.roles.some((g) => g.role === 'admin' || (g.role === 'office_manager' && g.officeId === id));
  const asked = params.get('date') ?? '';
  const date = isCalendarDate(asked) ? asked : todayInStockholm();
  const office = useApiData<Office>(me.kind === 'in' ? `/offices/${encodeURIComponent(id)}` : null);
  const visits = useApiData<MobileVisit[]>(`/offices/${encodeURIComponent(id)}/mobile-visits?from=${date}&to=${date}`);
  const [day, setDay] = useState<OfficeBookingsDay | null>(null);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busyCode, setBusyCode] = useState<string | null>(null);
  const [booking, setBooking] = useState(false);
  useDocumentTitle(office.data ? `${t('title')} – ${office.data.name}` : t('title'));

  const load = useCallback(() => {
    api.get<OfficeBookingsDay>(`/offices/${encodeURIComponent(id)}/bookings?date=${date}`).then(
      (d) => {
        setDay(d);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [id, date]);
  useEffect(() => {
    if (me.kind === 'in') load();
  }, [me.kind, load]);

  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: `${pathname}${params.size ? `?${params.toString()}` : ''}` }} />;
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);

  const act = async (b: StaffBooking, action: 'arrived' | 'no-show') => {
    setBusyCode(b.code);
    setMessage(null);
    try {
      const path = `/offices/${encodeURIComponent(id)}/bookings/${encodeURIComponent(b.code)}/${action}`;
      if (action === 'arrived') {
        const answer = await api.post<ArrivedResponse>(path);
        setMessage({
          text: answer.ticket ? t('arrivedTicket', { name: staffVisitorName(b, t), number: answer.ticket.number }) : t('arrived', { name: staffVisitorName(b, t) }),
          error: false,
        });
      } else {
        await api.post<StaffBooking>(path);
        setMessage({ text: t('noShowDone', { name: staffVisitorName(b, t) }), error: false });
      }
      load();
    } catch (err) {
      setMessage({ text: bookingErrorMessage(err, tb), error: true });
    } finally {
      setBusyCode(null);
    }
  };

  // The API answers with the booking as this reader may see it: the row is replaced by it.
  const setProtected = async (b: StaffBooking, protectedIdentity: boolean): Promise<boolean> => {
    setBusyCode(b.code);
    setMessage(null);
    try {
      const path = `/offices/${encodeURIComponent(id)}/bookings/${encodeURIComponent(b.code)}/protected-identity`;
      const updated = await api.put<StaffBooking>(path, { protectedIdentity });
      setDay((d) => (d ? { ...d, bookings: d.bookings.map((x) => (x.code === updated.code ? updated : x)) } : d));
      setMessage({ text: t(protectedIdentity ? 'protect.marked' : 'protect.unmarked', { code: b.code }), error: false });
      return true;
    } catch (err) {
      setMessage({ text: bookingErrorMessage(err, tb), error: true });
      return false;
    } finally {
      setBusyCode(null);
    }
  };

  const groups = new Map<string, StaffBooking[]>();
  for (const b of day?.bookings ?? []) {
    const label = groupLabel(b, t('unassigned'));
    groups.set(label, [...(groups.get(label) ?? []), b]);
  }

  return (
    <div className="page admin" {...langProps}>
      <h1>
        {t('title')}
        {office.data && <span className="desk-office"> – {office.data.name}</span>}
      </h1>
      <p className="admin-actions">
        <Link to={`/kontor/${encodeURIComponent(id)}/disk`}>{t('toDesk')}</Link>{' '}
        <Link to={`/kontor/${encodeURIComponent(id)}/dag`}>{t('toDay')}</Link>{' '}
        {me.kind === 'in' && isOfficeManager(me.me, id) && <Link to={`/kontor/${encodeURIComponent(id)}/bokningsinstallningar`}>{t('toSettings')}</Link>}
        {me.kind === 'in' && isOfficeManager(me.me, id) && <Link to={`/kontor/${encodeURIComponent(id)}/mobilplanering`}>{t('toPlanning')}</Link>}
      </p>
      {me.kind === 'in' && !isOfficeStaff(me.me, id) && <p role="alert">{t('notAllowed')}</p>}
      <form
        className="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
        }}
      >
        <div className="admin-field">
          <label htmlFor="bookings-date">{t('date')}</label>
          <input
            id="bookings-date"
            type="date"
            className="admin-input admin-input-medium"
            value={date}
            onChange={(e) => {
              if (isCalendarDate(e.target.value)) setParams({ date: e.target.value });
            }}
          />
        </div>
      </form>
      <p role="status" className={message?.error ? 'admin-error-box' : 'admin-status'}>
        {message?.text ?? ''}
      </p>
      {failed && <p role="alert">{t('loadError')}</p>}
      {!day && !failed && <p role="status">{t('loading')}</p>}
      {day && day.bookings.length === 0 && <p>{t('none')}</p>}
      {[...groups.entries()].map(([label, list]) => (
        <BookingsTable
          key={label}
          title={label}
          bookings={list}
          busyCode={busyCode}
          onArrived={(b) => void act(b, 'arrived')}
          onNoShow={(b) => void act(b, 'no-show')}
          onProtect={setProtected}
          mayUnmark={mayUnmark}
        />
      ))}
      {(visits.data ?? []).length > 0 && (
        <section className="admin-section">
          <h2>{t('mobileTitle')}</h2>
          <ul>
            {(visits.data ?? []).map((v) => (
              <li key={v.id}>
                <Link to={`/kontor/${encodeURIComponent(id)}/mobilbesok/${encodeURIComponent(v.id)}`}>
                  {t('mobileLink', { stop: v.stopName, team: v.teamName, opens: v.opens, closes: v.closes })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="admin-section">
        <h2>{t('book.title')}</h2>
        {booking ? (
          <StaffBookForm officeId={id} onBooked={load} />
        ) : (
          <button type="button" className="admin-button" onClick={() => setBooking(true)}>
            {t('book.open')}
          </button>
        )}
      </section>
    </div>
  );
}
