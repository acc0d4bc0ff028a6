// An agency officer's own video meetings at /mina-videomoten, with the link they and the room's screen join.
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { VideoMeeting } from '../../../../contracts/booking.ts';
import { languageName, swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import '../admin/admin.css';

export function VideoMeetingsPage() {
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('bookingStaff');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const me = useMe();
  const meetings = useApiData<VideoMeeting[]>(me.kind === 'in' ? '/me/video-meetings' : null);
  useDocumentTitle(t('video.title'));
  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  const list = (meetings.data ?? []).filter((m) => m.status !== 'cancelled');
  return (
    <div className="page admin" {...(i18n.language === 'en' ? {} : swedishTextProps(i18n.language))}>
      <h1>{t('video.title')}</h1>
      {meetings.error && <p role="alert">{t('video.notAllowed')}</p>}
      {!meetings.data && !meetings.error && <p role="status">{t('loading')}</p>}
      {meetings.data && list.length === 0 && <p>{t('video.none')}</p>}
      {list.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('video.when')}</th>
                <th scope="col">{t('table.visitor')}</th>
                <th scope="col">{t('table.service')}</th>
                <th scope="col">{t('video.room')}</th>
                <th scope="col">{t('video.join')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => (
                <tr key={m.code}>
                  <td className="nowrap">
                    {m.date} {m.time}
                  </td>
                  <th scope="row">
                    {m.visitorName}
                    {m.protectedIdentity && (
                      <>
                        <br />
                        <strong>{t('protectedMarker')}</strong>
                      </>
                    )}
                    {m.interpreterLanguage && (
                      <>
                        <br />
                        {t('table.interpreter', { language: languageName(m.interpreterLanguage, lang) ?? m.interpreterLanguage })}
                      </>
                    )}
                  </th>
                  <td>{m.serviceNameSv}</td>
                  <td>{t('video.roomAt', { room: m.videoRoom, office: m.officeName })}</td>
                  <td>
                    <a href={m.joinUrl}>
                      {t('video.joinLink')}
                      <span className="visually-hidden"> {m.visitorName}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
