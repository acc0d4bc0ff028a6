// Lead time per household and the report per day and office (issue 5, point 6): registration, first
// step's start, last step's end; lead time (registration → last step) and time in the building
// (arrival → last step) beside the 3–4 weeks the same contacts take without Mötesplats (seeds 000, 004).
import { and, between, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { mpHouseholds } from '../../db/schema-motesplats.ts';
import type { LeadTimeReport, ReportQuery } from '../../../../contracts/motesplats.ts';
import { AppError } from '../../lib/errors.ts';
import { addDays } from '../../lib/dates.ts';
import { expandTasks, loadDay } from './day-input.ts';
import { householdsOfDay, statusesOf } from './repo.ts';
import { assertDate } from './service.ts';
import { instantOf } from './times.ts';
import { loadOffice } from './viewer.ts';

export const BASELINE = { minDays: 21, maxDays: 28, source: 'Seed documents 000 and 004: the first contacts take 3–4 weeks per person without Mötesplats' };
const MAX_DAYS = 93;
const SETTLED = new Set(['done', 'needs_follow_up', 'not_applicable']);

interface HouseholdLead { date: string; reference: string; persons: number; registeredAt: Date; firstStepAt: Date | null; lastStepAt: Date | null; completed: boolean; arrivalAt: Date }

const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 60_000;
const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round(xs.reduce((s, x) => s + x, 0) / xs.length));
function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return Math.round(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

/**
 * Lead time is over completed households only (a household still in the building has no last step
 * yet); the others are counted beside it, so a day's figures are read with how many are still going.
 */
function figures(rows: HouseholdLead[], noShows: number) {
  const done = rows.filter((r) => r.completed && r.lastStepAt);
  const lead = done.map((r) => minutes(r.registeredAt, r.lastStepAt!));
  const inside = done.map((r) => minutes(r.arrivalAt, r.lastStepAt!));
  return {
    households: rows.length, persons: rows.reduce((s, r) => s + r.persons, 0), completedHouseholds: done.length,
    inProgressHouseholds: rows.length - done.length, noShowHouseholds: noShows,
    leadTimeMedianMin: median(lead), leadTimeMeanMin: mean(lead), inBuildingMedianMin: median(inside), inBuildingMeanMin: mean(inside),
  };
}

async function leadTimesOfDay(db: Db, officeId: string, date: string): Promise<{ rows: HouseholdLead[]; noShows: number }> {
  const all = await householdsOfDay(db, officeId, date);
  const records = all.filter((h) => !h.row.noShow);
  const noShows = all.length - records.length;
  if (records.length === 0) return { rows: [], noShows };
  const statuses = await statusesOf(db, records.map((r) => r.row.id));
  const day = await loadDay(db, officeId, date).catch(() => null);
  const rows = records.map((rec) => {
    const own = statuses.filter((s) => s.householdId === rec.row.id);
    const starts = own.flatMap((s) => (s.startedAt ? [s.startedAt.getTime()] : []));
    const ends = own.flatMap((s) => (s.finishedAt ? [s.finishedAt.getTime()] : []));
    const tasks = day ? expandTasks(day, [rec]) : [];
    const completed = tasks.length > 0 && tasks.every((t) => SETTLED.has(own.find((s) => s.taskId === t.id)?.status ?? 'planned'));
    return {
      date, reference: rec.row.reference, persons: rec.members.length, registeredAt: rec.row.registeredAt, arrivalAt: instantOf(date, rec.row.arrival),
      firstStepAt: starts.length ? new Date(Math.min(...starts)) : null, lastStepAt: ends.length ? new Date(Math.max(...ends)) : null, completed,
    };
  });
  return { rows, noShows };
}

export async function leadTimeReport(db: Db, query: ReportQuery): Promise<LeadTimeReport> {
  assertDate(query.from);
  assertDate(query.to);
  if (query.to < query.from) throw new AppError('validation_failed', 'to: before from', { field: 'to', reason: 'range_order' });
  if (addDays(query.from, MAX_DAYS) <= query.to) throw new AppError('validation_failed', `to: at most ${MAX_DAYS} days`, { field: 'to', reason: 'range_too_long' });
  await loadOffice(db, query.officeId);
  const dates = [...new Set((await db.selectDistinct({ date: mpHouseholds.date }).from(mpHouseholds)
    .where(and(eq(mpHouseholds.officeId, query.officeId), between(mpHouseholds.date, query.from, query.to)))).map((r) => r.date))].sort();
  const all: HouseholdLead[] = [];
  let noShows = 0;
  const days = [];
  for (const date of dates) {
    const day = await leadTimesOfDay(db, query.officeId, date);
    all.push(...day.rows);
    noShows += day.noShows;
    days.push({ date, ...figures(day.rows, day.noShows) });
  }
  return {
    officeId: query.officeId, from: query.from, to: query.to, baseline: { minDays: BASELINE.minDays, maxDays: BASELINE.maxDays, source: BASELINE.source },
    days, total: figures(all, noShows),
    households: all.map((r) => ({
      reference: r.reference, date: r.date, registeredAt: r.registeredAt.toISOString(),
      firstStepAt: r.firstStepAt?.toISOString() ?? null, lastStepAt: r.lastStepAt?.toISOString() ?? null, completed: r.completed,
    })),
  };
}
