// Coverage planning at /planering (planners and admins; Swedish and English): a service's offices on a
// map of Sweden shaded by travel time, closures simulated by toggling offices, new sites proposed by the
// engine, and the tables that say the same in text, each exportable as CSV. The scenario is in the
// address (coverage-model.ts). docs/coverage.md describes the figures.
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import type { CoverageAnalysis, CoverageContext } from '../../../../contracts/coverage.ts';
import { ApiError } from '../../lib/api.ts';
import { swedishTextProps } from '../../lib/locale-format.ts';
import { useApiData } from '../../lib/use-api-data.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useMe } from '../visits/use-me.ts';
import { apiQuery, formatters, readScenario, writeScenario, type Scenario } from './coverage-model.ts';
import { CoverageMap } from './coverage-map.tsx';
import { AreaTable, ExportLink, NewSitesTable, OfficeTable, ReassignmentTable, UnderservedTable } from './coverage-tables.tsx';
import { KeyFigures } from './key-figures.tsx';
import { ScenarioForm } from './scenario-form.tsx';
import { SourcesSection } from './sources-section.tsx';
import './coverage.css';

function Analysis({ a, query, onToggle }: { a: CoverageAnalysis; query: URLSearchParams; onToggle: (id: string) => void }) {
  const { t, i18n } = useTranslation('coverage');
  const fmt = formatters(i18n.language);
  const changed = a.closure !== null || a.newSites !== null;
  const before = (rows: CoverageAnalysis['result']['counties']) => (changed ? rows : null);
  const countyRows = a.county ? a.result.counties.filter((c) => c.code === a.county) : a.result.counties;
  const shownOffices = a.county ? a.offices.filter((o) => o.countyCode === a.county || o.closed) : a.offices;
  return (
    <>
      <KeyFigures a={a} fmt={fmt} />
      <div className="coverage-grid">
        <CoverageMap municipalities={a.result.municipalities} offices={a.offices} newSites={a.newSites?.sites ?? []} county={a.county} fmt={fmt} onToggle={onToggle} />
        <div className="coverage-side">
          <OfficeTable caption={a.service ? t('tables.offices') : t('tables.officesAll')} offices={shownOffices} fmt={fmt} onToggle={onToggle} />
        </div>
      </div>
      <section aria-labelledby="cov-tables">
        <h2 id="cov-tables">{t('tables.heading')}</h2>
        {a.newSites && (
          <>
            <NewSitesTable sites={a.newSites} fmt={fmt} />
            <ExportLink table="new-sites" query={query} />
          </>
        )}
        {a.closure && (
          <>
            <ReassignmentTable closure={a.closure} fmt={fmt} />
            <ExportLink table="reassignments" query={query} />
          </>
        )}
        <AreaTable id="cov-counties" caption={t('tables.counties')} rows={[a.result.national, ...countyRows]} before={before([a.baseline.national, ...a.baseline.counties])} thresholds={a.thresholds} fmt={fmt} />
        <ExportLink table="counties" query={query} />
        <AreaTable id="cov-municipalities" caption={a.county ? t('tables.municipalitiesIn', { county: countyRows[0]?.name ?? a.county }) : t('tables.municipalities')} rows={a.result.municipalities} before={before(a.baseline.municipalities)} thresholds={a.thresholds} fmt={fmt} />
        <ExportLink table="municipalities" query={query} />
        <UnderservedTable places={a.result.underserved} minutes={a.underservedMinutes} fmt={fmt} />
        <ExportLink table="underserved" query={query} />
      </section>
      <p className="hint">{t('computed', { ms: fmt.minutes(a.computeMs), model: t(`travel.${a.travelModel}`, { defaultValue: a.travelModel }) })}</p>
    </>
  );
}

export function PlanningPage() {
  const { t, i18n } = useTranslation('coverage');
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const signedIn = me.kind === 'in';
  const context = useApiData<CoverageContext>(signedIn ? '/coverage/context' : null);
  const scenario = readScenario(params, context.data?.defaultCounty ?? null);
  const query = apiQuery(scenario);
  const analysis = useApiData<CoverageAnalysis>(context.data ? `/coverage?${query}` : null, { keepPrevious: true });
  useDocumentTitle(t('title'));

  const status = (analysis.error ?? context.error) instanceof ApiError ? ((analysis.error ?? context.error) as ApiError).status : undefined;
  if (me.kind === 'out' || status === 401) return <Navigate to="/logga-in" replace state={{ from: pathname + search }} />;
  const langProps = i18n.language === 'en' ? {} : swedishTextProps(i18n.language);
  const change = (next: Scenario) => setParams(writeScenario(next));
  const toggle = (id: string) => {
    const closed = scenario.closed.includes(id) ? scenario.closed.filter((c) => c !== id) : [...scenario.closed, id];
    change({ ...scenario, closed });
  };
  const a = analysis.data;
  const closedNames = scenario.closed.map((id) => a?.offices.find((o) => o.id === id)?.name ?? id);

  let body;
  if (status === 403) body = <p role="alert" className="error">{t('forbidden')}</p>;
  else if (analysis.error instanceof ApiError && analysis.error.status === 400) body = <p role="alert" className="error">{t('badScenario', { message: analysis.error.message })}</p>;
  else if (context.error || analysis.error || me.kind === 'error') body = <p role="alert" className="error">{t('loadError')}</p>;
  else if (!context.data || !a) body = <p role="status">{t('loading')}</p>;
  else body = <Analysis a={a} query={query} onToggle={toggle} />;

  return (
    <div className="page coverage" {...langProps}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {context.data && <ScenarioForm context={context.data} scenario={scenario} closedNames={closedNames} onChange={change} />}
      <p role="status" className={analysis.loading && a ? 'coverage-busy' : 'visually-hidden'}>
        {analysis.loading && a ? t('computing') : ''}
      </p>
      {body}
      {context.data && <SourcesSection context={context.data} />}
    </div>
  );
}
