// The role grants of a user being created: one row per role with its optional agency, office or county scope.
import { useTranslation } from 'react-i18next';
import type { RoleGrantBody } from '../../../../contracts/auth.ts';
import type { Agency, County, OfficeSummary } from '../../../../contracts/registry.ts';
import { localName } from './admin-format.ts';
import type { FormErrors } from './form-errors.ts';
import { FieldError, SelectField } from './form-fields.tsx';

export const ROLES: Array<RoleGrantBody['role']> = ['service_officer', 'agency_officer', 'coordinator', 'office_manager', 'planner', 'admin'];

export interface GrantRow {
  key: number;
  role: RoleGrantBody['role'];
  agencyId: string;
  officeId: string;
  countyCode: string;
}

export interface ScopeLookups {
  agencies: Agency[];
  offices: OfficeSummary[];
  counties: County[];
}

let nextKey = 1;
export function newGrantRow(): GrantRow {
  return { key: nextKey++, role: 'service_officer', agencyId: '', officeId: '', countyCode: '' };
}

interface Props {
  id: string;
  grants: GrantRow[];
  onChange: (grants: GrantRow[]) => void;
  lookups: ScopeLookups;
  errors: FormErrors;
}

export function RoleGrantFields({ id, grants, onChange, lookups, errors }: Props) {
  const { t, i18n } = useTranslation('admin');
  const set = (key: number, patch: Partial<GrantRow>) => onChange(grants.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  return (
    <fieldset className="admin-fieldset" id={id}>
      <legend>{t('users.roles')}</legend>
      <p className="admin-hint">{t('users.rolesHint')}</p>
      <FieldError id={id} errors={errors} />
      {grants.map((g, i) => {
        const fid = (part: string) => `user-grant-${g.key}-${part}`;
        const name = t('users.grantName', { n: i + 1 });
        return (
          <fieldset key={g.key} className="admin-fieldset admin-grant">
            <legend>{name}</legend>
            <div className="admin-grid-4">
              <SelectField id={fid('role')} label={t('users.role')} value={g.role} onChange={(role) => set(g.key, { role: role as GrantRow['role'] })} errors={errors}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField id={fid('agencyId')} label={t('users.scopeAgency')} value={g.agencyId} onChange={(agencyId) => set(g.key, { agencyId })} errors={errors}>
                <option value="">{t('users.noScope')}</option>
                {lookups.agencies.map((a) => (
                  <option key={a.id} value={a.id}>
                    {localName(a, i18n.language)}
                  </option>
                ))}
              </SelectField>
              <SelectField id={fid('officeId')} label={t('users.scopeOffice')} value={g.officeId} onChange={(officeId) => set(g.key, { officeId })} errors={errors}>
                <option value="">{t('users.noScope')}</option>
                {lookups.offices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </SelectField>
              <SelectField id={fid('countyCode')} label={t('users.scopeCounty')} value={g.countyCode} onChange={(countyCode) => set(g.key, { countyCode })} errors={errors}>
                <option value="">{t('users.noScope')}</option>
                {lookups.counties.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
            </div>
            {grants.length > 1 && (
              <button type="button" className="admin-button admin-button-link" onClick={() => onChange(grants.filter((x) => x.key !== g.key))}>
                {t('users.removeGrant')}
                <span className="admin-vh"> ({name})</span>
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" className="admin-button admin-button-secondary admin-button-small" onClick={() => onChange([...grants, newGrantRow()])}>
        {t('users.addGrant')}
      </button>
    </fieldset>
  );
}
