// Pathway templates of an office: stored as the validated steps, checked by the day planner's own
// validateTemplate, so a template that saves is one the planner can expand.
import type { Db } from '../../db/client.ts';
import type { Template, TemplateInput } from '../../../../contracts/motesplats.ts';
import { validateTemplate } from '../../engines/dayplan/template.ts';
import type { TemplateStep } from '../../engines/dayplan/types.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { withDbErrors } from '../../lib/db-errors.ts';
import { findTemplate, insertTemplate, listTemplates, stepsOf, updateTemplate, type TemplateRow } from './repo.ts';
import { loadOffice } from './viewer.ts';

export const templateView = (t: TemplateRow): Template => ({
  id: t.id, officeId: t.officeId, name: t.name, steps: stepsOf(t), version: t.version, updatedAt: t.updatedAt.toISOString(),
});

/**
 * Refuses a template with problems: the first one names the field (`steps[2].after[0]`) and its stable
 * code is the reason; `details.problems` lists them all, so an editor can mark every one at once.
 */
export function assertValidTemplate(input: TemplateInput): TemplateStep[] {
  const steps = input.steps as TemplateStep[];
  const problems = validateTemplate({ id: 'input', name: input.name, steps });
  const first = problems[0];
  if (first) {
    throw new AppError('validation_failed', `${first.field}: ${first.message}`, {
      field: first.field, reason: first.code,
      details: { problems: problems.map((p) => ({ code: p.code, field: p.field, stepKey: p.stepKey, message: p.message })) },
    });
  }
  return steps;
}

export async function officeTemplates(db: Db, officeId: string): Promise<Template[]> {
  await loadOffice(db, officeId);
  return (await listTemplates(db, officeId)).map(templateView);
}

export async function officeTemplate(db: Db, officeId: string, id: string): Promise<Template> {
  const row = await findTemplate(db, officeId, id);
  if (!row) throw notFound('Template', 'templateId');
  return templateView(row);
}

export async function createTemplate(db: Db, officeId: string, input: TemplateInput, userId: string): Promise<Template> {
  await loadOffice(db, officeId);
  const steps = assertValidTemplate(input);
  return templateView(await withDbErrors(() => insertTemplate(db, { officeId, name: input.name, steps, updatedByUserId: userId })));
}

export async function changeTemplate(db: Db, officeId: string, id: string, input: TemplateInput, userId: string): Promise<Template> {
  if (!(await findTemplate(db, officeId, id))) throw notFound('Template', 'templateId');
  const steps = assertValidTemplate(input);
  return templateView(await withDbErrors(() => updateTemplate(db, id, { name: input.name, steps, updatedByUserId: userId })));
}
