// One member of a household being registered or corrected: given name, birth year, interpreter need and,
// when there is one, a personnummer or samordningsnummer, and protected identity (skyddade personuppgifter).
import { useTranslation } from 'react-i18next';
import { FieldError, TextField } from '../admin/form-fields.tsx';
import { fieldAria, type FormErrors } from '../admin/form-errors.ts';
import { memberFieldId, type MemberDraft } from './household-draft.ts';

interface Props {
  prefix: string;
  index: number;
  member: MemberDraft;
  onChange: (member: MemberDraft) => void;
  onRemove: (() => void) | null;
  errors: FormErrors;
}

export function MemberFields({ prefix, index, member, onChange, onRemove, errors }: Props) {
  const { t } = useTranslation('motesplats');
  const n = index + 1;
  const id = (field: 'name' | 'year' | 'interpreter' | 'identity' | 'protected') => memberFieldId(prefix, index, field);
  // On a correction the stored number is only shown masked: an empty field keeps it.
  const identityHint = member.storedIdentity ? `${t('register.identityHint')} ${t('register.identityKept', { number: member.storedIdentity })}` : t('register.identityHint');
  return (
    <fieldset className="mp-member">
      <legend>{t('register.member', { n })}</legend>
      <TextField id={id('name')} label={t('register.givenName')} value={member.givenName} onChange={(givenName) => onChange({ ...member, givenName })} errors={errors} width="medium" required autoComplete="off" />
      <TextField id={id('year')} label={t('register.birthYear')} value={member.birthYear} onChange={(birthYear) => onChange({ ...member, birthYear })} errors={errors} width="short" inputMode="numeric" required />
      <TextField
        id={id('identity')}
        label={t('register.identityNumber')}
        hint={identityHint}
        value={member.identityNumber}
        onChange={(identityNumber) => onChange({ ...member, identityNumber })}
        errors={errors}
        width="medium"
        autoComplete="off"
      />
      <div className="admin-checkbox">
        <FieldError id={id('interpreter')} errors={errors} />
        <input type="checkbox" id={id('interpreter')} checked={member.needsInterpreter} onChange={(e) => onChange({ ...member, needsInterpreter: e.target.checked })} {...fieldAria(errors, id('interpreter'))} />
        <label htmlFor={id('interpreter')}>{t('register.needsInterpreter')}</label>
      </div>
      <div className="admin-checkbox">
        <input
          type="checkbox"
          id={id('protected')}
          checked={member.protectedIdentity}
          onChange={(e) => onChange({ ...member, protectedIdentity: e.target.checked })}
          aria-describedby={`${id('protected')}-hint`}
        />
        <label htmlFor={id('protected')}>{t('register.protectedIdentity')}</label>
        <p className="admin-hint" id={`${id('protected')}-hint`}>
          {t('register.protectedHint')}
        </p>
      </div>
      {onRemove && (
        <button type="button" className="mp-link-button" onClick={onRemove}>
          {t('register.removeMember', { n })}
        </button>
      )}
    </fieldset>
  );
}
