// The day's resources at an office: its template, the officers at each agency station and the
// interpreters, with shifts and breaks. The coordinator sets them; the planner reads them.
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import type { DayResources, DayResourcesInput } from '../../../../contracts/motesplats.ts';
import type { Interval } from '../../engines/dayplan/types.ts';
import { AppError } from '../../lib/errors.ts';
import { dayResources, findDay, findTemplate, firstTemplate, replaceResources, upsertDay, type InterpreterRow, type OfficerRow, type TemplateRow } from './repo.ts';
import { intervalIn, intervalOut } from './times.ts';
import { loadOffice } from './viewer.ts';

export function resourcesView(officeId: string, date: string, templateId: string | null, officers: OfficerRow[], interpreters: InterpreterRow[]): DayResources {
  const shift = (r: { shiftStart: number; shiftEnd: number }) => intervalOut({ start: r.shiftStart, end: r.shiftEnd });
  return {
    officeId, date, templateId,
    officers: officers.map((o) => ({ id: o.id, userId: o.userId, name: o.name, station: o.station, shift: shift(o), breaks: (o.breaks as Interval[]).map(intervalOut) })),
    interpreters: interpreters.map((i) => ({ id: i.id, name: i.name, language: i.language, shift: shift(i), breaks: (i.breaks as Interval[]).map(intervalOut) })),
  };
}

export async function getResources(db: Db, officeId: string, date: string): Promise<DayResources> {
  await loadOffice(db, officeId);
  const day = await findDay(db, officeId, date);
  if (!day) return resourcesView(officeId, date, null, [], []);
  const { officers, interpreters } = await dayResources(db, day.id);
  return resourcesView(officeId, date, day.templateId, officers, interpreters);
}

/** A shift in order with its breaks inside it, apart from each other. */
function checkShift(field: string, shift: Interval, breaks: Interval[]): void {
  if (shift.end <= shift.start) throw new AppError('validation_failed', `${field}.shift: ends before it starts`, { field: `${field}.shift.end`, reason: 'ends_before_start' });
  const sorted = breaks.map((b, i) => ({ ...b, i })).sort((a, b) => a.start - b.start);
  sorted.forEach((b, k) => {
    const at = `${field}.breaks[${b.i}]`;
    if (b.end <= b.start) throw new AppError('validation_failed', `${at}: ends before it starts`, { field: `${at}.end`, reason: 'ends_before_start' });
    if (b.start < shift.start || b.end > shift.end) throw new AppError('validation_failed', `${at}: outside the shift`, { field: at, reason: 'break_outside_shift' });
    const prev = sorted[k - 1];
    if (prev && b.start < prev.end) throw new AppError('validation_failed', `${at}: overlaps another break`, { field: at, reason: 'breaks_overlap' });
  });
}

export async function setResources(db: Db, officeId: string, date: string, input: DayResourcesInput): Promise<DayResources> {
  await loadOffice(db, officeId);
  if (!(await findTemplate(db, officeId, input.templateId))) throw new AppError('validation_failed', 'templateId: no such template at this office', { field: 'templateId', reason: 'unknown_template' });
  const officers = input.officers.map((o, i) => {
    const shift = intervalIn(o.shift);
    const breaks = o.breaks.map(intervalIn);
    checkShift(`officers[${i}]`, shift, breaks);
    return { ...(o.id ? { id: o.id } : {}), userId: o.userId ?? null, name: o.name, station: o.station, shiftStart: shift.start, shiftEnd: shift.end, breaks, position: i };
  });
  const interpreters = input.interpreters.map((p, i) => {
    const shift = intervalIn(p.shift);
    const breaks = p.breaks.map(intervalIn);
    checkShift(`interpreters[${i}]`, shift, breaks);
    return { ...(p.id ? { id: p.id } : {}), name: p.name, language: p.language, shiftStart: shift.start, shiftEnd: shift.end, breaks, position: i };
  });
  const ids = [...officers, ...interpreters].flatMap((r) => (r.id ? [r.id] : []));
  if (new Set(ids).size !== ids.length) throw new AppError('validation_failed', 'an id is listed twice', { field: 'officers', reason: 'duplicate_id' });
  const userIds = officers.flatMap((o) => (o.userId ? [o.userId] : []));
  const known = userIds.length === 0 ? [] : (await db.select({ id: users.id }).from(users).where(inArray(users.id, userIds))).map((u) => u.id);
  const unknown = officers.findIndex((o) => o.userId && !known.includes(o.userId));
  if (unknown >= 0) throw new AppError('validation_failed', `officers[${unknown}].userId: no such user`, { field: `officers[${unknown}].userId`, reason: 'unknown_reference' });

  return db.transaction(async (tx) => {
    const day = await upsertDay(tx, officeId, date, input.templateId);
    await replaceResources(tx, day.id, officers.map((o) => ({ ...o, dayId: day.id })), interpreters.map((p) => ({ ...p, dayId: day.id })));
    const saved = await dayResources(tx, day.id);
    return resourcesView(officeId, date, day.templateId, saved.officers, saved.interpreters);
  });
}

/** The template a day's households follow: the day's own, else the office's first (oldest). */
export async function templateForDay(db: Db | Tx, officeId: string, date: string): Promise<TemplateRow> {
  const day = await findDay(db, officeId, date);
  if (day) {
    const t = await findTemplate(db, officeId, day.templateId);
    if (t) return t;
  }
  const first = await firstTemplate(db, officeId);
  if (!first) throw new AppError('rule_violation', 'The office has no pathway template yet', { field: 'templateId', reason: 'no_template' });
  return first;
}
