// One shape for form errors in the admin pages: client checks and API errors both become a list for the
// error summary and a message per input id, so every form shows errors the same (GOV.UK) way.
import type { RuleViolation } from '../../../../contracts/registry.ts';
import { ApiError } from '../../lib/api.ts';
import i18n from '../../i18n/index.ts';

/** API field path (e.g. "openingHours[2].closes") → DOM id of the input holding that value. */
export type FieldIds = Record<string, string>;

export interface FormError {
  /** Id of the input (or fieldset) the error belongs to; null when no input matches. */
  targetId: string | null;
  message: string;
}

export interface FormErrors {
  /** 'rules' when the server refused the save because registry rules would break. */
  kind: 'input' | 'rules';
  list: FormError[];
  byId: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { kind: 'input', list: [], byId: {} };

export function isApiError(err: unknown, status?: number): err is ApiError {
  return err instanceof ApiError && (status === undefined || err.status === status);
}

/** Accepts "a[2].b" and the JSON-pointer form "/a/2/b" some validators report. */
function normaliseField(field: string): string {
  if (!field.startsWith('/')) return field;
  return field
    .slice(1)
    .split('/')
    .map((part, i) => (/^[0-9]+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Finds the input for a field path, falling back to its parent ("openingHours[2]", then "openingHours"). */
export function resolveFieldId(field: string | undefined | null, ids: FieldIds): string | null {
  if (!field) return null;
  let path = normaliseField(field);
  for (;;) {
    const id = ids[path];
    if (id) return id;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return null;
    path = path.slice(0, cut);
  }
}

function collect(kind: FormErrors['kind'], list: FormError[]): FormErrors {
  const byId: Record<string, string> = {};
  for (const e of list) {
    if (e.targetId === null) continue;
    byId[e.targetId] = byId[e.targetId] ? `${byId[e.targetId]} ${e.message}` : e.message;
  }
  return { kind, list, byId };
}

/** Client-side checks: each entry is [input id, message]. */
export function errorsFromChecks(checks: Array<[string, string]>): FormErrors {
  return collect(
    'input',
    checks.map(([targetId, message]) => ({ targetId, message })),
  );
}

function isViolation(v: unknown): v is RuleViolation {
  return typeof v === 'object' && v !== null && 'rule' in v && 'message' in v && 'field' in v;
}

/** The violations of a 422 rule_violation, when the error carries the response's `details`. */
function violationsOf(err: ApiError): RuleViolation[] {
  const details = err.details;
  if (typeof details !== 'object' || details === null || !('violations' in details)) return [];
  const list = details.violations;
  return Array.isArray(list) ? list.filter(isViolation) : [];
}

/**
 * The API's messages are English; staff read the UI's language. Translate by the error's stable keys
 * (`details.reason`, the schema keyword, the code) and fall back to the API's message.
 */
export function translateApiError(err: ApiError): string {
  const details = (typeof err.details === 'object' && err.details !== null ? err.details : {}) as {
    reason?: string;
    keyword?: string;
    params?: { limit?: number };
    warning?: string | null;
    suggestions?: string[];
  };
  if (details.reason === 'weak_password') return weakPasswordMessage(details.warning, details.suggestions);
  const keys = [
    details.reason && `admin:serverErrors.reason.${details.reason}`,
    err.code === 'validation_failed' && details.keyword && `admin:serverErrors.keyword.${details.keyword}`,
    `admin:serverErrors.code.${err.code}`,
  ].filter((k): k is string => typeof k === 'string');
  const key = keys.find((k) => i18n.exists(k));
  return key ? i18n.t(key, { limit: details.params?.limit }) : err.message;
}

/** A refused password: why, then the strength check's warning and advice (zxcvbn's keys) in the UI's language. */
function weakPasswordMessage(warning: string | null | undefined, suggestions: string[] | undefined): string {
  const keys = [
    'admin:serverErrors.reason.weak_password',
    warning && `admin:passwordFeedback.warnings.${warning}`,
    ...(suggestions ?? []).map((s) => `admin:passwordFeedback.suggestions.${s}`),
  ].filter((k): k is string => typeof k === 'string' && i18n.exists(k));
  return keys.map((k) => i18n.t(k)).join(' ');
}

/** Maps a failed save to form errors; `fallback` is shown for network failures and unknown errors. */
export function errorsFromApi(err: unknown, ids: FieldIds, fallback: string): FormErrors {
  if (!(err instanceof ApiError)) return collect('input', [{ targetId: null, message: fallback }]);
  if (err.code === 'rule_violation') {
    const violations = violationsOf(err);
    const list = violations.length
      ? violations.map((v) => ({ targetId: resolveFieldId(v.field, ids), message: v.message }))
      : [{ targetId: resolveFieldId(err.field, ids), message: err.message }];
    return collect('rules', list);
  }
  return collect('input', [{ targetId: resolveFieldId(err.field, ids), message: translateApiError(err) || fallback }]);
}

export function errorId(id: string): string {
  return `${id}-error`;
}

/** ARIA attributes tying an input to its error message (and an optional hint). */
export function fieldAria(
  errors: FormErrors,
  id: string,
  hintId?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const invalid = errors.byId[id] !== undefined;
  const describedBy = [hintId, invalid ? errorId(id) : undefined].filter(Boolean).join(' ');
  return { ...(invalid ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}
