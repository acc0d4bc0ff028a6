// Kiosk at /kontor/:id/kiosk (entrance tablet, or a phone via the office's QR code): language, errands, ticket.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Agency, Office, Service } from '../../../../contracts/registry.ts';
import { ApiError } from '../../lib/api.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { KioskCheckInStep } from './kiosk-check-in-step.tsx';
import { KioskServicesStep } from './kiosk-services-step.tsx';
import { KioskTicketStep } from './kiosk-ticket-step.tsx';
import { VisitorLanguageButtons } from './visitor-language-buttons.tsx';
import { useVisitorLanguage } from './use-visitor-language.ts';
import type { Ticket } from '../../../../contracts/visits.ts';
import { adoptKioskSetupLink } from './kiosk-device.ts';
import './visits.css';

type Step = { kind: 'language' } | { kind: 'services' } | { kind: 'checkIn' } | { kind: 'ticket'; ticket: Ticket };

export function KioskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('visits');
  const [language, setLanguage] = useVisitorLanguage();
  const [step, setStep] = useState<Step>({ kind: 'language' });
  const office = useApiData<Office>(`/offices/${encodeURIComponent(id)}`);
  const services = useApiData<Service[]>('/services', { cached: true });
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  useDocumentTitle(t('kiosk.pageTitle'));
  // The office manager's setup link makes this device the office's kiosk (its tickets skip the address limit).
  useEffect(() => adoptKioskSetupLink(id), [id]);

  // The tablet is shared: the next visitor starts in Swedish on the language screen.
  const restart = useCallback(() => {
    setLanguage('sv');
    setStep({ kind: 'language' });
  }, [setLanguage]);

  const failed = office.error ?? services.error ?? agencies.error;
  let content;
  if (failed) {
    const missing = office.error instanceof ApiError && (office.error.status === 404 || office.error.status === 400);
    content = (
      <p role="alert" className="kiosk-lead kiosk-error-text">
        {missing ? t('kiosk.officeMissing') : t('kiosk.loadError')}
      </p>
    );
  } else if (step.kind === 'language') {
    content = (
      <VisitorLanguageButtons
        current={language}
        onChoose={(code) => {
          setLanguage(code);
          setStep({ kind: 'services' });
        }}
      />
    );
  } else if (!office.data || !services.data || !agencies.data) {
    content = (
      <p role="status" className="kiosk-lead">
        {t('kiosk.loading')}
      </p>
    );
  } else if (step.kind === 'services') {
    content = (
      <KioskServicesStep
        office={office.data}
        services={services.data}
        agencies={agencies.data}
        language={language}
        onTicket={(ticket) => setStep({ kind: 'ticket', ticket })}
        onCheckIn={() => setStep({ kind: 'checkIn' })}
      />
    );
  } else if (step.kind === 'checkIn') {
    content = (
      <KioskCheckInStep
        officeId={office.data.id}
        onTicket={(ticket) => setStep({ kind: 'ticket', ticket })}
        onBack={() => setStep({ kind: 'services' })}
      />
    );
  } else {
    content = <KioskTicketStep ticket={step.ticket} onDone={restart} />;
  }

  return (
    <div className="visits kiosk">
      <header className="kiosk-bar">
        <p className="kiosk-office" lang="sv" dir="ltr">
          {office.data?.name ?? t('common:appName')}
        </p>
        {(step.kind === 'services' || step.kind === 'checkIn') && (
          <button type="button" className="kiosk-bar-button" onClick={() => setStep({ kind: 'language' })}>
            {t('kiosk.changeLanguage')}
          </button>
        )}
      </header>
      <main id="main" className="kiosk-main">
        {content}
      </main>
    </div>
  );
}
