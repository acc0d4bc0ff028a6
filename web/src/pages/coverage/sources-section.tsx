// Where the figures come from: the data sources (as the API states them, in English: they are
// citations), the population total, and the travel model with its main limitation.
import { useTranslation } from 'react-i18next';
import type { CoverageContext } from '../../../../contracts/coverage.ts';
import { formatters } from './coverage-model.ts';

export function SourcesSection({ context }: { context: CoverageContext }) {
  const { t, i18n } = useTranslation('coverage');
  const fmt = formatters(i18n.language);
  const s = context.sources;
  return (
    <section className="coverage-sources" aria-labelledby="cov-sources">
      <h2 id="cov-sources">{t('sources.heading')}</h2>
      <p>{t('sources.summary', { population: fmt.people(s.population), date: s.populationDate, localities: fmt.people(s.localities), points: fmt.people(s.demandPoints) })}</p>
      <ul lang="en">
        {s.lines.map((line) => <li key={line}>{line}</li>)}
      </ul>
      <p>{t(`travel.${context.travelModel.name}Long`, { defaultValue: context.travelModel.description })}</p>
    </section>
  );
}
