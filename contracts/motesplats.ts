// Request and response schemas of Mötesplats (issue 5, docs/motesplats.md): pathway templates, the day's
// resources, household cases with consent, step statuses and notes, the day plan and its events, the
// household's own itinerary and the lead-time report. Times of day are "HH:MM", Swedish wall clock.
import { Type, type Static } from 'typebox';
import { Id } from './registry.ts';
import { IsoDate } from './common.ts';

export const DayTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Swedish wall-clock time on the day' });
/** An agency station: MV, SKV, AF, FK, PM, KOMMUN, or another key the office uses. */
export const StationKey = Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,15}$', description: 'MV, SKV, AF, FK, PM, KOMMUN, …' });
export const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639 code, e.g. ar, fa, ti, so, uk, sv' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OfficeParams = Type.Object({ id: Id });
export const DayParams = Type.Object({ id: Id, date: IsoDate });
export const TemplateParams = Type.Object({ id: Id, templateId: Id });
export const HouseholdParams = Type.Object({ id: Id, householdId: Id });
export const TaskParams = Type.Object({ id: Id, householdId: Id, taskId: Type.String({ minLength: 1, maxLength: 200 }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });

// ---------- templates ----------
export const StepApplies = Type.Object({
  minAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  maxAge: Type.Optional(Type.Integer({ minimum: 0, maximum: 130 })),
  hasSchoolAgeChildren: Type.Optional(Type.Boolean()),
  hasChildrenUnder6: Type.Optional(Type.Boolean()),
  assignedHousing: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const TemplateStep = Type.Object({
  key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$', description: 'stable within the template, e.g. mv-decision' }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  station: StationKey,
  scope: Type.Union([Type.Literal('person'), Type.Literal('household')]),
  durationMin: Type.Integer({ minimum: 1, maximum: 480 }),
  perMemberMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  after: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 }),
  applies: StepApplies,
  withParent: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type TemplateStep = Static<typeof TemplateStep>;

export const TemplateInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  steps: Type.Array(TemplateStep, { minItems: 1, maxItems: 60 }),
}, { additionalProperties: false });
export type TemplateInput = Static<typeof TemplateInput>;

export const Template = Type.Object({
  id: Id, officeId: Id, name: Type.String(), steps: Type.Array(TemplateStep),
  version: Type.Integer(), updatedAt: Type.String(),
});
export type Template = Static<typeof Template>;

// ---------- day resources ----------
export const Interval = Type.Object({ start: DayTime, end: DayTime }, { additionalProperties: false });

export const OfficerInput = Type.Object({
  /** Keep an officer's id across edits, so the plan and its events still point at them. */
  id: Type.Optional(Id),
  userId: Type.Optional(Nullable(Id)),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  station: StationKey,
  shift: Interval,
  breaks: Type.Array(Interval, { maxItems: 6 }),
}, { additionalProperties: false });

export const InterpreterInput = Type.Object({
  id: Type.Optional(Id),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  language: LanguageCode,
  shift: Interval,
  breaks: Type.Array(Interval, { maxItems: 6 }),
}, { additionalProperties: false });

export const DayResourcesInput = Type.Object({
  templateId: Id,
  officers: Type.Array(OfficerInput, { maxItems: 100 }),
  interpreters: Type.Array(InterpreterInput, { maxItems: 60 }),
}, { additionalProperties: false });
export type DayResourcesInput = Static<typeof DayResourcesInput>;

export const DayResources = Type.Object({
  officeId: Id, date: IsoDate, templateId: Nullable(Id),
  officers: Type.Array(Type.Object({ id: Id, userId: Nullable(Id), name: Type.String(), station: Type.String(), shift: Interval, breaks: Type.Array(Interval) })),
  interpreters: Type.Array(Type.Object({ id: Id, name: Type.String(), language: Type.String(), shift: Interval, breaks: Type.Array(Interval) })),
});
export type DayResources = Static<typeof DayResources>;

// ---------- households ----------
export const CONSENT_FIELDS = ['birthYears', 'identityNumbers', 'dossierNumber', 'municipality', 'housing'] as const;
export type ConsentField = (typeof CONSENT_FIELDS)[number];
export const ConsentFieldSchema = Type.Union([
  Type.Literal('birthYears'), Type.Literal('identityNumbers'), Type.Literal('dossierNumber'), Type.Literal('municipality'), Type.Literal('housing'),
]);

export const MemberInput = Type.Object({
  givenName: Type.String({ minLength: 1, maxLength: 80 }),
  birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
  needsInterpreter: Type.Boolean(),
  /** Personnummer or samordningsnummer (YYYYMMDD-NNNC, YYMMDD-NNNC, …); validated by date and check digit. */
  identityNumber: Type.Optional(Nullable(Type.String({ minLength: 10, maxLength: 13 }))),
  /** Skyddade personuppgifter (docs/motesplats.md, "Protected identity"); false when left out. */
  protectedIdentity: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const HouseholdInput = Type.Object({
  language: LanguageCode,
  arrival: DayTime,
  /** Migrationsverket's dossier number: 1–3 digits, an optional hyphen, 4–9 digits (docs/motesplats.md). */
  dossierNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,3}-?[0-9]{4,9}$', description: 'e.g. 12-345678 or 9123456' }))),
  assignedKommunkod: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}$' }))),
  housing: Type.Object({
    assigned: Type.Boolean(),
    address: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  }, { additionalProperties: false }),
  members: Type.Array(MemberInput, { minItems: 1, maxItems: 15 }),
}, { additionalProperties: false });
export type HouseholdInput = Static<typeof HouseholdInput>;

/**
 * A correction of a registered household (PATCH): only the fields sent change. `members`, when sent, is
 * the whole new list in order: an entry with the `id` of a member corrects that member (the id stays),
 * one without `id` adds a member, and a member left out is removed. A corrected member's
 * `identityNumber` left out keeps the stored number (responses show it masked); null clears it.
 */
export const MemberPatch = Type.Object({
  id: Type.Optional(Id),
  givenName: Type.String({ minLength: 1, maxLength: 80 }),
  birthYear: Type.Integer({ minimum: 1900, maximum: 2100 }),
  needsInterpreter: Type.Boolean(),
  identityNumber: Type.Optional(Nullable(Type.String({ minLength: 10, maxLength: 13 }))),
  /** Left out keeps the stored marking (a new member: false). */
  protectedIdentity: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const HouseholdPatch = Type.Object({
  language: Type.Optional(LanguageCode),
  arrival: Type.Optional(DayTime),
  dossierNumber: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{1,3}-?[0-9]{4,9}$', description: 'e.g. 12-345678 or 9123456' }))),
  assignedKommunkod: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}$' }))),
  housing: Type.Optional(Type.Object({
    assigned: Type.Boolean(),
    address: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  }, { additionalProperties: false })),
  members: Type.Optional(Type.Array(MemberPatch, { minItems: 1, maxItems: 15 })),
}, { additionalProperties: false });
export type HouseholdPatch = Static<typeof HouseholdPatch>;

/**
 * Protected identity: a marked member's name reaches the office's coordinator only; anyone else gets
 * `givenName` "Skyddad identitet H03:2" (reference and place in the household) and `nameHidden`.
 */
const NameShown = { protectedIdentity: Type.Boolean(), nameHidden: Type.Boolean() };

export const Member = Type.Object({
  id: Id,
  givenName: Type.String(),
  /** Null when the viewer's agency has no consent for birth years. */
  birthYear: Nullable(Type.Integer()),
  needsInterpreter: Type.Boolean(),
  /** Masked (19811218-XXXX) except where docs/motesplats.md says the full number is needed; null when not shared. */
  identityNumber: Nullable(Type.String()),
  identityKind: Nullable(Type.Union([Type.Literal('personnummer'), Type.Literal('samordningsnummer')])),
  ...NameShown,
});

export const Household = Type.Object({
  id: Id, officeId: Id, date: IsoDate,
  reference: Type.String({ description: 'short reference said aloud, e.g. H07' }),
  language: Type.String(),
  arrival: DayTime,
  noShow: Type.Boolean(),
  registeredAt: Type.String(),
  members: Type.Array(Member),
  dossierNumber: Nullable(Type.String()),
  assignedKommunkod: Nullable(Type.String()),
  municipalityName: Nullable(Type.String()),
  housing: Nullable(Type.Object({ assigned: Type.Boolean(), address: Nullable(Type.String()) })),
  /** 'case': the coordinator's whole case; 'shared': an agency's view under consent; 'minimal': no consent. */
  view: Type.Union([Type.Literal('case'), Type.Literal('shared'), Type.Literal('minimal')]),
  /** The basic-data fields this view includes. */
  sharedFields: Type.Array(ConsentFieldSchema),
  /** Coordinators only: the token of the household's own itinerary page. */
  itineraryToken: Type.Optional(Type.String()),
});
export type Household = Static<typeof Household>;

// ---------- consent ----------
export const ConsentInput = Type.Object({
  agencyId: Id,
  action: Type.Union([Type.Literal('give'), Type.Literal('withdraw')]),
  /** For `give`: the fields the household agrees to share with the agency (replaces what was given). */
  fields: Type.Optional(Type.Array(ConsentFieldSchema, { minItems: 1, uniqueItems: true })),
}, { additionalProperties: false });
export type ConsentInput = Static<typeof ConsentInput>;

const ConsentEntry = Type.Object({
  agencyId: Id, agencyCode: Type.String(),
  action: Type.Union([Type.Literal('given'), Type.Literal('withdrawn')]),
  fields: Type.Array(ConsentFieldSchema),
  at: Type.String(),
  recordedBy: Nullable(Type.String()),
});
export const Consent = Type.Object({
  householdId: Id,
  /** In force: the latest `given` entry per agency (an agency whose latest entry is `withdrawn` is absent). */
  current: Type.Array(ConsentEntry),
  /** Every decision, oldest first. */
  history: Type.Array(ConsentEntry),
});
export type Consent = Static<typeof Consent>;

// ---------- steps ----------
export const StepStatus = Type.Union([
  Type.Literal('planned'), Type.Literal('in_progress'), Type.Literal('done'), Type.Literal('needs_follow_up'), Type.Literal('not_applicable'),
]);
export type StepStatus = Static<typeof StepStatus>;

export const StepStatusInput = Type.Object({
  status: StepStatus,
  /** Required for needs_follow_up and not_applicable. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
}, { additionalProperties: false });
export type StepStatusInput = Static<typeof StepStatusInput>;

export const Step = Type.Object({
  taskId: Type.String(),
  stepKey: Type.String(),
  stepName: Type.String(),
  station: Type.String(),
  memberIds: Type.Array(Id),
  status: StepStatus,
  /** Shown to the step's own agency and the coordinator only. */
  reason: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
  /** Where the current plan has it. */
  planned: Nullable(Type.Object({ start: DayTime, end: DayTime, officerId: Type.String() })),
  /** True for a follow-up task added during the day. */
  followUp: Type.Boolean(),
});
export type Step = Static<typeof Step>;

export const NoteInput = Type.Object({
  taskId: Type.String({ minLength: 1, maxLength: 200 }),
  text: Type.String({ minLength: 1, maxLength: 4000 }),
}, { additionalProperties: false });
export type NoteInput = Static<typeof NoteInput>;

export const Note = Type.Object({
  id: Id, householdId: Id, taskId: Type.String(), agencyId: Id, text: Type.String(), writtenBy: Nullable(Type.String()), at: Type.String(),
});
export type Note = Static<typeof Note>;

// ---------- the plan and its events ----------
export const PlanInput = Type.Object({
  /**
   * Wall-clock cap on the planner's search in milliseconds. The search's budget is work done (the same
   * plan on any machine, docs/dayplan.md); this only stops it sooner, and then the plan depends on the load.
   */
  budgetMs: Type.Optional(Type.Integer({ minimum: 10, maximum: 10_000 })),
}, { additionalProperties: false });
export type PlanInput = Static<typeof PlanInput>;

export const DayEventKind = Type.Union([
  Type.Literal('late_arrival'), Type.Literal('no_show'), Type.Literal('step_overrun'), Type.Literal('officer_leaves'), Type.Literal('interpreter_leaves'), Type.Literal('follow_up'),
]);

/**
 * One object for every kind; which fields a kind needs is checked by the service with field-named
 * errors (`required_for_kind`): late_arrival householdId + time (new arrival); no_show householdId;
 * step_overrun householdId + taskId + time (new expected end); officer_leaves officerId + time;
 * interpreter_leaves interpreterId + time; follow_up householdId + taskId (+ durationMin).
 */
export const DayEventInput = Type.Object({
  kind: DayEventKind,
  householdId: Type.Optional(Id),
  taskId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  officerId: Type.Optional(Id),
  interpreterId: Type.Optional(Id),
  time: Type.Optional(DayTime),
  durationMin: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
}, { additionalProperties: false });
export type DayEventInput = Static<typeof DayEventInput>;

export const DayEvent = Type.Object({
  id: Type.Integer(), kind: DayEventKind, at: Type.String(),
  householdId: Nullable(Id), taskId: Nullable(Type.String()), officerId: Nullable(Id), interpreterId: Nullable(Id),
  time: Nullable(DayTime), durationMin: Nullable(Type.Integer()), followUpTaskId: Nullable(Type.String()),
});
export type DayEvent = Static<typeof DayEvent>;

export const PlanStop = Type.Object({
  taskId: Type.String(), stepKey: Type.String(), stepName: Type.String(), station: Type.String(),
  start: DayTime, end: DayTime, officerId: Type.String(), officerName: Type.String(),
  interpreterId: Nullable(Type.String()), memberIds: Type.Array(Type.String()), status: StepStatus,
});
export type PlanStop = Static<typeof PlanStop>;

const TimelineItem = Type.Object({ taskId: Type.String(), householdId: Type.String(), reference: Type.String(), start: DayTime, end: DayTime, status: StepStatus });

export const DayPlanView = Type.Object({
  officeId: Id, date: IsoDate, version: Type.Integer(), createdAt: Type.String(), method: Type.String(),
  /** Sum over persons of (last step's end − arrival), in minutes; then the time the last person leaves. */
  objective: Type.Object({ totalMinutesInBuilding: Type.Number(), makespan: DayTime }),
  lowerBound: Type.Number(),
  gap: Type.Number(),
  runMs: Type.Number(),
  households: Type.Array(Type.Object({
    id: Id, reference: Type.String(), arrival: DayTime, noShow: Type.Boolean(),
    members: Type.Array(Type.Object({ id: Id, givenName: Type.String(), ...NameShown })),
    stops: Type.Array(PlanStop),
  })),
  officers: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), station: Type.String(), items: Type.Array(TimelineItem) })),
  interpreters: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), language: Type.String(), items: Type.Array(TimelineItem) })),
  unplanned: Type.Array(Type.Object({ taskId: Type.String(), householdId: Type.String(), reference: Type.String(), stepKey: Type.String(), stepName: Type.String(), reason: Type.String() })),
  events: Type.Array(DayEvent),
  /**
   * True when the households no longer match what this plan was made for: registered, corrected or
   * removed since, or a step made not applicable; or the day's staffing or template changed since
   * (`staleReasons`, docs/motesplats.md). The board offers re-planning
   * (POST …/plan); corrections do not re-plan by themselves. Always sent.
   */
  stale: Type.Optional(Type.Boolean()),
  /** The households that differ from the plan's (ids of removed households included). Always sent. */
  staleHouseholdIds: Type.Optional(Type.Array(Type.String())),
  /**
   * Why the plan is stale, in this order: `households` (staleHouseholdIds is not empty), `staffing` (the
   * day's officers or interpreters, their hours or breaks changed), `template` (a step the plan uses was
   * removed or got another station, scope or length). Empty when the plan is current. Always sent.
   */
  staleReasons: Type.Optional(Type.Array(Type.Union([Type.Literal('households'), Type.Literal('staffing'), Type.Literal('template')]))),
});
export type DayPlanView = Static<typeof DayPlanView>;

