// Office form section: counters (and how often the desk may recall a visitor), video rooms, equipment
// (capabilities) and the languages staff speak.
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPABILITIES } from '../../../../contracts/registry.ts';
import { CheckboxGroup, TextField } from './form-fields.tsx';
import { COMMON_LANGUAGES, OFFICE_FIELD as F, type SectionProps } from './office-draft.ts';

/** A short whole-number field, for a count of something. */
function CountField(props: Omit<ComponentProps<typeof TextField>, 'type' | 'step' | 'inputMode' | 'width'>) {
  return <TextField {...props} type="number" step="1" inputMode="numeric" width="short" />;
}

export function OfficeEquipmentFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation('admin');
  return (
    <section className="admin-section" aria-labelledby="office-equipment-title">
      <h2 id="office-equipment-title">{t('office.sectionEquipment')}</h2>
      <div className="admin-grid-2">
        <CountField
          id={F.counters}
          label={t('office.counters')}
          value={draft.counters}
          onChange={(counters) => update({ counters })}
          errors={errors}
        />
        <CountField
          id={F.videoRooms}
          label={t('office.videoRooms')}
          value={draft.videoRooms}
          onChange={(videoRooms) => update({ videoRooms })}
          errors={errors}
        />
        <CountField
          id={F.maxRecalls}
          label={t('office.maxRecalls')}
          hint={t('office.maxRecallsHint')}
          value={draft.maxRecalls}
          onChange={(maxRecalls) => update({ maxRecalls })}
          errors={errors}
        />
      </div>
      <CheckboxGroup
        id={F.capabilities}
        legend={t('office.capabilities')}
        hint={t('office.capabilitiesHint')}
        options={CAPABILITIES.map((c) => ({ value: c, label: t(`capability.${c}`) }))}
        selected={draft.capabilities}
        onChange={(capabilities) => update({ capabilities })}
        errors={errors}
      />
      <CheckboxGroup
        id={F.languages}
        legend={t('office.languages')}
        options={COMMON_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        selected={draft.languages}
        onChange={(languages) => update({ languages })}
        errors={errors}
      />
      <TextField
        id={F.otherLanguages}
        label={t('office.otherLanguages')}
        hint={t('office.otherLanguagesHint')}
        value={draft.otherLanguages}
        onChange={(otherLanguages) => update({ otherLanguages })}
        errors={errors}
        width="medium"
      />
    </section>
  );
}
