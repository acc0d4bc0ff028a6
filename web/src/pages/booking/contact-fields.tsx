// Contact details of a booking: name, email and/or mobile number (at least one), an optional personnummer
// (the server checks it; its error shows on the field), an interpreter need with its language, and
// protected identity (skyddade personuppgifter), which keeps the name off the staff lists.
import { useTranslation } from 'react-i18next';
import { errorId, fieldAria, errorsFromChecks, type FormErrors } from '../admin/form-errors.ts';
import { languageName } from '../../lib/locale-format.ts';
import type { ContactDraft } from './booking-types.ts';

/** Languages interpreters are most often booked for at the offices (ISO 639 codes). */
const INTERPRETER_LANGUAGES = ['ar', 'fa', 'prs', 'ps', 'ti', 'am', 'so', 'uk', 'ru', 'tr', 'ku', 'bs', 'sq', 'pl', 'ro', 'es', 'fr', 'en', 'zh', 'th', 'vi'];

/** Checks done before asking the server; the server checks the rest (personnummer, mobile number). */
export function checkContact(c: ContactDraft, t: (key: string) => string): FormErrors {
  const checks: Array<[string, string]> = [];
  if (c.name.trim() === '') checks.push(['booking-name', t('contact.nameMissing')]);
  if (c.email.trim() === '' && c.phone.trim() === '') checks.push(['booking-email', t('errors.reason.contact_required')]);
  if (c.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim())) checks.push(['booking-email', t('errors.field.email')]);
  if (c.phone.trim() !== '' && !/^[+0-9 ().-]+$/.test(c.phone.trim())) checks.push(['booking-phone', t('errors.field.phone')]);
  if (c.personnummer.trim() !== '' && !/^[0-9]{6,8}[-+]?[0-9]{4}$/.test(c.personnummer.trim())) {
    checks.push(['booking-personnummer', t('errors.reason.invalid_personnummer')]);
  }
  if (c.interpreter && c.interpreterLanguage === '') checks.push(['booking-interpreter-language', t('contact.interpreterMissing')]);
  return errorsFromChecks(checks);
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  errors: FormErrors;
  children: (aria: ReturnType<typeof fieldAria>) => React.ReactNode;
}

function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const message = errors.byId[id];
  return (
    <div className={`booking-field${message ? ' booking-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="booking-hint" id={hintId}>
          {hint}
        </p>
      )}
      {message && (
        <p className="booking-field-error" id={errorId(id)}>
          {message}
        </p>
      )}
      {children(fieldAria(errors, id, hintId))}
    </div>
  );
}

interface Props {
  value: ContactDraft;
  onChange: (value: ContactDraft) => void;
  errors: FormErrors;
}

export function ContactFields({ value, onChange, errors }: Props) {
  const { t, i18n } = useTranslation('booking');
  const set = (patch: Partial<ContactDraft>) => onChange({ ...value, ...patch });
  const languages = INTERPRETER_LANGUAGES.map((code) => ({ code, name: languageName(code, i18n.language) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return (
    <>
      <Field id="booking-name" label={t('contact.name')} errors={errors}>
        {(aria) => (
          <input id="booking-name" className="booking-input" autoComplete="name" value={value.name} onChange={(e) => set({ name: e.target.value })} dir="auto" {...aria} />
        )}
      </Field>
      <fieldset className="booking-fieldset">
        <legend>{t('contact.reachLegend')}</legend>
        <p className="booking-hint">{t('contact.reachHint')}</p>
        <Field id="booking-email" label={t('contact.email')} errors={errors}>
          {(aria) => (
            <input id="booking-email" type="email" className="booking-input" autoComplete="email" dir="ltr" value={value.email} onChange={(e) => set({ email: e.target.value })} {...aria} />
          )}
        </Field>
        <Field id="booking-phone" label={t('contact.phone')} hint={t('contact.phoneHint')} errors={errors}>
          {(aria) => (
            <input id="booking-phone" type="tel" className="booking-input" autoComplete="tel" dir="ltr" value={value.phone} onChange={(e) => set({ phone: e.target.value })} {...aria} />
          )}
        </Field>
      </fieldset>
      <Field id="booking-personnummer" label={t('contact.personnummer')} hint={t('contact.personnummerHint')} errors={errors}>
        {(aria) => (
          <input
            id="booking-personnummer"
            className="booking-input booking-input-medium"
            inputMode="numeric"
            dir="ltr"
            value={value.personnummer}
            onChange={(e) => set({ personnummer: e.target.value })}
            {...aria}
          />
        )}
      </Field>
      <div className="booking-check">
        <input id="booking-interpreter" type="checkbox" checked={value.interpreter} onChange={(e) => set({ interpreter: e.target.checked })} />
        <label htmlFor="booking-interpreter">{t('contact.interpreter')}</label>
      </div>
      {value.interpreter && (
        <Field id="booking-interpreter-language" label={t('contact.interpreterLanguage')} errors={errors}>
          {(aria) => (
            <select
              id="booking-interpreter-language"
              className="booking-input booking-input-medium"
              value={value.interpreterLanguage}
              onChange={(e) => set({ interpreterLanguage: e.target.value })}
              {...aria}
            >
              <option value="">{t('contact.chooseLanguage')}</option>
              {languages.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="booking-check">
        <input
          id="booking-protected"
          type="checkbox"
          checked={value.protectedIdentity}
          onChange={(e) => set({ protectedIdentity: e.target.checked })}
          aria-describedby="booking-protected-hint"
        />
        <label htmlFor="booking-protected">{t('contact.protected')}</label>
      </div>
      <p className="booking-hint" id="booking-protected-hint">
        {t('contact.protectedHint')}
      </p>
    </>
  );
}

/** The contact part of CreateBookingInput: empty fields left out. */
export function contactInput(c: ContactDraft) {
  return {
    visitorName: c.name.trim(),
    ...(c.email.trim() ? { email: c.email.trim() } : {}),
    ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
    ...(c.personnummer.trim() ? { personnummer: c.personnummer.trim() } : {}),
    ...(c.interpreter && c.interpreterLanguage ? { interpreterLanguage: c.interpreterLanguage } : {}),
    ...(c.protectedIdentity ? { protectedIdentity: true } : {}),
  };
}
