// The default Mötesplats pathway, after seeds 000 (Länsstyrelsen Kronoberg on Mötesplatsen i Växjö) and
// 004 (SKL on Mötesplats och information). The seeds list the contacts but give no durations: the
// minutes here are estimates, reasoned step by step in docs/motesplats.md ("Pathway template").
import type { PathwayTemplate } from './types.ts';

export const DEFAULT_TEMPLATE_ID = 'motesplats-standard';

/** Station keys: one station per agency; the municipality's desks are one station with several officers. */
export const STATIONS = ['MV', 'SKV', 'AF', 'FK', 'PM', 'KOMMUN'] as const;

export const DEFAULT_TEMPLATE: PathwayTemplate = {
  id: DEFAULT_TEMPLATE_ID,
  name: 'Mötesplats – första dagen',
  steps: [
    {
      // First: the decision is what every other agency acts on, and the family hears it together.
      key: 'mv-beslut',
      name: 'Information om beslut om uppehållstillstånd',
      station: 'MV',
      scope: 'household',
      durationMin: 15,
      perMemberMin: 5,
      after: [],
      applies: {},
    },
    {
      // Adults are registered and ID-checked one by one.
      key: 'skv-folkbokforing',
      name: 'Folkbokföring med id-kontroll',
      station: 'SKV',
      scope: 'person',
      durationMin: 20,
      after: ['mv-beslut'],
      applies: { minAge: 18 },
    },
    {
      // Children are registered and ID-checked too, but never at a desk alone: together, with a guardian.
      key: 'skv-folkbokforing-barn',
      name: 'Folkbokföring av barn med id-kontroll',
      station: 'SKV',
      scope: 'household',
      durationMin: 10,
      perMemberMin: 5,
      after: ['mv-beslut'],
      applies: { maxAge: 17 },
      withParent: true,
    },
    {
      key: 'af-inskrivning',
      name: 'Inskrivning som arbetssökande i etableringsprogrammet',
      station: 'AF',
      scope: 'person',
      durationMin: 45,
      after: ['mv-beslut'],
      applies: { minAge: 18, maxAge: 64 },
    },
    {
      // One meeting with the household's adults: the allowance is personal, but bank details, the
      // supplements and the family benefits are the household's, and explained once.
      key: 'fk-ersattning',
      name: 'Etableringsersättning och familjeförmåner',
      station: 'FK',
      scope: 'household',
      durationMin: 15,
      perMemberMin: 10,
      after: ['af-inskrivning', 'skv-folkbokforing'],
      applies: { minAge: 18, maxAge: 64 },
    },
    {
      key: 'pm-aldre',
      name: 'Stöd för äldre: pension och äldreförsörjningsstöd',
      station: 'PM',
      scope: 'person',
      durationMin: 30,
      after: ['skv-folkbokforing'],
      applies: { minAge: 65 },
    },
    {
      // 16- and 17-year-olds go to upper secondary's language introduction, enrolled with the school step.
      key: 'kommun-sfi',
      name: 'Inskrivning på SFI',
      station: 'KOMMUN',
      scope: 'person',
      durationMin: 15,
      after: ['skv-folkbokforing'],
      applies: { minAge: 18 },
    },
    {
      key: 'kommun-skola',
      name: 'Skolinskrivning (grundskola och gymnasiets språkintroduktion)',
      station: 'KOMMUN',
      scope: 'household',
      durationMin: 20,
      perMemberMin: 5,
      after: ['skv-folkbokforing-barn'],
      applies: { minAge: 6, maxAge: 17 },
      withParent: true,
    },
    {
      key: 'kommun-forskola',
      name: 'Ansökan om förskoleplats',
      station: 'KOMMUN',
      scope: 'household',
      durationMin: 10,
      perMemberMin: 5,
      after: ['skv-folkbokforing-barn'],
      applies: { minAge: 1, maxAge: 5 },
      withParent: true,
    },
    {
      // The adults sign the lease; the registered address must be known first.
      key: 'kommun-nyckel',
      name: 'Utlämning av nyckel till anvisad bostad',
      station: 'KOMMUN',
      scope: 'household',
      durationMin: 15,
      perMemberMin: 5,
      after: ['skv-folkbokforing'],
      applies: { minAge: 18, assignedHousing: true },
    },
  ],
};