export const PlanResult = Type.Object({
  plan: DayPlanView,
  /** Households whose itinerary differs from the plan before (another start, station or officer). */
  changedHouseholdIds: Type.Array(Id),
  event: Nullable(DayEvent),
});
export type PlanResult = Static<typeof PlanResult>;

// ---------- the household's own itinerary ----------
export const Itinerary = Type.Object({
  reference: Type.String(), date: IsoDate, language: Type.String(), officeName: Type.String(),
  arrival: DayTime, noShow: Type.Boolean(),
  planVersion: Nullable(Type.Integer()),
  /**
   * A member has protected identity: the link names nobody (it can be forwarded or read off a phone), so
   * every `givenName` is "Person 1", "Person 2", … in the household's order; pages say it in their language.
   */
  protectedIdentity: Type.Boolean(),
  members: Type.Array(Type.Object({ id: Id, givenName: Type.String() })),
  stops: Type.Array(Type.Object({
    taskId: Type.String(), stepKey: Type.String(), stepName: Type.String(), station: Type.String(), stationName: Type.String(),
    start: DayTime, end: DayTime, memberIds: Type.Array(Type.String()), status: StepStatus,
  })),
});
export type Itinerary = Static<typeof Itinerary>;

// ---------- lead time ----------
export const ReportQuery = Type.Object({ officeId: Id, from: IsoDate, to: IsoDate }, { additionalProperties: false });
export type ReportQuery = Static<typeof ReportQuery>;

