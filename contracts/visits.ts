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
    /** Swedish mobile number for "you are next" by SMS; optional. */
    phone: Type.Optional(Type.String({ pattern: '^(\\+46|0)7[0-9]{8}$' })),
    /** Needs extra support (accessibility priority). */
    priority: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TakeTicketInput = Static<typeof TakeTicketInput>;

export const Ticket = Type.Object({
  id: Id,
  number: Type.String({ description: 'Letter per queue + number, e.g. A012; unique per office and day' }),
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
