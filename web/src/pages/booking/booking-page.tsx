// The visitor's booking flow at /boka and /kontor/:id/boka: service → place → day → time → contact →
// confirm → receipt. Phone first, seven languages; each step focuses its heading, and Back returns a step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { BookableService, CreatedBooking, FirstFreeOption, SlotDayView } from '../../../../contracts/booking.ts';
import type { Agency, Office, Service } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NO_ERRORS, type FormErrors } from '../admin/form-errors.ts';
import { BookingFrame } from './booking-frame.tsx';
import { EMPTY_CONTACT, type ContactDraft, type PlaceChoice, type ServiceChoice, type SlotChoice } from './booking-types.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { ContactStep } from './contact-step.tsx';
import { DayStep } from './day-step.tsx';
import { slotsPath } from './day-picker.tsx';
import { PlaceStep } from './place-step.tsx';
import { Receipt } from './receipt.tsx';
import { ServiceStep } from './service-step.tsx';
import { TimePicker } from './time-picker.tsx';
import { useStepHeading } from './use-step-heading.ts';
import { useBookingChallenge } from './use-booking-challenge.tsx';

type Step = 'service' | 'place' | 'day' | 'time' | 'contact' | 'confirm' | 'receipt';
const STEPS: Step[] = ['service', 'place', 'day', 'time', 'contact', 'confirm'];

/** Services a visitor can book somewhere: given in person, by video or at mobile stops. */
const bookableAnywhere = (s: Service) => s.channels.some((c) => c === 'in_person' || c === 'video' || c === 'mobile');

function TimeStep({ day, selected, onChoose }: { day: SlotDayView; selected?: string; onChoose: (start: SlotChoice['slot']) => void }) {
  const { t } = useTranslation('booking');
  const heading = useStepHeading();
  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('time.title')}
      </h1>
      <TimePicker day={day} selected={selected} onChoose={onChoose} />
    </section>
  );
}

export function BookingPage() {
  const { id } = useParams();
  const { t } = useTranslation('booking');
  const office = useApiData<Office>(id ? `/offices/${encodeURIComponent(id)}` : null);
  const officeServices = useApiData<BookableService[]>(id ? `/offices/${encodeURIComponent(id)}/bookable-services` : null);
  const allServices = useApiData<Service[]>(id ? null : '/services', { cached: true });
  const agencies = useApiData<Agency[]>('/agencies', { cached: true });
  const fixedPlace: PlaceChoice | null = office.data ? { officeId: office.data.id, officeName: office.data.name } : null;

  const [step, setStep] = useState<Step>('service');
  const [service, setService] = useState<ServiceChoice | null>(null);
  const [place, setPlace] = useState<PlaceChoice | null>(null);
  const [choice, setChoice] = useState<Partial<SlotChoice>>({});
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [contactErrors, setContactErrors] = useState<FormErrors>(NO_ERRORS);
  const [booked, setBooked] = useState<CreatedBooking | null>(null);
  const [loadError, setLoadError] = useState(false);
  const challenge = useBookingChallenge();
  useDocumentTitle(booked ? t('receipt.title') : t(`${step}.title`));

  const services: ServiceChoice[] | undefined = id ? officeServices.data : allServices.data?.filter(bookableAnywhere);
  const chosenPlace = place ?? fixedPlace;
  const visibleSteps = id ? STEPS.filter((s) => s !== 'place') : STEPS;
  const index = visibleSteps.indexOf(step);

  const back = () => {
    const previous = visibleSteps[index - 1];
    if (previous) setStep(previous);
  };

  /** "First free time near me": that office and day, straight to its times. */
  const takeFirstFree = (o: FirstFreeOption) => {
    if (!service) return;
    setPlace({ officeId: o.officeId, officeName: o.officeName });
    api.get<{ days: SlotDayView[] }>(slotsPath(o.officeId, service.id, o.date, o.date, o.channel)).then(
      (answer) => {
        const day = answer.days[0];
        if (!day) return;
        setChoice({ channel: o.channel, day });
        setStep('time');
      },
      () => setLoadError(true),
    );
  };

  let content;
  const failed = office.error ?? officeServices.error ?? allServices.error ?? agencies.error;
  if (failed || loadError) {
    content = <p role="alert">{t('errors.network')}</p>;
  } else if (booked) {
    content = <Receipt booking={booked} />;
  } else if (!services || !agencies.data || (id && !fixedPlace)) {
    content = <p role="status">{t('loading')}</p>;
  } else if (step === 'service' || !service) {
    content = (
      <ServiceStep
        services={services}
        agencies={agencies.data}
        onChoose={(s) => {
          setService(s);
          setChoice({});
          setStep(id ? 'day' : 'place');
        }}
      />
    );
  } else if (step === 'place' || !chosenPlace) {
    content = (
      <PlaceStep
        service={service}
        onChoose={(p) => {
          setPlace(p);
          setChoice({});
          setStep('day');
        }}
        onFirstFree={takeFirstFree}
      />
    );
  } else if (step === 'day' || !choice.day || !choice.channel) {
    content = (
      <DayStep
        service={service}
        place={chosenPlace}
        selected={choice.day?.date}
        onChoose={(day, channel) => {
          setChoice({ day, channel });
          setStep('time');
        }}
      />
    );
  } else if (step === 'time' || !choice.slot) {
    content = (
      <TimeStep
        day={choice.day}
        selected={choice.slot?.start}
        onChoose={(slot) => {
          setChoice({ ...choice, slot });
          setStep('contact');
        }}
      />
    );
  } else if (step === 'contact') {
    content = (
      <ContactStep
        value={contact}
        serverErrors={contactErrors}
        onDone={(c) => {
          setContact(c);
          setContactErrors(NO_ERRORS);
          setStep('confirm');
        }}
      />
    );
  } else {
    content = (
      <ConfirmStep
        service={service}
        place={chosenPlace}
        choice={choice as SlotChoice}
        contact={contact}
        onBooked={(b) => {
          setBooked(b);
          setStep('receipt');
        }}
        onContactErrors={(errors) => {
          setContactErrors(errors);
          setStep('contact');
        }}
        proof={challenge.proof}
      />
    );
  }

  return (
    <BookingFrame>
      {!booked && index >= 0 && (
        <div className="booking-progress">
          {index > 0 && (
            <button type="button" className="booking-back" onClick={back}>
              {t('back')}
            </button>
          )}
          <p className="booking-step-count">{t('stepOf', { step: index + 1, count: visibleSteps.length })}</p>
        </div>
      )}
      {content}
      {/* Solving starts with the contact details and goes on while they are typed (decision 0013). */}
      {!booked && (step === 'contact' || step === 'confirm') && challenge.widget}
    </BookingFrame>
  );
}
