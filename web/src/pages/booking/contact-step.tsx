// Step 5: contact details, checked before moving on; errors the server found come back here on their fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_ERRORS, type FormErrors } from '../admin/form-errors.ts';
import { BookingErrorSummary } from './booking-error-summary.tsx';
import type { ContactDraft } from './booking-types.ts';
import { checkContact, ContactFields } from './contact-fields.tsx';
import { useStepHeading } from './use-step-heading.ts';

interface Props {
  value: ContactDraft;
  serverErrors: FormErrors;
  onDone: (value: ContactDraft) => void;
}

export function ContactStep({ value, serverErrors, onDone }: Props) {
  const { t } = useTranslation('booking');
  const heading = useStepHeading(serverErrors.list.length === 0);
  const [draft, setDraft] = useState(value);
  const [errors, setErrors] = useState<FormErrors>(serverErrors);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkContact(draft, t);
    setErrors(found);
    if (found.list.length === 0) onDone(draft);
  };
  return (
    <section aria-labelledby="booking-step-title">
      <h1 id="booking-step-title" ref={heading} tabIndex={-1}>
        {t('contact.title')}
      </h1>
      <BookingErrorSummary errors={errors} />
      <form noValidate onSubmit={submit} className="booking-form">
        <ContactFields value={draft} onChange={setDraft} errors={errors.list.length ? errors : NO_ERRORS} />
        <button type="submit" className="button">
          {t('continue')}
        </button>
      </form>
    </section>
  );
}
