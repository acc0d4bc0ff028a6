// The office's kiosk devices at /kontor/:id/kioskenheter (office managers and admins, decision 0013): register
// the entrance tablet (its tickets skip the limit per address that phones have), see the devices, revoke one.
// The token is shown once, inside a setup link: opened on the tablet, the kiosk page keeps it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import type { KioskDevice, RegisteredKioskDevice } from '../../../../contracts/abuse.ts';
import type { Office } from '../../../../contracts/registry.ts';
import { api, ApiError } from '../../lib/api.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ErrorSummary } from '../admin/error-summary.tsx';
import { errorsFromChecks, NO_ERRORS, type FormErrors } from '../admin/form-errors.ts';
import { TextField } from '../admin/form-fields.tsx';
import { isOfficeManager } from '../booking-staff/staff-access.ts';
import { storeKioskToken } from './kiosk-device.ts';
import { useMe } from './use-me.ts';
import '../admin/admin.css';

const NAME_ID = 'kiosk-device-name';

function when(iso: string | null, language: string): string {
  return iso ? new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }) : '–';
}

export function KioskDevicesPage() {
  const { id = '' } = useParams();
  const { pathname } = useLocation();
  const { t, i18n } = useTranslation('visits');
  const me = useMe();
  const enc = encodeURIComponent(id);
  const allowed = me.kind === 'in' && isOfficeManager(me.me, id);
  const office = useApiData<Office>(allowed ? `/offices/${enc}` : null);
  const [reload, setReload] = useState(0);
  const devices = useApiData<KioskDevice[]>(allowed ? `/offices/${enc}/kiosk-devices?v=${reload}` : null, { keepPrevious: true });
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<RegisteredKioskDevice | null>(null);
  const [stored, setStored] = useState(false);
  useDocumentTitle(t('kioskDevices.title'));
  if (me.kind === 'out') return <Navigate to="/logga-in" replace state={{ from: pathname }} />;
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);

  const register = async (e: FormEvent) => {
    e.preventDefault();
    const found = errorsFromChecks(name.trim() ? [] : [[NAME_ID, t('kioskDevices.nameMissing')]]);
    setErrors(found);
    if (found.list.length > 0) return;
    setBusy(true);
    try {
      setRegistered(await api.post<RegisteredKioskDevice>(`/offices/${enc}/kiosk-devices`, { name }));
      setStored(false);
      setName('');
      setReload((n) => n + 1);
    } catch (err) {
      const message = err instanceof ApiError && err.field === 'name' ? t('kioskDevices.nameMissing') : t('kioskDevices.error');
      setErrors(errorsFromChecks([[NAME_ID, message]]));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (device: KioskDevice) => {
    if (!window.confirm(t('kioskDevices.revokeConfirm', { name: device.name }))) return;
    await api.post(`/offices/${enc}/kiosk-devices/${encodeURIComponent(device.id)}/revoke`).catch(() => undefined);
    setReload((n) => n + 1);
  };

  return (
    <div className="page admin" {...langProps}>
      <h1>
        {t('kioskDevices.title')}
        {office.data && <span> – {office.data.name}</span>}
      </h1>
      <p>
        <Link to={`/kontor/${enc}/kiosk`}>{t('kioskDevices.toKiosk')}</Link>
      </p>
      <p className="admin-hint">{t('kioskDevices.intro')}</p>
      {me.kind === 'in' && !allowed && <p role="alert">{t('kioskDevices.forbidden')}</p>}
      {allowed && (
        <>
          <form noValidate onSubmit={(e) => void register(e)} className="admin-form" aria-labelledby="kiosk-register-title">
            <h2 id="kiosk-register-title">{t('kioskDevices.registerTitle')}</h2>
            <ErrorSummary errors={errors} />
            <TextField id={NAME_ID} label={t('kioskDevices.name')} hint={t('kioskDevices.nameHint')} width="medium" value={name} onChange={setName} errors={errors} />
            <p className="admin-actions">
              <button type="submit" className="admin-button" disabled={busy}>
                {t('kioskDevices.register')}
              </button>
            </p>
          </form>
          {registered && (
            <section className="admin-section" aria-labelledby="kiosk-registered-title" role="status">
              <h2 id="kiosk-registered-title">{t('kioskDevices.registeredTitle', { name: registered.device.name })}</h2>
              <p>{t('kioskDevices.onceOnly')}</p>
              <p>
                <code dir="ltr" className="kiosk-setup-link">{`${window.location.origin}${registered.setupPath}`}</code>
              </p>
              <p>
                <button
                  type="button"
                  className="admin-button admin-button-secondary"
                  onClick={() => {
                    storeKioskToken(id, registered.token);
                    setStored(true);
                  }}
                >
                  {t('kioskDevices.useHere')}
                </button>
              </p>
              {stored && <p>{t('kioskDevices.storedHere')}</p>}
            </section>
          )}
          <section className="admin-section" aria-labelledby="kiosk-list-title">
            <h2 id="kiosk-list-title">{t('kioskDevices.listTitle')}</h2>
            {devices.error && <p role="alert">{t('kioskDevices.error')}</p>}
            {devices.data && devices.data.length === 0 && <p>{t('kioskDevices.none')}</p>}
            {devices.data && devices.data.length > 0 && (
              <div className="admin-table-wrap">
                <table className="admin-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('kioskDevices.name')}</th>
                      <th scope="col">{t('kioskDevices.created')}</th>
                      <th scope="col">{t('kioskDevices.lastUsed')}</th>
                      <th scope="col">{t('kioskDevices.status')}</th>
                      <th scope="col">{t('kioskDevices.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {devices.data.map((d) => (
                      <tr key={d.id}>
                        <td>{d.name}</td>
                        <td>{when(d.createdAt, i18n.language)}</td>
                        <td>{when(d.lastUsedAt, i18n.language)}</td>
                        <td>{d.revokedAt ? t('kioskDevices.revokedAt', { at: when(d.revokedAt, i18n.language) }) : t('kioskDevices.active')}</td>
                        <td>
                          {!d.revokedAt && (
                            <button type="button" className="admin-button admin-button-small admin-button-secondary" onClick={() => void revoke(d)}>
                              {t('kioskDevices.revoke')}
                              <span className="visually-hidden"> {d.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
