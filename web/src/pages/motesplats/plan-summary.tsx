// The plan in force, in figures: people's total time in the building (what the planner minimises), when
// the last person leaves, the lower bound and how far the plan can be from the best possible at most; and
// the one action that plans or re-plans the day.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayPlanView, Household, PlanResult } from '../../../../contracts/motesplats.ts';
import { api } from '../../lib/api.ts';
import { mpErrorMessage } from './mp-errors.ts';
import { clockOf, formatDuration, formatPercent } from './mp-format.ts';
import { dayPath } from './mp-paths.ts';

interface Props {
  officeId: string;
  date: string;
  plan: DayPlanView | null;
  households: Household[];
  hasHouseholds: boolean;
  mayManage: boolean;
  onPlanned: (result: PlanResult) => void;
}

export function PlanSummary({ officeId, date, plan, households, hasHouseholds, mayManage, onPlanned }: Props) {
  const { t, i18n } = useTranslation('motesplats');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const lang = i18n.language;

  const run = async () => {
    setBusy(true);
    setMessage(undefined);
    try {
      const result = await api.post<PlanResult>(`${dayPath(officeId, date)}/plan`, {});
      onPlanned(result);
      setMessage({ text: t('plan.done', { version: result.plan.version, count: result.changedHouseholdIds.length }), error: false });
    } catch (err) {
      setMessage({ text: mpErrorMessage(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="mp-section" aria-labelledby="mp-plan-title">
      <h2 id="mp-plan-title">{t('plan.title')}</h2>
      {plan ? (
        <dl className="mp-figures">
          <div>
            <dt>{t('plan.version')}</dt>
            <dd>{t('plan.versionValue', { version: plan.version, time: clockOf(plan.createdAt) })}</dd>
          </div>
          <div>
            <dt>{t('plan.total')}</dt>
            <dd>{formatDuration(plan.objective.totalMinutesInBuilding, lang)}</dd>
          </div>
          <div>
            <dt>{t('plan.makespan')}</dt>
            <dd>{plan.objective.makespan}</dd>
          </div>
          <div>
            <dt>{t('plan.lowerBound')}</dt>
            <dd>{formatDuration(plan.lowerBound, lang)}</dd>
          </div>
          <div>
            <dt>{t('plan.gap')}</dt>
            {/* The bound is a proof that no plan is shorter, so total ÷ bound − 1 is how much better the best plan could be at most. */}
            <dd>{plan.lowerBound > 0 ? t('plan.gapValue', { percent: formatPercent(plan.objective.totalMinutesInBuilding / plan.lowerBound - 1, lang) }) : t('plan.gapNone')}</dd>
          </div>
        </dl>
      ) : (
        <p>{hasHouseholds ? t('plan.none') : t('plan.noHouseholds')}</p>
      )}
      {plan?.stale && (
        // Registrations, corrections and staffing changes do not re-plan by themselves (docs/motesplats.md): say so here.
        <p className="mp-stale">
          <strong>{t('plan.stale')}</strong>
          {(plan.staleHouseholdIds ?? []).length > 0 && ' '}
          {(plan.staleHouseholdIds ?? []).length > 0 &&
            t('plan.staleHouseholds', {
              households: (plan.staleHouseholdIds ?? []).map((hid) => households.find((h) => h.id === hid)?.reference ?? t('plan.removedHousehold')).join(', '),
            })}
          {(plan.staleReasons ?? []).filter((r) => r !== 'households').map((r) => ` ${t(`plan.staleReason.${r}`)}`)}
        </p>
      )}
      {mayManage && (
        <p className="mp-actions">
          <button type="button" className="mp-button mp-button-big" onClick={() => void run()} disabled={busy || !hasHouseholds}>
            {busy ? t('plan.running') : plan ? t('plan.replan') : t('plan.plan')}
          </button>
        </p>
      )}
      {mayManage && plan && <p className="admin-hint">{t('plan.replanHint')}</p>}
      <p role="status" className={message?.error ? 'mp-message mp-message-error' : 'mp-message'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
