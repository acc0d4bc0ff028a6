// The row header of a booking in the staff tables: the visitor's name, optionally the booking code, and
// the interpreter they need. A protected identity's name is withheld by the API: the label says so; the
// one reader who still gets it (the video meeting's officer) is reminded not to say it aloud.
import { useTranslation } from 'react-i18next';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { languageName } from '../../lib/locale-format.ts';
import { staffVisitorName } from './visitor-name.ts';

export function VisitorCell({ booking, showCode = false }: { booking: StaffBooking; showCode?: boolean }) {
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const interpreter = booking.interpreterLanguage;
  return (
    <th scope="row">
      {staffVisitorName(booking, t)}
      {booking.protectedIdentity && !booking.nameHidden && (
        <>
          <br />
          <strong>{t('protectedMarker')}</strong>
        </>
      )}
      {showCode && (
        <>
          <br />
          <span className="admin-muted">{booking.code}</span>
        </>
      )}
      {interpreter && (
        <>
          <br />
          {t('table.interpreter', { language: languageName(interpreter, lang) ?? interpreter })}
        </>
      )}
    </th>
  );
}
