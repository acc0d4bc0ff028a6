// The day's households: reference, arrival, members, language, where they are in the day, the link to
// their own itinerary and their consent.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DayPlanView, Household } from '../../../../contracts/motesplats.ts';
import type { Municipality } from '../../../../contracts/registry.ts';
import { languageName } from '../../lib/locale-format.ts';
import { householdState } from './board-model.ts';
import { ConsentPanel, type StationAgency } from './consent-panel.tsx';
import { HouseholdActions } from './household-actions.tsx';
import { memberName } from './mp-format.ts';
import { itineraryPage } from './mp-paths.ts';

interface Props {
  officeId: string;
  date: string;
  municipalities: Municipality[];
  onChanged: (message: string) => void;
  households: Household[];
  plan: DayPlanView | null;
  late: Set<string>;
  agencies: StationAgency[];
  mayManage: boolean;
}

export function HouseholdList({ officeId, date, municipalities, onChanged, households, plan, late, agencies, mayManage }: Props) {
  const { t, i18n } = useTranslation('motesplats');
  const [open, setOpen] = useState<Record<string, boolean>>({});
  if (households.length === 0) return <p>{t('households.none')}</p>;
  return (
    <ul className="mp-households">
      {[...households].sort((a, b) => a.arrival.localeCompare(b.arrival)).map((h) => {
        const state = householdState(h, plan, late);
        return (
          <li key={h.id} className={`mp-household mp-household-${state}`}>
            <h3>
              {h.reference} <span className="mp-household-arrival">{t('households.arrives', { time: h.arrival })}</span>
            </h3>
            <p>
              <strong className={`mp-state mp-state-${state}`}>{t(`households.state.${state}`)}</strong>{' '}
              {t('households.language', { language: languageName(h.language, i18n.language === 'en' ? 'en' : 'sv') ?? h.language })}
              {h.members.some((m) => m.needsInterpreter) ? `, ${t('households.interpreter')}` : ''}
            </p>
            <p>
              {h.members.map((m, i) => `${memberName(t, m, h.reference, i)}${m.birthYear ? ` (${m.birthYear})` : ''}`).join(', ')}
              {h.municipalityName ? ` · ${h.municipalityName}` : ''}
              {h.housing?.assigned ? ` · ${t('households.housing')}` : ''}
              {h.dossierNumber ? ` · ${t('households.dossier', { number: h.dossierNumber })}` : ''}
            </p>
            {h.itineraryToken && (
              <p>
                <Link to={itineraryPage(h.itineraryToken)}>{t('households.itinerary', { household: h.reference })}</Link>
              </p>
            )}
            {mayManage && <HouseholdActions officeId={officeId} date={date} household={h} municipalities={municipalities} onChanged={onChanged} />}
            <details onToggle={(e) => setOpen({ ...open, [h.id]: e.currentTarget.open })}>
              <summary>{t('households.consent', { household: h.reference })}</summary>
              {open[h.id] && <ConsentPanel officeId={officeId} householdId={h.id} reference={h.reference} agencies={agencies} mayManage={mayManage} />}
            </details>
          </li>
        );
      })}
    </ul>
  );
}
