// Office form section: name, tier (with the partner or hub office the tier needs), Mötesplats and contact.
import { useTranslation } from 'react-i18next';
import { OFFICE_TIERS, type OfficeSummary, type OfficeTier } from '../../../../contracts/registry.ts';
import { fieldAria } from './form-errors.ts';
import { FieldError, SelectField, TextField } from './form-fields.tsx';
import { OFFICE_FIELD as F, type SectionProps } from './office-draft.ts';

interface Props extends SectionProps {
  /** Candidate hub offices for a mobile stop (every office except this one and other mobile stops). */
  hubs: OfficeSummary[];
}

export function OfficeBasicsFields({ draft, update, errors, hubs }: Props) {
  const { t } = useTranslation('admin');
  return (
    <section className="admin-section" aria-labelledby="office-basics-title">
      <h2 id="office-basics-title">{t('office.sectionBasics')}</h2>
      <TextField id={F.name} label={t('office.name')} value={draft.name} onChange={(name) => update({ name })} errors={errors} required />
      <SelectField
        id={F.tier}
        label={t('office.tier')}
        hint={t('office.tierHint')}
        value={draft.tier}
        onChange={(tier) => update({ tier: tier as OfficeTier })}
        errors={errors}
      >
        {OFFICE_TIERS.map((tier) => (
          <option key={tier} value={tier}>
            {t(`tier.${tier}`)}
          </option>
        ))}
      </SelectField>
      {draft.tier === 'servicepunkt' && (
        <TextField
          id={F.partnerName}
          label={t('office.partnerName')}
          hint={t('office.partnerHint')}
          value={draft.partnerName}
          onChange={(partnerName) => update({ partnerName })}
          errors={errors}
          required
        />
      )}
      {draft.tier === 'mobile_stop' && (
        <SelectField
          id={F.hubOfficeId}
          label={t('office.hubOffice')}
          hint={t('office.hubHint')}
          value={draft.hubOfficeId}
          onChange={(hubOfficeId) => update({ hubOfficeId })}
          errors={errors}
          required
        >
          <option value="">{t('common.choose')}</option>
          {hubs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.municipalityName})
            </option>
          ))}
        </SelectField>
      )}
      <div className={`admin-checkbox admin-field${errors.byId[F.isMotesplats] ? ' admin-field-invalid' : ''}`}>
        <FieldError id={F.isMotesplats} errors={errors} />
        <input
          type="checkbox"
          id={F.isMotesplats}
          checked={draft.isMotesplats}
          onChange={(e) => update({ isMotesplats: e.target.checked })}
          {...fieldAria(errors, F.isMotesplats, `${F.isMotesplats}-hint`)}
        />
        <label htmlFor={F.isMotesplats}>{t('office.isMotesplats')}</label>
        <p className="admin-hint" id={`${F.isMotesplats}-hint`}>
          {t('office.motesplatsHint')}
        </p>
      </div>
      <div className="admin-grid-2">
        <TextField
          id={F.phone}
          label={t('office.phone')}
          type="tel"
          autoComplete="off"
          value={draft.phone}
          onChange={(phone) => update({ phone })}
          errors={errors}
        />
        <TextField
          id={F.email}
          label={t('office.email')}
          type="email"
          autoComplete="off"
          value={draft.email}
          onChange={(email) => update({ email })}
          errors={errors}
        />
      </div>
      <TextField
        id={F.accessibilityNotes}
        label={t('office.accessibilityNotes')}
        hint={t('office.accessibilityHint')}
        multiline
        value={draft.accessibilityNotes}
        onChange={(accessibilityNotes) => update({ accessibilityNotes })}
        errors={errors}
      />
    </section>
  );
}
