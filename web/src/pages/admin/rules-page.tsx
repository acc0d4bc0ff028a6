// The rules report: every registry rule the network breaks today (GET /registry/rules), grouped by office,
// each with a link to the form where it is fixed.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OfficeSummary, RuleViolation } from '../../../../contracts/registry.ts';
import { ADMIN_PATHS } from './admin-paths.ts';
import { LoadStatus } from './load-status.tsx';
import { useLoad } from './use-load.ts';
import { usePageTitle } from './use-page-title.ts';

interface Group {
  officeId: string | null;
  name: string;
  violations: RuleViolation[];
}

/** The service a violation names, when the server put one in its details. */
function serviceIdOf(v: RuleViolation): string | null {
  const id = v.details.serviceId;
  return typeof id === 'string' ? id : null;
}

export function RulesPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('rules.title'));
  const rules = useLoad<RuleViolation[]>('/registry/rules');
  const offices = useLoad<OfficeSummary[]>('/offices');
  const officeName = new Map((offices.data ?? []).map((o) => [o.id, o.name]));

  const groups = new Map<string, Group>();
  for (const v of rules.data ?? []) {
    const key = v.officeId ?? '';
    const group = groups.get(key) ?? {
      officeId: v.officeId,
      name: v.officeId ? (officeName.get(v.officeId) ?? v.officeId) : t('rules.noOffice'),
      violations: [],
    };
    group.violations.push(v);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  return (
    <>
      <div className="admin-heading-row">
        <h1>{t('rules.title')}</h1>
        <button type="button" className="admin-button admin-button-secondary" onClick={rules.reload} disabled={rules.loading}>
          {t('rules.rerun')}
        </button>
      </div>
      <p className="admin-hint">{t('rules.intro')}</p>
      <LoadStatus loads={[rules, offices]} />
      {rules.data && (
        <p role="status" className={rules.data.length ? 'admin-muted' : 'admin-status'}>
          {rules.data.length
            ? t('rules.summary', { count: rules.data.length, offices: sorted.length })
            : t('rules.none')}
        </p>
      )}
      {sorted.map((g) => {
        const headingId = `rules-${g.officeId ?? 'none'}`;
        return (
          <section key={headingId} className="admin-section admin-rule-group" aria-labelledby={headingId}>
            <h2 id={headingId}>{g.name}</h2>
            <ul className="admin-violations">
              {g.violations.map((v, i) => {
                const serviceId = serviceIdOf(v);
                return (
                  <li key={i}>
                    <strong>{t(`rule.${v.rule}`)}</strong>
                    <span>{v.message}</span>
                    {serviceId && (
                      <Link to={ADMIN_PATHS.service(serviceId)}>
                        {t('rules.openService')}
                        <span className="admin-vh"> ({v.message})</span>
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
            {g.officeId && (
              <Link to={ADMIN_PATHS.office(g.officeId)} className="admin-button admin-button-secondary admin-button-small">
                {t('rules.fixOffice')}
                <span className="admin-vh"> {g.name}</span>
              </Link>
            )}
          </section>
        );
      })}
    </>
  );
}
