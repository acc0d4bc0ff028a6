// What is booked, as a description list: service, place (and address), day and time on Swedish time.
import { useTranslation } from 'react-i18next';
import type { BookingChannel } from '../../../../contracts/booking.ts';
import { languageName, swedishTextProps } from '../../lib/locale-format.ts';
import { formatDay } from './booking-format.ts';

export interface SummaryData {
  serviceName: string;
  officeName: string;
  address?: string;
  date: string;
  time: string;
  channel: BookingChannel;
  visitorName?: string;
  contact?: string[];
  interpreterLanguage?: string | null;
  protectedIdentity?: boolean;
}

export function BookingSummary({ data }: { data: SummaryData }) {
  const { t, i18n } = useTranslation('booking');
  const lang = i18n.language;
  return (
    <dl className="booking-summary">
      <dt>{t('summary.service')}</dt>
      <dd {...swedishTextProps(lang, true)}>{data.serviceName}</dd>
      <dt>{t('summary.when')}</dt>
      <dd>
        {formatDay(data.date, lang)} <span dir="ltr">{data.time}</span> {t('summary.swedishTime')}
      </dd>
      <dt>{t('summary.where')}</dt>
      <dd>
        <span lang="sv" dir="ltr">
          {data.officeName}
        </span>
        {data.address && (
          <>
            <br />
            <span lang="sv" dir="ltr">
              {data.address}
            </span>
          </>
        )}
      </dd>
      <dt>{t('summary.how')}</dt>
      <dd>{t(`channel.${data.channel}`)}</dd>
      {data.visitorName !== undefined && (
        <>
          <dt>{t('summary.name')}</dt>
          <dd dir="auto">{data.visitorName}</dd>
        </>
      )}
      {data.protectedIdentity && (
        <>
          <dt>{t('summary.protected')}</dt>
          <dd>{t('summary.protectedYes')}</dd>
        </>
      )}
      {data.contact && data.contact.length > 0 && (
        <>
          <dt>{t('summary.contact')}</dt>
          <dd dir="ltr">{data.contact.join(', ')}</dd>
        </>
      )}
      {data.interpreterLanguage !== undefined && (
        <>
          <dt>{t('summary.interpreter')}</dt>
          <dd>{data.interpreterLanguage ? (languageName(data.interpreterLanguage, lang) ?? data.interpreterLanguage) : t('summary.noInterpreter')}</dd>
        </>
      )}
    </dl>
  );
}
