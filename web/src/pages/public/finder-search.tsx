// The finder's search box: asks /search as the visitor types and lists the hits grouped by kind.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Agency, SearchHit, SearchKind, Service } from '../../../../contracts/registry.ts';
import { api } from '../../lib/api.ts';
import { localName, swedishTextProps } from '../../lib/locale-format.ts';

// Tie-break order between groups of equal relevance: places first, as most visitors look for "an office near X".
const KIND_ORDER: SearchKind[] = ['locality', 'municipality', 'service', 'agency', 'office'];
const PLACE_BONUS = 0.1;
const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

/** The answer for one query text; while it is not for the current text, a search is under way. */
type SearchResult = { q: string; hits: SearchHit[]; failed: false } | { q: string; hits: []; failed: true };

interface Props {
  services: Service[];
  agencies: Agency[];
  onChoose: (hit: SearchHit) => void;
}

export function FinderSearch({ services, agencies, onChoose }: Props) {
  const { t, i18n } = useTranslation('public');
  const lang = i18n.language;
  const { search } = useLocation();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<SearchResult | null>(null);
  const [submits, setSubmits] = useState(0);
  const handledSubmits = useRef(0);
  const resultsRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const hintId = useId();

  const text = q.trim();
  useEffect(() => {
    if (text.length < MIN_LENGTH) return;
    // Enter searches at once; typing waits for a pause so each keystroke is not a request.
    const immediate = submits !== handledSubmits.current;
    handledSubmits.current = submits;
    let current = true;
    const timer = setTimeout(
      () => {
        const params = new URLSearchParams({ q: text, limit: '20', kinds: KIND_ORDER.join(',') });
        api.get<SearchHit[]>(`/search?${params.toString()}`).then(
          (hits) => current && setResult({ q: text, hits, failed: false }),
          () => current && setResult({ q: text, hits: [], failed: true }),
        );
      },
      immediate ? 0 : DEBOUNCE_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, submits]);

  const status: 'idle' | 'searching' | 'done' | 'failed' =
    text.length < MIN_LENGTH ? 'idle' : result?.q !== text ? 'searching' : result.failed ? 'failed' : 'done';

  const choose = (hit: SearchHit) => {
    setQ('');
    onChoose(hit);
  };

  // Enter searches at once instead of waiting for the pause in typing.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmits((n) => n + 1);
  };

  // Arrow keys move between the input and the hits, as in a suggestion list.
  const hitElements = () => Array.from(resultsRef.current?.querySelectorAll<HTMLElement>('[data-hit]') ?? []);
  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      const first = hitElements()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape') {
      setQ('');
    }
  };
  const onResultsKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = hitElements();
    const index = items.findIndex((el) => el === document.activeElement);
    if (index < 0) return;
    e.preventDefault();
    const next = e.key === 'ArrowDown' ? items[index + 1] : items[index - 1];
    if (next) next.focus();
    else if (e.key === 'ArrowUp') document.getElementById(inputId)?.focus();
  };

  // While the next answer loads, the previous hits stay in place rather than the list collapsing.
  const hits = status === 'idle' || !result ? [] : result.hits;
  // Groups follow the server's relevance (best hit first). Places get a small head start: "Växjö" should
  // offer the town before the municipality-as-agency of the same name.
  const groups = KIND_ORDER.map((kind) => ({ kind, hits: hits.filter((h) => h.kind === kind) }))
    .filter((g) => g.hits.length > 0)
    .map((g) => ({
      ...g,
      best: Math.max(...g.hits.map((h) => h.score)) + (g.kind === 'locality' || g.kind === 'municipality' ? PLACE_BONUS : 0),
    }))
    .sort((a, b) => b.best - a.best || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const agenciesById = new Map(agencies.map((a) => [a.id, a]));

  const statusText =
    status === 'searching'
      ? t('finder.searching')
      : status === 'failed'
        ? t('finder.searchFailed')
        : status === 'done'
          ? hits.length === 0
            ? t('finder.noResults', { q: text })
            : t('finder.resultsCount', { count: hits.length })
          : '';

  return (
    <div className="finder-search">
      <form role="search" onSubmit={onSubmit} className="search-form">
        <label htmlFor={inputId} className="field-label">
          {t('finder.searchLabel')}
        </label>
        <p id={hintId} className="hint">
          {t('finder.searchHint')}
        </p>
        <div className="search-row">
          <input
            id={inputId}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onInputKey}
            aria-describedby={hintId}
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
          />
          <button type="submit" className="button">
            {t('finder.searchButton')}
          </button>
        </div>
      </form>
      <p className="search-status" role="status" aria-live="polite">
        {statusText}
      </p>
      {groups.length > 0 && (
        <div className="search-results" ref={resultsRef} onKeyDown={onResultsKey}>
          <h2 className="visually-hidden">{t('finder.resultsHeading')}</h2>
          {groups.map((group) => (
            <section key={group.kind} className="hit-group" aria-labelledby={`hits-${group.kind}`}>
              <h3 id={`hits-${group.kind}`}>{t(`finder.kinds.${group.kind}`)}</h3>
              <ul>
                {group.hits.map((hit) => {
                  const service = hit.kind === 'service' ? servicesById.get(hit.id) : undefined;
                  const agency = hit.kind === 'agency' ? agenciesById.get(hit.id) : undefined;
                  const serviceAgency = service ? agenciesById.get(service.agencyId) : undefined;
                  const label = service ? localName(service, lang) : agency ? localName(agency, lang) : hit.label;
                  const labelProps = service || agency ? swedishTextProps(lang, true) : {};
                  // An agency hit's detail is its name in the other language: nothing a visitor needs.
                  const detail = serviceAgency ? localName(serviceAgency, lang) : agency ? '' : hit.detail;
                  const detailProps = serviceAgency ? swedishTextProps(lang, true) : swedishTextProps(lang);
                  const content = (
                    <>
                      <span className="hit-label" {...labelProps}>
                        {label}
                      </span>
                      {detail && (
                        <span className="hit-detail" {...detailProps}>
                          {detail}
                        </span>
                      )}
                    </>
                  );
                  return (
                    <li key={`${hit.kind}:${hit.id}`}>
                      {hit.kind === 'office' ? (
                        <Link to={`/kontor/${hit.id}`} state={{ finderSearch: search }} className="hit" data-hit="">
                          {content}
                        </Link>
                      ) : (
                        <button type="button" className="hit" data-hit="" onClick={() => choose(hit)}>
                          {content}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
