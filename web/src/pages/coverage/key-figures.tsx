// The scenario's headline figures for the area in view (the county, or Sweden): what a planner reads
// first, before the tables. Each figure says its value before the scenario when it changed.
import { useTranslation } from 'react-i18next';
import type { CoverageAnalysis } from '../../../../contracts/coverage.ts';
import type { Formatters } from './coverage-model.ts';

export function KeyFigures({ a, fmt }: { a: CoverageAnalysis; fmt: Formatters }) {
  const { t } = useTranslation('coverage');
  const pick = (f: CoverageAnalysis['result']) => (a.county ? f.counties.find((c) => c.code === a.county)! : f.national);
  const now = pick(a.result);
  const was = pick(a.baseline);
  const changed = a.closure !== null || a.newSites !== null;
  const k30 = a.thresholds.indexOf(30);
  const pair = (after: string, before: string) => (changed && after !== before ? t('fromTo', { before, after }) : after);
  const crossing30 = a.closure?.crossings.find((c) => c.minutes === 30);
  return (
    <section className="key-figures" aria-labelledby="cov-key">
      <h2 id="cov-key">{t('key.heading', { area: now.name })}</h2>
      <dl className="key-cards">
        <div data-figure="population">
          <dt>{t('key.population')}</dt>
          <dd>{fmt.people(now.population)}</dd>
        </div>
        <div data-figure="mean">
          <dt>{t('key.mean')}</dt>
          <dd>{pair(t('minutes', { value: fmt.minutes(now.meanMinutes) }), t('minutes', { value: fmt.minutes(was.meanMinutes) }))}</dd>
        </div>
        {k30 >= 0 && (
          <div data-figure="within30">
            <dt>{t('key.within30')}</dt>
            <dd>{pair(fmt.share(now.shareWithin[k30]!), fmt.share(was.shareWithin[k30]!))}</dd>
          </div>
        )}
        <div data-figure="p90">
          <dt>{t('key.p90')}</dt>
          <dd>{pair(t('minutes', { value: fmt.minutes(now.p90Minutes) }), t('minutes', { value: fmt.minutes(was.p90Minutes) }))}</dd>
        </div>
      </dl>
      {a.closure && (
        <p className="scenario-summary" data-summary="closure">
          {t('key.closure', {
            people: fmt.people(a.closure.affectedPeople),
            minutes: fmt.minutes(a.closure.addedMinutesPerAffectedPerson),
            lost: fmt.people(crossing30?.lost ?? 0),
          })}
          {a.closure.cutOff > 0 && ` ${t('key.cutOff', { people: fmt.people(a.closure.cutOff) })}`}
        </p>
      )}
      {a.newSites && (
        <p className="scenario-summary" data-summary="sites">
          {a.newSites.objective === 'pmedian'
            ? t('key.sitesMean', { count: a.newSites.sites.length, before: fmt.minutes(a.newSites.keepNetwork ? a.newSites.headlineBefore : a.baseline.national.meanMinutes), after: fmt.minutes(a.newSites.headlineAfter) })
            : t('key.sitesCover', { count: a.newSites.sites.length, minutes: a.newSites.coverMinutes, before: fmt.people(a.newSites.headlineBefore), after: fmt.people(a.newSites.headlineAfter) })}
        </p>
      )}
    </section>
  );
}
