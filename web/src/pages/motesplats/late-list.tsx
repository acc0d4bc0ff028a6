// Households whose arrival time has passed without any step begun: the coordinator calls them, or
// records a late arrival or a no-show (the event form below), which re-plans the rest of the day.
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../contracts/motesplats.ts';

export function LateList({ households, late }: { households: Household[]; late: Set<string> }) {
  const { t } = useTranslation('motesplats');
  const list = households.filter((h) => late.has(h.id));
  if (list.length === 0) return null;
  return (
    <section className="mp-section mp-late-section" aria-labelledby="mp-late-title">
      <h2 id="mp-late-title">{t('late.title', { count: list.length })}</h2>
      <p>{t('late.intro')}</p>
      <ul>
        {list.map((h) => (
          <li key={h.id}>
            <strong>{h.reference}</strong> {t('late.item', { arrival: h.arrival, count: h.members.length })}
          </li>
        ))}
      </ul>
    </section>
  );
}
