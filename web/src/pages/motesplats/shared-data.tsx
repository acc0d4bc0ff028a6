// The household's basic data as the officer's agency may see it under the household's consent: what the
// API leaves out is said to be not shared, never guessed.
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/motesplats.ts';
import { memberName } from './mp-format.ts';

export function SharedData({ household, memberIds }: { household: Household; memberIds: string[] }) {
  const { t } = useTranslation('motesplats');
  const shared = new Set(household.sharedFields);
  const notShared = <em>{t('reception.notShared')}</em>;
  const members = household.members.filter((m) => memberIds.includes(m.id));
  return (
    <div className="mp-shared">
      <h3>{t('reception.sharedTitle')}</h3>
      {household.view === 'minimal' && <p>{t('reception.noConsent')}</p>}
      <table className="mp-table">
        <caption className="visually-hidden">{t('reception.membersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reception.name')}</th>
            <th scope="col">{t('reception.birthYear')}</th>
            <th scope="col">{t('reception.identity')}</th>
            <th scope="col">{t('reception.interpreter')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{memberName(t, m, household.reference, household.members.indexOf(m))}</th>
              <td>{m.birthYear ?? notShared}</td>
              <td>{m.identityNumber ?? (shared.has('identityNumbers') ? t('reception.noNumber') : notShared)}</td>
              <td>{m.needsInterpreter ? t('reception.yes') : t('reception.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mp-figures">
        <div>
          <dt>{t('reception.dossier')}</dt>
          <dd>{household.dossierNumber ?? (shared.has('dossierNumber') ? '–' : notShared)}</dd>
        </div>
        <div>
          <dt>{t('reception.municipality')}</dt>
          <dd>{household.municipalityName ?? (shared.has('municipality') ? '–' : notShared)}</dd>
        </div>
        <div>
          <dt>{t('reception.housing')}</dt>
          <dd>
            {household.housing
              ? household.housing.assigned
                ? (household.housing.address ?? t('reception.housingAssigned'))
                : t('reception.noHousing')
              : notShared}
          </dd>
        </div>
      </dl>
    </div>
  );
}
