// The template editor's errors: the obvious checks made in the browser before saving, and the API's
// template problems (`details.problems`, stable codes from the day planner's validateTemplate) in the
// page language, each naming the step and linked to its field.
import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api.ts';
import { errorsFromChecks, resolveFieldId, type FormErrors } from '../admin/form-errors.ts';
import { mpFormErrors } from './mp-errors.ts';
import { cycleThrough, stepFieldId, templateFieldIds, type StepDraft, type TemplateDraft } from './template-draft.ts';

const KEY = /^[a-z0-9][a-z0-9-]{0,39}$/;
const wholeIn = (v: string, min: number, max: number) => /^\d+$/.test(v.trim()) && Number(v) >= min && Number(v) <= max;

/** "Steg 3 (Skolinskrivning)": how messages name a step. */
export const stepLabel = (t: TFunction<'motesplats'>, steps: StepDraft[], s: StepDraft) =>
  t('templates.stepLabel', { n: steps.indexOf(s) + 1, name: s.name.trim() || s.key.trim() || '–' });

export function checkTemplate(d: TemplateDraft, t: TFunction<'motesplats'>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!d.name.trim()) out.push(['mp-tpl-name', t('templates.check.name')]);
  if (d.steps.length === 0) out.push(['mp-tpl-add', t('templates.check.noSteps')]);
  const keys = new Set<string>();
  for (const s of d.steps) {
    const step = stepLabel(t, d.steps, s);
    const id = (f: Parameters<typeof stepFieldId>[1]) => stepFieldId(s.uid, f);
    const key = s.key.trim();
    if (!KEY.test(key)) out.push([id('key'), t('templates.check.key', { step })]);
    else if (keys.has(key)) out.push([id('key'), t('templates.check.keyTaken', { step, key })]);
    keys.add(key);
    if (!s.name.trim()) out.push([id('name'), t('templates.check.stepName', { step })]);
    if (!wholeIn(s.durationMin, 1, 480)) out.push([id('durationMin'), t('templates.check.duration', { step })]);
    if (s.scope === 'household' && s.perMemberMin.trim() && !wholeIn(s.perMemberMin, 0, 240)) out.push([id('perMemberMin'), t('templates.check.perMember', { step })]);
    for (const f of ['minAge', 'maxAge'] as const) if (s[f].trim() && !wholeIn(s[f], 0, 120)) out.push([id(f), t('templates.check.age', { step })]);
    if (wholeIn(s.minAge, 0, 120) && wholeIn(s.maxAge, 0, 120) && Number(s.minAge) > Number(s.maxAge)) out.push([id('maxAge'), t('templates.check.ageOrder', { step })]);
  }
  return out;
}

interface Problem { code: string; field: string; stepKey: string; message: string }

const problemsOf = (err: ApiError): Problem[] => {
  const list = (err.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(list) ? (list as Problem[]) : [];
};

/** What went wrong, in words: the step, the field and what to do. */
function problemMessage(p: Problem, d: TemplateDraft, t: TFunction<'motesplats'>): string {
  const index = Number(/^steps\[(\d+)\]/.exec(p.field)?.[1] ?? -1);
  const s = d.steps[index] ?? d.steps.find((x) => x.key.trim() === p.stepKey);
  const step = s ? stepLabel(t, d.steps, s) : p.stepKey;
  const afterIndex = /\.after\[(\d+)\]$/.exec(p.field)?.[1];
  const other = s && afterIndex !== undefined ? d.steps.find((x) => x.uid === s.after[Number(afterIndex)]) : undefined;
  const name = (x: StepDraft) => x.name.trim() || x.key.trim();
  switch (p.code) {
    case 'cycle': {
      const circle = s ? cycleThrough(d.steps, s.uid) : null;
      return t('templates.problem.cycle', { step, cycle: circle ? circle.map(name).join(' → ') : p.stepKey });
    }
    case 'unreachable':
      return other ? t('templates.problem.unreachableAfter', { step, other: name(other) }) : t('templates.problem.unreachable', { step });
    case 'bad_duration':
      return t(p.field.endsWith('perMemberMin') ? 'templates.check.perMember' : 'templates.check.duration', { step });
    case 'bad_age_range':
      return t('templates.problem.badAgeRange', { step });
    case 'duplicate_key':
      return t('templates.check.keyTaken', { step, key: p.stepKey });
    case 'unknown_step':
      return t('templates.problem.unknownStep', { step });
    default:
      return `${step}: ${p.message}`;
  }
}

/** A failed save as form errors: every template problem when the API lists them, else its one error. */
export function templateErrors(err: unknown, sent: TemplateDraft, t: TFunction<'motesplats'>): FormErrors {
  const ids = templateFieldIds(sent);
  const problems = err instanceof ApiError ? problemsOf(err) : [];
  if (problems.length === 0) return mpFormErrors(err, ids);
  return errorsFromChecks(problems.map((p) => [resolveFieldId(p.field, ids) ?? 'mp-tpl-steps', problemMessage(p, sent, t)]));
}
