// Request and response schemas of the visit flow (tickets, desk), shared by server and web.
import { Type, type Static } from 'typebox';
import { Id } from './registry.ts';

export const VisitState = Type.Union([
  Type.Literal('waiting'), Type.Literal('called'), Type.Literal('serving'), Type.Literal('parked'),
  Type.Literal('done'), Type.Literal('no_show'), Type.Literal('cancelled'),
]);

export const VISITOR_LANGUAGES = ['sv', 'en', 'ar', 'fa', 'ti', 'so', 'uk'] as const;
export const VisitorLanguage = Type.Union([
  Type.Literal('sv'), Type.Literal('en'), Type.Literal('ar'), Type.Literal('fa'), Type.Literal('ti'), Type.Literal('so'), Type.Literal('uk'),
]);

export const TakeTicketInput = Type.Object(
  {
    serviceIds: Type.Array(Id, { minItems: 1, maxItems: 5, uniqueItems: true }),
    language: Type.Optional(VisitorLanguage),
    /**
     * Swedish mobile number for "you are next" by SMS; optional. Spaces, dashes and brackets are allowed;
     * anything but a Swedish mobile number is refused with reason `not_a_mobile_number`.
     */
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 24, pattern: '^[+0-9 ().-]+$', description: 'e.g. 070-123 45 67 or +46701234567' })),
    /** Needs extra support (accessibility priority). */
    priority: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TakeTicketInput = Static<typeof TakeTicketInput>;

export const Ticket = Type.Object({
  id: Id,
  number: Type.String({ description: 'Letter per queue + number of at least three digits, e.g. A012, A999, A1000; unique per office and day, never reused' }),
  officeId: Id,
  queueId: Id,
  state: VisitState,
  serviceIds: Type.Array(Id),
  arrivedAt: Type.String(),
  priority: Type.Boolean(),
  language: Type.String(),
  calledAt: Type.Union([Type.String(), Type.Null()]),
  counterName: Type.Union([Type.String(), Type.Null()]),
  recallCount: Type.Integer(),
  /** Waiting tickets ahead in the same queue (null once called). */
  position: Type.Union([Type.Integer(), Type.Null()]),
  /** Estimated minutes until called (null when no counter serves the queue or once called). */
  estimateMinutes: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
  /** Desk responses only: the number SMS notifications go to, masked (+46 70 *** ** 67), or null. */
  phoneMasked: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type Ticket = Static<typeof Ticket>;

export const CallNextInput = Type.Object(
  {
    counterName: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. "Lucka 3"' }),
    queueIds: Type.Array(Id, { minItems: 1, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CallNextInput = Static<typeof CallNextInput>;

export const OfficeQueue = Type.Object({ id: Id, officeId: Id, agencyId: Id, letter: Type.String(), waiting: Type.Integer() });
export type OfficeQueue = Static<typeof OfficeQueue>;

export const Call = Type.Object({
  ticketId: Id,
  number: Type.String(),
  counterName: Type.String(),
  at: Type.String(),
  recall: Type.Boolean(),
});
export type Call = Static<typeof Call>;

export const ParkInput = Type.Object({ minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })) }, { additionalProperties: false });
export const TransferInput = Type.Object(
  { queueId: Id, note: Type.Optional(Type.String({ maxLength: 1000, description: 'Visible to the receiving agency only' })) },
  { additionalProperties: false },
);
export type TransferInput = Static<typeof TransferInput>;

/** A transfer note, shown only to officers of the agency it was addressed to. */
export const TransferNote = Type.Object({
  at: Type.String(),
  agencyId: Id,
  fromQueueId: Type.Union([Id, Type.Null()]),
  toQueueId: Type.Union([Id, Type.Null()]),
  note: Type.String(),
  /** Display name of the officer who wrote it. */
  writtenBy: Type.Union([Type.String(), Type.Null()]),
});
export type TransferNote = Static<typeof TransferNote>;
export const FinishInput = Type.Object(
  {
    outcome: Type.Union([Type.Literal('resolved'), Type.Literal('referred'), Type.Literal('needs_followup')]),
    performed: Type.Array(
      Type.Object(
        { serviceId: Id, done: Type.Boolean(), performedByAgencyId: Type.Optional(Type.Union([Id, Type.Null()])) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type FinishInput = Static<typeof FinishInput>;

export const CheckInInput = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9]{6,10}$', description: 'The booking code from the confirmation' }) },
  { additionalProperties: false },
);
export type CheckInInput = Static<typeof CheckInInput>;

// The office manager's day view (GET /offices/:id/day). Minutes are rounded to one decimal; a figure
// with nothing to measure yet (no visitor called today) is null rather than 0. docs/day-view.md says
// how each figure is computed.

export const DayViewQuery = Type.Object(
  { date: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, a day in Sweden; default today' })) },
  { additionalProperties: false },
);
export type DayViewQuery = Static<typeof DayViewQuery>;

const Minutes = Type.Union([Type.Number(), Type.Null()]);

/** Figures shared by each queue and the whole office. */
export const DayFigures = Type.Object({
  waiting: Type.Integer({ description: 'Tickets waiting now' }),
  longestWaitMinutes: Type.Union([Type.Number(), Type.Null()], { description: 'How long the longest-waiting ticket has waited now (null when none waits, or the day is not today)' }),
  taken: Type.Integer({ description: 'Tickets taken (and bookings checked in) into this queue' }),
  served: Type.Integer({ description: 'Visits finished' }),
  noShows: Type.Integer(),
  transferredOut: Type.Integer({ description: 'Visitors moved on to another queue' }),
  meanWaitMinutes: Minutes,
  p90WaitMinutes: Minutes,
  meanServiceMinutes: Minutes,
});
export type DayFigures = Static<typeof DayFigures>;

export const DayQueue = Type.Object({ queueId: Id, letter: Type.String(), agencyId: Id, ...DayFigures.properties });
export type DayQueue = Static<typeof DayQueue>;

export const DayCounter = Type.Object({
  officerUserId: Id,
  officerName: Type.String(),
  counterName: Type.Union([Type.String(), Type.Null()]),
  queueIds: Type.Array(Id),
  current: Type.Union([
    Type.Object({ ticketId: Id, number: Type.String(), state: VisitState, since: Type.String() }),
    Type.Null(),
  ]),
  finished: Type.Integer({ description: 'Visits this officer finished that day' }),
  lastActiveAt: Type.String(),
});
export type DayCounter = Static<typeof DayCounter>;

export const DayHour = Type.Object({
  hour: Type.Integer({ minimum: 0, maximum: 23, description: 'Hour of the day in Sweden (10 = 10:00–10:59)' }),
  arrivals: Type.Integer(),
  calls: Type.Integer(),
});
export type DayHour = Static<typeof DayHour>;

export const OfficeDay = Type.Object({
  officeId: Id,
  date: Type.String(),
  /** True when `date` is today: only then are "now" figures (longest wait, current tickets) live. */
  live: Type.Boolean(),
  generatedAt: Type.String(),
  queues: Type.Array(DayQueue),
  counters: Type.Array(DayCounter),
  hours: Type.Array(DayHour),
  totals: DayFigures,
});
export type OfficeDay = Static<typeof OfficeDay>;
