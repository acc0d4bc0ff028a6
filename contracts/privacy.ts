// Retention and erasure (docs/retention.md): the policy in force, the counts of a run, and an erasure request.
import { Type, type Static } from 'typebox';

/** What a run anonymised (or, in a dry run, would): rows per kind. */
export const RetentionCounts = Type.Object({
  visits: Type.Integer(),
  transferNotes: Type.Integer(),
  bookings: Type.Integer(),
  bookingsCancelled: Type.Integer(),
  households: Type.Integer(),
  members: Type.Integer(),
  stepNotes: Type.Integer(),
  stepReasons: Type.Integer(),
  smsOutbox: Type.Integer(),
  emailOutbox: Type.Integer(),
  sessions: Type.Integer(),
});
export type RetentionCounts = Static<typeof RetentionCounts>;

export const RetentionRun = Type.Object({
  at: Type.String(),
  dryRun: Type.Boolean(),
  counts: RetentionCounts,
});
export type RetentionRun = Static<typeof RetentionRun>;

export const RetentionPolicy = Type.Object({
  visitDays: Type.Integer(),
  bookingDays: Type.Integer(),
  motesplatsDays: Type.Integer(),
  outboxDays: Type.Integer(),
  /** Whether this server runs retention daily (RETENTION_SCHEDULE). */
  scheduled: Type.Boolean(),
});

export const RetentionOverview = Type.Object({
  policy: RetentionPolicy,
  /** The last run that changed data (not a preview); null before the first. */
  lastRun: Type.Union([RetentionRun, Type.Null()]),
});
export type RetentionOverview = Static<typeof RetentionOverview>;

export const ERASURE_KINDS = ['booking', 'household', 'phone', 'email'] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];

/**
 * What to erase: a booking by its code, a Mötesplats household by its id, or everything held under a
 * mobile number or an email address. One flat shape (not a union) so a bad value is named `value`.
 */
export const ErasureInput = Type.Object({
  kind: Type.Union([Type.Literal('booking'), Type.Literal('household'), Type.Literal('phone'), Type.Literal('email')]),
  value: Type.String({ minLength: 1, maxLength: 254 }),
}, { additionalProperties: false });
export type ErasureInput = Static<typeof ErasureInput>;

export const ErasureResult = Type.Object({
  kind: Type.String(),
  dryRun: Type.Boolean(),
  counts: RetentionCounts,
});
export type ErasureResult = Static<typeof ErasureResult>;
