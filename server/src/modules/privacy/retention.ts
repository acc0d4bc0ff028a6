// Retention (docs/retention.md): personal data older than the policy's days is anonymised or deleted, one
// transaction per kind of data. Run daily by the app (startRetention), by `npm run cli -- retention`, and
// as a preview from the admin page; every run, preview or not, writes one audit row with its counts.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { RetentionConfig } from '../../config.ts';
import { auditLog, emailOutbox, smsOutbox } from '../../db/schema.ts';
import { appointments, visits } from '../../db/schema-visits.ts';
import { mpHouseholds } from '../../db/schema-motesplats.ts';
import { addDays, stockholmDate } from '../../lib/dates.ts';
import type { RetentionCounts, RetentionRun } from '../../../../contracts/privacy.ts';
import { writeAudit } from '../audit/repo.ts';
import {
  bookings, emailMessages, expiredSessions, households, runGroups, smsMessages, transferNotes, visitPhones, type Step,
} from './anonymise.ts';

export type RetentionPolicy = Omit<RetentionConfig, 'scheduled'>;

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * The steps of a run at `now`, grouped by kind. Visits and Mötesplats days count whole Swedish calendar
 * days (a visit of the 1st is kept through the 31st with 30 days); bookings from their end, messages
 * from when they were sent.
 */
export function retentionGroups(policy: RetentionPolicy, now: Date): Step[][] {
  const today = stockholmDate(now);
  const oldVisits = lt(visits.serviceDate, addDays(today, -policy.visitDays));
  const outboxCutoff = daysBefore(now, policy.outboxDays);
  return [
    [transferNotes(oldVisits), visitPhones(oldVisits)],
    [bookings(lt(appointments.endsAt, daysBefore(now, policy.bookingDays)))],
    households(lt(mpHouseholds.date, addDays(today, -policy.motesplatsDays))),
    [smsMessages(lt(smsOutbox.createdAt, outboxCutoff)), emailMessages(lt(emailOutbox.createdAt, outboxCutoff))],
    [expiredSessions()],
  ];
}

export interface RunOptions {
  now: Date;
  dryRun: boolean;
  /** Who asked: a staff member's id for a preview from the admin page, null for the timer and the CLI. */
  actorUserId?: string | null;
  trigger: 'schedule' | 'cli' | 'admin';
}

const RESOURCE = { run: 'run', dryRun: 'dry_run' } as const;

export async function runRetention(db: Db, policy: RetentionPolicy, opts: RunOptions): Promise<RetentionRun> {
  const audit = (outcome: 'ok' | 'failed', details: Record<string, unknown>) => writeAudit(db, {
    actorUserId: opts.actorUserId ?? null, action: 'privacy.retention', resourceType: 'privacy',
    resourceId: opts.dryRun ? RESOURCE.dryRun : RESOURCE.run, requestId: null, ip: null, outcome,
    details: { dryRun: opts.dryRun, trigger: opts.trigger, policy, ...details },
  });
  let counts: RetentionCounts;
  try {
    counts = await runGroups(db, retentionGroups(policy, opts.now), opts.dryRun);
  } catch (err) {
    // Kinds finished before the failure stay done (their own transactions); the next run does the rest.
    await audit('failed', { error: (err as Error).message });
    throw err;
  }
  await audit('ok', { counts });
  return { at: opts.now.toISOString(), dryRun: opts.dryRun, counts };
}

/** The last run that changed data (previews excluded), from the audit log. */
export async function lastRetentionRun(db: Db): Promise<RetentionRun | null> {
  const [row] = await db.select({ at: auditLog.at, details: auditLog.details }).from(auditLog)
    .where(and(eq(auditLog.action, 'privacy.retention'), eq(auditLog.resourceType, 'privacy'), eq(auditLog.resourceId, RESOURCE.run), eq(auditLog.outcome, 'ok')))
    .orderBy(desc(auditLog.id)).limit(1);
  if (!row) return null;
  return { at: row.at.toISOString(), dryRun: false, counts: (row.details as { counts: RetentionCounts }).counts };
}

export interface SchedulerDeps {
  db: Db;
  policy: RetentionPolicy;
  now: () => Date;
  log: FastifyBaseLogger;
}

/**
 * Daily in-process run: the first shortly after start (so a server restarted daily still runs), then every
 * 24 hours, never two at once. Several servers may each run it: a run finds nothing the other just did.
 */
export function startRetention(deps: SchedulerDeps, firstDelayMs = 60_000, intervalMs = DAY_MS): { stop(): void } {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runRetention(deps.db, deps.policy, { now: deps.now(), dryRun: false, trigger: 'schedule' })
      .then((run) => deps.log.info({ counts: run.counts }, 'retention run'))
      .catch((err: unknown) => deps.log.error({ err }, 'retention run failed'))
      .finally(() => { running = false; });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, intervalMs);
    interval.unref();
  }, firstDelayMs);
  first.unref();
  return { stop: () => { clearTimeout(first); clearInterval(interval); } };
}
