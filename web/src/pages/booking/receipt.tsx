// The receipt after booking: the code, when and where, a calendar file and the link to change or cancel.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreatedBooking } from '../../../../contracts/booking.ts';
import { localName } from '../../lib/locale-format.ts';
import { BookingSummary } from './booking-summary.tsx';
import { useStepHeading } from './use-step-heading.ts';

export function icsPath(code: string, token: string): string {
  return `/api/v1/bookings/${encodeURIComponent(code)}/calendar.ics?token=${encodeURIComponent(token)}`;
}

export function Receipt({ booking }: { booking: CreatedBooking }) {
  const { t, i18n } = useTranslation('booking');
  const heading = useStepHeading();
  const manageUrl = `${location.origin}${booking.managePath}`;
  return (
    <section aria-labelledby="booking-step-title" className="booking-receipt">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('receipt.title')}
      </h1>
      <p className="booking-code-line">
        {t('receipt.codeLabel')}{' '}
        <strong className="booking-code" dir="ltr">
          {booking.code}
        </strong>
      </p>
      <p>{t('receipt.codeHint')}</p>
      <BookingSummary
        data={{
          serviceName: localName({ nameSv: booking.serviceNameSv, nameEn: booking.serviceNameEn }, i18n.language),
          officeName: booking.officeName,
          address: booking.address,
          date: booking.date,
          time: booking.time,
          channel: booking.channel,
        }}
      />
      <p>
        <a className="button secondary" href={icsPath(booking.code, booking.manageToken)} download={`bokning-${booking.code}.ics`}>
          {t('receipt.calendar')}
        </a>
      </p>
      <h2>{t('receipt.manageTitle')}</h2>
      <p>{t('receipt.manageHint')}</p>
      <p className="booking-manage-link">
        <Link to={booking.managePath} dir="ltr">
          {manageUrl}
        </Link>
      </p>
    </section>
  );
}
