// The template editor's state: a pathway template's steps as text fields, to and from the API's shape.
// Each step has a local uid, and `after` names uids, so renaming a step's key keeps the steps that wait
// for it pointing at it. Also the precedence order and cycles, for the pathway overview and messages.
import type { TemplateInput, TemplateStep } from '../../../../contracts/motesplats.ts';
import type { FieldIds } from '../admin/form-errors.ts';

/** A household condition: '' does not matter, else it must hold or must not. */
export type Tri = '' | 'yes' | 'no';

export interface StepDraft {
  uid: string;
  key: string;
  name: string;
  station: string;
  scope: 'person' | 'household';
  durationMin: string;
  perMemberMin: string;
  /** Uids of the steps that must come first. */
  after: string[];
  minAge: string;
  maxAge: string;
  hasSchoolAgeChildren: Tri;
  hasChildrenUnder6: Tri;
  assignedHousing: Tri;
  withParent: boolean;
}

export interface TemplateDraft {
  name: string;
  steps: StepDraft[];
}

export const CONDITIONS = ['hasSchoolAgeChildren', 'hasChildrenUnder6', 'assignedHousing'] as const;

let counter = 0;
const newUid = () => `s${++counter}`;

const triOf = (v: boolean | undefined): Tri => (v === undefined ? '' : v ? 'yes' : 'no');
const boolOf = (v: Tri): boolean | undefined => (v === '' ? undefined : v === 'yes');
const numberText = (v: number | undefined) => (v === undefined ? '' : String(v));

export function draftOfTemplate(t: { name: string; steps: TemplateStep[] }): TemplateDraft {
  const uids = new Map(t.steps.map((s) => [s.key, newUid()]));
  return {
    name: t.name,
    steps: t.steps.map((s) => ({
      uid: uids.get(s.key)!,
      key: s.key, name: s.name, station: s.station, scope: s.scope,
      durationMin: String(s.durationMin), perMemberMin: numberText(s.perMemberMin),
      after: s.after.map((k) => uids.get(k) ?? k),
      minAge: numberText(s.applies.minAge), maxAge: numberText(s.applies.maxAge),
      hasSchoolAgeChildren: triOf(s.applies.hasSchoolAgeChildren), hasChildrenUnder6: triOf(s.applies.hasChildrenUnder6),
      assignedHousing: triOf(s.applies.assignedHousing), withParent: s.withParent ?? false,
    })),
  };
}

export const emptyStep = (): StepDraft => ({
  uid: newUid(), key: '', name: '', station: 'MV', scope: 'person', durationMin: '15', perMemberMin: '', after: [],
  minAge: '', maxAge: '', hasSchoolAgeChildren: '', hasChildrenUnder6: '', assignedHousing: '', withParent: false,
});

const int = (v: string) => (v.trim() === '' ? undefined : Number(v.trim()));

/** The draft as the API takes it; the numbers are checked by checkTemplate before it is sent. */
export function toTemplateInput(d: TemplateDraft): TemplateInput {
  const keyOf = new Map(d.steps.map((s) => [s.uid, s.key.trim()]));
  return {
    name: d.name.trim(),
    steps: d.steps.map((s) => {
      const applies: TemplateStep['applies'] = {};
      if (int(s.minAge) !== undefined) applies.minAge = int(s.minAge);
      if (int(s.maxAge) !== undefined) applies.maxAge = int(s.maxAge);
      for (const c of CONDITIONS) if (boolOf(s[c]) !== undefined) applies[c] = boolOf(s[c]);
      return {
        key: s.key.trim(), name: s.name.trim(), station: s.station, scope: s.scope, durationMin: int(s.durationMin) ?? 0,
        ...(s.scope === 'household' && int(s.perMemberMin) !== undefined ? { perMemberMin: int(s.perMemberMin) } : {}),
        after: s.after.filter((u) => keyOf.has(u)).map((u) => keyOf.get(u)!),
        applies,
        ...(s.scope === 'household' && s.withParent ? { withParent: true } : {}),
      };
    }),
  };
}

export type StepField = 'key' | 'name' | 'station' | 'scope' | 'durationMin' | 'perMemberMin' | 'after' | 'minAge' | 'maxAge' | 'withParent' | (typeof CONDITIONS)[number];

export const stepFieldId = (uid: string, field: StepField) => `mp-tpl-${uid}-${field}`;
/** The checkbox saying that step `uid` comes after step `before`. */
export const afterOptionId = (uid: string, before: string) => `${stepFieldId(uid, 'after')}-${before}`;

/** API field paths (`steps[2].after[0]`) → the inputs, for the draft as it was sent. */
export function templateFieldIds(d: TemplateDraft): FieldIds {
  const ids: FieldIds = { name: 'mp-tpl-name', steps: 'mp-tpl-steps' };
  const live = new Set(d.steps.map((s) => s.uid));
  d.steps.forEach((s, i) => {
    const at = `steps[${i}]`;
    ids[at] = stepFieldId(s.uid, 'key');
    for (const f of ['key', 'name', 'station', 'scope', 'durationMin', 'perMemberMin', 'after', 'withParent'] as const) ids[`${at}.${f}`] = stepFieldId(s.uid, f);
    ids[`${at}.applies`] = stepFieldId(s.uid, 'minAge');
    for (const f of ['minAge', 'maxAge', ...CONDITIONS] as const) ids[`${at}.applies.${f}`] = stepFieldId(s.uid, f);
    s.after.filter((u) => live.has(u)).forEach((u, j) => (ids[`${at}.after[${j}]`] = afterOptionId(s.uid, u)));
  });
  return ids;
}

/** Steps in an order the template allows (template order where free), and those left on or behind a cycle. */
export function precedenceOrder(steps: StepDraft[]): { ordered: StepDraft[]; blocked: StepDraft[] } {
  const live = new Set(steps.map((s) => s.uid));
  const placed = new Set<string>();
  const ordered: StepDraft[] = [];
  for (;;) {
    const next = steps.find((s) => !placed.has(s.uid) && s.after.every((u) => placed.has(u) || !live.has(u)));
    if (!next) break;
    placed.add(next.uid);
    ordered.push(next);
  }
  return { ordered, blocked: steps.filter((s) => !placed.has(s.uid)) };
}

/** A circle of waiting through the step `uid`, starting and ending there; null when it is on none. */
export function cycleThrough(steps: StepDraft[], uid: string): StepDraft[] | null {
  const byUid = new Map(steps.map((s) => [s.uid, s]));
  const seen = new Set<string>();
  const walk = (at: string, path: StepDraft[]): StepDraft[] | null => {
    for (const u of byUid.get(at)?.after ?? []) {
      if (u === uid) return path;
      if (seen.has(u) || !byUid.has(u)) continue;
      seen.add(u);
      const found = walk(u, [...path, byUid.get(u)!]);
      if (found) return found;
    }
    return null;
  };
  const start = byUid.get(uid);
  const found = start ? walk(uid, [start]) : null;
  // `after` points backwards in time: read the circle forwards from the step, each before the next.
  return found ? [found[0]!, ...found.slice(1).reverse(), found[0]!] : null;
}
