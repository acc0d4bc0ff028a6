// The row header of a booking in the staff tables: the visitor's name, optionally the booking code, and
// the interpreter they need.
import { useTranslation } from 'react-i18next';
import type { StaffBooking } from '../../../../contracts/booking.ts';
import { languageName } from '../../lib/locale-format.ts';

export function VisitorCell({ booking, showCode = false }: { booking: StaffBooking; showCode?: boolean }) {
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const interpreter = booking.interpreterLanguage;
  return (
    <th scope="row">
      {booking.visitorName}
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
