// The pathway as a coordinator reads it: the steps in an order the template allows, each with its
// station, length, who it applies to and what must come first ("efter: Migrationsverket: …"); steps
// that wait for each other in a circle are listed apart, since they can never start.
import { useTranslation } from 'react-i18next';
import { CONDITIONS, precedenceOrder, type StepDraft } from './template-draft.ts';

interface Props {
  steps: StepDraft[];
  stationName: (station: string) => string;
}

export function TemplatePathway({ steps, stationName }: Props) {
  const { t } = useTranslation('motesplats');
  const { ordered, blocked } = precedenceOrder(steps);
  const byUid = new Map(steps.map((s) => [s.uid, s]));
  const title = (s: StepDraft) => `${stationName(s.station)}: ${s.name.trim() || s.key.trim() || t('templates.newStep')}`;

  const who = (s: StepDraft) => {
    const parts: string[] = [];
    const [min, max] = [s.minAge.trim(), s.maxAge.trim()];
    if (min || max) parts.push(min && max ? t('templates.ages', { min, max }) : min ? t('templates.agesFrom', { min }) : t('templates.agesTo', { max }));
    for (const c of CONDITIONS) if (s[c]) parts.push(t(`templates.when.${c}.${s[c]}`));
    return parts.length ? parts.join(', ') : t('templates.everyone');
  };
  const length = (s: StepDraft) =>
    s.scope === 'household'
      ? t('templates.lengthHousehold', { min: s.durationMin, per: s.perMemberMin.trim() || '0' }) + (s.withParent ? `, ${t('templates.withParentShort')}` : '')
      : t('templates.lengthPerson', { min: s.durationMin });
  const after = (s: StepDraft) => {
    const names = s.after.flatMap((u) => (byUid.has(u) ? [title(byUid.get(u)!)] : []));
    return names.length ? t('templates.afterList', { steps: names.join('; ') }) : t('templates.first');
  };
  const item = (s: StepDraft) => (
    <li key={s.uid}>
      <span className="mp-template-step-title">{title(s)}</span>
      <span>
        {length(s)}. {who(s)}.
      </span>
      <span>{after(s)}</span>
    </li>
  );

  return (
    <section className="mp-section" aria-labelledby="mp-tpl-pathway-title">
      <h2 id="mp-tpl-pathway-title">{t('templates.pathway')}</h2>
      <p className="admin-hint">{t('templates.pathwayHint')}</p>
      <ol className="mp-pathway">{ordered.map(item)}</ol>
      {blocked.length > 0 && (
        <div className="mp-stale">
          <p>
            <strong>{t('templates.blocked')}</strong>
          </p>
          <ul className="mp-pathway">{blocked.map(item)}</ul>
        </div>
      )}
    </section>
  );
}
