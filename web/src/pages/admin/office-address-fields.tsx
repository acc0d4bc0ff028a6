// Office form section: street address, municipality and map coordinates.
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../contracts/registry.ts';
import { TextField } from './form-fields.tsx';
import { MunicipalitySelect } from './municipality-select.tsx';
import { OFFICE_FIELD as F, type SectionProps } from './office-draft.ts';

interface Props extends SectionProps {
  municipalities: Municipality[];
}

export function OfficeAddressFields({ draft, update, errors, municipalities }: Props) {
  const { t } = useTranslation('admin');
  const municipality = municipalities.find((m) => m.kommunkod === draft.kommunkod);

  function chooseMunicipality(kommunkod: string) {
    const m = municipalities.find((x) => x.kommunkod === kommunkod);
    // A new office starts at the municipality's centre until someone enters the exact position.
    const blank = !draft.lat.trim() && !draft.lon.trim();
    update(m && blank ? { kommunkod, lat: String(m.lat), lon: String(m.lon) } : { kommunkod });
  }

  return (
    <section className="admin-section" aria-labelledby="office-address-title">
      <h2 id="office-address-title">{t('office.sectionAddress')}</h2>
      <TextField
        id={F.street}
        label={t('office.street')}
        value={draft.street}
        onChange={(street) => update({ street })}
        errors={errors}
        autoComplete="off"
        required
      />
      <div className="admin-grid-2">
        <TextField
          id={F.postalCode}
          label={t('office.postalCode')}
          hint={t('office.postalCodeHint')}
          value={draft.postalCode}
          onChange={(postalCode) => update({ postalCode })}
          errors={errors}
          inputMode="numeric"
          width="short"
          required
        />
        <TextField id={F.city} label={t('office.city')} value={draft.city} onChange={(city) => update({ city })} errors={errors} required />
      </div>
      <MunicipalitySelect
        id={F.kommunkod}
        label={t('office.municipality')}
        value={draft.kommunkod}
        onChange={chooseMunicipality}
        municipalities={municipalities}
        errors={errors}
        required
      />
      <div className="admin-grid-2">
        <TextField
          id={F.lat}
          label={t('office.lat')}
          hint={t('office.coordHint')}
          value={draft.lat}
          onChange={(lat) => update({ lat })}
          errors={errors}
          inputMode="decimal"
          width="medium"
          required
        />
        <TextField
          id={F.lon}
          label={t('office.lon')}
          hint={t('office.coordHint')}
          value={draft.lon}
          onChange={(lon) => update({ lon })}
          errors={errors}
          inputMode="decimal"
          width="medium"
          required
        />
      </div>
      {municipality && (
        <button
          type="button"
          className="admin-button admin-button-secondary"
          onClick={() => update({ lat: String(municipality.lat), lon: String(municipality.lon) })}
        >
          {t('office.useMunicipalityCentre', { name: municipality.name })}
        </button>
      )}
    </section>
  );
}
