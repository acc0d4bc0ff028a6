// Asks for permission to show a notification when it is the visitor's turn: only when they press the button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Permission = NotificationPermission | 'unsupported';

export function NotifyControl() {
  const { t } = useTranslation('visits');
  const [permission, setPermission] = useState<Permission>(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );
  const ask = async () => {
    try {
      setPermission(await Notification.requestPermission());
    } catch {
      setPermission('denied');
    }
  };
  return (
    <div className="ticket-notify" aria-live="polite">
      {permission === 'default' && (
        <button type="button" className="button secondary" onClick={() => void ask()}>
          {t('ticket.notify.button')}
        </button>
      )}
      {permission === 'granted' && <p>{t('ticket.notify.on')}</p>}
      {permission === 'denied' && <p>{t('ticket.notify.denied')}</p>}
      {permission !== 'granted' && <p className="ticket-hint">{t('ticket.keepOpen')}</p>}
    </div>
  );
}
