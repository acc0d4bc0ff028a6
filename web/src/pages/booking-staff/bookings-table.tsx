// The day's bookings of one counter, video room, officer or mobile team, with arrived / no-show buttons
// and marking (or unmarking) the visitor's protected identity.
import { useTranslation } from 'react-i18next';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { ProtectedIdentityAction } from './protected-identity-action.tsx';
import { staffVisitorName } from './visitor-name.ts';
import { VisitorCell } from './visitor-cell.tsx';

interface Props {
  title: string;
  bookings: StaffBooking[];
  busyCode: string | null;
  onArrived: (b: StaffBooking) => void;
  onNoShow: (b: StaffBooking) => void;
  onProtect: (b: StaffBooking, protectedIdentity: boolean) => Promise<boolean>;
  /** Whether this reader may take a protected-identity mark away (the office's manager, an admin). */
  mayUnmark: boolean;
}

export function BookingsTable({ title, bookings, busyCode, onArrived, onNoShow, onProtect, mayUnmark }: Props) {
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  return (
    <section className="admin-section">
      <h2>{title}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('table.time')}</th>
              <th scope="col">{t('table.visitor')}</th>
              <th scope="col">{t('table.service')}</th>
              <th scope="col">{t('table.status')}</th>
              <th scope="col">{t('table.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((b) => (
              <tr key={b.code}>
                <td className="nowrap">{b.time}</td>
                <VisitorCell booking={b} showCode />
                <td>
                  {lang === 'en' ? b.serviceNameEn : b.serviceNameSv}
                  {b.channel === 'video' && (
                    <>
                      <br />
                      {t('table.video')}
                      {b.joinUrl && (
                        <>
                          {' '}
                          <a href={b.joinUrl}>{t('table.join')}</a>
                        </>
                      )}
                    </>
                  )}
                </td>
                <td>{t(`status.${b.status}`)}</td>
                <td>
                  {b.status === 'booked' && (
                    <div className="admin-row-actions">
                      <button type="button" className="admin-button admin-button-small" disabled={busyCode === b.code} onClick={() => onArrived(b)}>
                        {t('table.arrived')}
                        <span className="visually-hidden"> {staffVisitorName(b, t)}</span>
                      </button>
                      <button type="button" className="admin-button admin-button-small" disabled={busyCode === b.code} onClick={() => onNoShow(b)}>
                        {t('table.noShow')}
                        <span className="visually-hidden"> {staffVisitorName(b, t)}</span>
                      </button>
                    </div>
                  )}
                  {(!b.protectedIdentity || mayUnmark) && (
                    <div className={b.status === 'booked' ? 'booking-row-extra' : undefined}>
                      <ProtectedIdentityAction booking={b} busy={busyCode === b.code} onSet={onProtect} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The unit a booking is seen under: its counter, video room, officer or mobile team; else the agency's officers. */
export function groupLabel(b: StaffBooking, fallback: string): string {
  const order = ['counter', 'video_room', 'officer', 'mobile_team'] as const;
  for (const kind of order) {
    const held = b.resources.find((r) => r.kind === kind);
    if (held) return held.label;
  }
  return fallback;
}