const LeadFigures = {
  households: Type.Integer(),
  persons: Type.Integer(),
  /** Households with every step settled (done, needs follow-up or not applicable). */
  completedHouseholds: Type.Integer(),
  /** Households that came and still have a step planned or in progress (households − completed). Always sent. */
  inProgressHouseholds: Type.Optional(Type.Integer()),
  /** Households marked as not coming; not in `households`. Always sent. */
  noShowHouseholds: Type.Optional(Type.Integer()),
  /** Registration → last step's end, minutes, over completed households; null without any. */
  leadTimeMedianMin: Nullable(Type.Number()),
  leadTimeMeanMin: Nullable(Type.Number()),
  /** Arrival → last step's end, minutes. */
  inBuildingMedianMin: Nullable(Type.Number()),
  inBuildingMeanMin: Nullable(Type.Number()),
};
export const LeadTimeReport = Type.Object({
  officeId: Id, from: IsoDate, to: IsoDate,
  /** The process without Mötesplats: 3–4 weeks per person (seed documents 000 and 004). */
  baseline: Type.Object({ minDays: Type.Integer(), maxDays: Type.Integer(), source: Type.String() }),
  days: Type.Array(Type.Object({ date: IsoDate, ...LeadFigures })),
  total: Type.Object(LeadFigures),
  households: Type.Array(Type.Object({
    reference: Type.String(), date: IsoDate, registeredAt: Type.String(),
    firstStepAt: Nullable(Type.String()), lastStepAt: Nullable(Type.String()), completed: Type.Boolean(),
  })),
});
export type LeadTimeReport = Static<typeof LeadTimeReport>;
