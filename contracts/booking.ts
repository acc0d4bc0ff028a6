// Request and response schemas of booking (issue 4): bookable services, free slots, first free time near
// a place, the visitor's booking managed by code + manage token, and the staff side (settings, staffing,
// the day's bookings, arrived / no-show, mobile stop visitor lists, an agency officer's video meetings).
// Times on the wire are ISO 8601 instants (UTC, `Z`); `time` fields are Swedish wall-clock HH:MM.
import { Type, type Static } from 'typebox';
import { Id } from './registry.ts';
import { IsoDate, Instant } from './common.ts';
import { Ticket, VisitorLanguage } from './visits.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** How a booked meeting takes place. A mobile stop booking is `in_person` at the stop. */
export const BookingChannel = Type.Union([Type.Literal('in_person'), Type.Literal('video')]);
export type BookingChannel = Static<typeof BookingChannel>;

export const BookingStatus = Type.Union([Type.Literal('booked'), Type.Literal('checked_in'), Type.Literal('cancelled'), Type.Literal('no_show')]);
export type BookingStatus = Static<typeof BookingStatus>;

/** Booking codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const BookingCode = Type.String({ pattern: '^[A-Za-z0-9]{6,10}$', description: 'Booking code, e.g. K7M2PX4Q (case-insensitive)' });
export const CodeParams = Type.Object({ code: BookingCode });
/** The manage token from the booking's link; required with the code for every visitor action. */
export const ManageQuery = Type.Object({ token: Type.String({ minLength: 16, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export type ManageQuery = Static<typeof ManageQuery>;

// ---------- public: what can be booked, and when ----------
export const BookableService = Type.Object({
  id: Id,
  agencyId: Id,
  nameSv: Type.String(),
  nameEn: Type.String(),
  descriptionSv: Type.String(),
  descriptionEn: Type.String(),
  durationMin: Type.Integer(),
  /** Channels bookable at this office: `video` needs a video room here and officers of the agency who take video meetings. */
  channels: Type.Array(BookingChannel),
});
export type BookableService = Static<typeof BookableService>;

export const SlotsQuery = Type.Object({
  from: IsoDate,
  to: IsoDate,
  /** Defaults to `in_person` when the service is given in person here, else `video`. */
  channel: Type.Optional(BookingChannel),
}, { additionalProperties: false });
export type SlotsQuery = Static<typeof SlotsQuery>;

export const SlotView = Type.Object({
  start: Instant,
  end: Instant,
  /** Swedish wall-clock start, HH:MM. */
  time: Type.String(),
  /** Units still free (at least 1). */
  free: Type.Integer(),
});
export type SlotView = Static<typeof SlotView>;

export const SlotDayView = Type.Object({
  date: IsoDate,
  /** Empty when nothing is free that day (closed, full, too soon or beyond the horizon): grey it out. */
  slots: Type.Array(SlotView),
});
export type SlotDayView = Static<typeof SlotDayView>;

export const SlotsResponse = Type.Object({
  officeId: Id,
  serviceId: Id,
  channel: BookingChannel,
  durationMin: Type.Integer(),
  /** Today's date in Sweden by the server's clock: the earliest date worth asking for, whatever the device's clock says. */
  today: IsoDate,
  /** Every date from `from` to `to`, in order. */
  days: Type.Array(SlotDayView),
});
export type SlotsResponse = Static<typeof SlotsResponse>;

export const FirstFreeQuery = Type.Object({
  lat: Type.Number({ minimum: 55, maximum: 69.1 }),
  lon: Type.Number({ minimum: 10.9, maximum: 24.2 }),
  radiusKm: Type.Number({ minimum: 1, maximum: 1500, default: 50 }),
  channel: Type.Optional(BookingChannel),
  /** How many places to return, earliest first (ties: nearest first). */
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
}, { additionalProperties: false });
export type FirstFreeQuery = Static<typeof FirstFreeQuery>;

export const FirstFreeOption = Type.Object({
  officeId: Id,
  officeName: Type.String(),
  tier: Type.String(),
  /** Set when the place is a mobile stop: the team's visit that day. */
  mobileVisitId: Nullable(Id),
  channel: BookingChannel,
  distanceKm: Type.Number(),
  start: Instant,
  end: Instant,
  time: Type.String(),
  date: IsoDate,
});
export type FirstFreeOption = Static<typeof FirstFreeOption>;
export const FirstFreeResponse = Type.Object({ serviceId: Id, options: Type.Array(FirstFreeOption) });
export type FirstFreeResponse = Static<typeof FirstFreeResponse>;

// ---------- the visitor's booking ----------
const Email = Type.String({ format: 'email', maxLength: 254 });
const Phone = Type.String({ minLength: 1, maxLength: 24, pattern: '^[+0-9 ().-]+$', description: 'Swedish mobile number, e.g. 070-123 45 67' });

export const CreateBookingInput = Type.Object({
  serviceId: Id,
  /** An office, or a mobile stop (the team's visit that day is found from `start`). */
  officeId: Id,
  start: Instant,
  channel: Type.Optional(BookingChannel),
  visitorName: Type.String({ minLength: 1, maxLength: 120 }),
  /** At least one of email and phone (reason `contact_required`, field `email`). */
  email: Type.Optional(Email),
  phone: Type.Optional(Phone),
  /** Optional; personnummer or samordningsnummer, validated (reason `invalid_personnummer`). */
  personnummer: Type.Optional(Type.String({ minLength: 10, maxLength: 13 })),
  /** Language the visitor needs an interpreter for (ISO 639-1, e.g. ar, so, ti); absent: no interpreter. */
  interpreterLanguage: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
  /** Language of the confirmation and reminders (sv by default). */
  language: Type.Optional(VisitorLanguage),
  /** Skyddade personuppgifter: staff lists show a label, not the name (docs/booking.md, "Protected identity"). */
  protectedIdentity: Type.Optional(Type.Boolean()),
  /**
   * The solved proof-of-work challenge (ALTCHA payload, base64) from `GET /bookings/challenge`; required
   * unless BOOKING_CHALLENGE is off (reasons `challenge_required`, `challenge_failed`). Each is accepted once.
   */
  altcha: Type.Optional(Type.String({ maxLength: 4000 })),
}, { additionalProperties: false });
export type CreateBookingInput = Static<typeof CreateBookingInput>;

/** Staff book on a visitor's behalf at their own office: same input without the challenge, the office comes from the path. */
const { officeId: _officeId, altcha: _altcha, ...staffBookingProperties } = CreateBookingInput.properties;
export const StaffBookingInput = Type.Object(staffBookingProperties, { additionalProperties: false });
export type StaffBookingInput = Static<typeof StaffBookingInput>;

export const Booking = Type.Object({
  code: Type.String(),
  status: BookingStatus,
  serviceId: Id,
  serviceNameSv: Type.String(),
  serviceNameEn: Type.String(),
  agencyId: Id,
  officeId: Id,
  officeName: Type.String(),
  /** Street, postal code and city of the office or stop. */
  address: Type.String(),
  mobileVisitId: Nullable(Id),
  channel: BookingChannel,
  start: Instant,
  end: Instant,
  /** Swedish date and wall-clock start, for display. */
  date: IsoDate,
  time: Type.String(),
  /** "Skyddad identitet" when `nameHidden` (protected identity: docs/booking.md says who reads the name). */
  visitorName: Type.String(),
  protectedIdentity: Type.Boolean(),
  /** The name, email, phone and personnummer were withheld from this caller. */
  nameHidden: Type.Boolean(),
  /** Masked: a***@example.se, +46 70 *** ** 67, 19811218-XXXX. */
  emailMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  personnummerMasked: Nullable(Type.String()),
  interpreterLanguage: Nullable(Type.String()),
  language: Type.String(),
  createdAt: Instant,
  cancelledAt: Nullable(Instant),
});
export type Booking = Static<typeof Booking>;

export const CreatedBooking = Type.Object({
  ...Booking.properties,
  /** Shown once: with the code it opens the booking; only its hash is stored. */
  manageToken: Type.String(),
  /** Path of the web page to change or cancel: /bokning/<code>?t=<token>. */
  managePath: Type.String(),
});
export type CreatedBooking = Static<typeof CreatedBooking>;

export const RescheduleInput = Type.Object({ start: Instant }, { additionalProperties: false });
export type RescheduleInput = Static<typeof RescheduleInput>;

/** Body of a 409 `slot_taken`: `details.nextFree` lists the next free starts (ISO instants) of that place. */
export interface SlotTakenDetails { reason: 'slot_taken'; nextFree: string[] }

// ---------- staff: settings and staffing ----------
export const BookingSettings = Type.Object({
  serviceId: Id,
  serviceNameSv: Type.String(),
  durationMin: Type.Integer(),
  bookable: Type.Boolean(),
  /** Share (0–1) of the staffed capacity kept for walk-ins. */
  walkInShare: Type.Number({ minimum: 0, maximum: 1 }),
  bufferBeforeMin: Type.Integer({ minimum: 0, maximum: 120 }),
  bufferAfterMin: Type.Integer({ minimum: 0, maximum: 120 }),
  minNoticeMin: Type.Integer({ minimum: 0, maximum: 20_160 }),
  horizonDays: Type.Integer({ minimum: 1, maximum: 365 }),
  stepMin: Type.Integer({ minimum: 5, maximum: 120 }),
  /** False when no row is stored and the defaults apply. */
  customised: Type.Boolean(),
});
export type BookingSettings = Static<typeof BookingSettings>;

export const BookingSettingsInput = Type.Object({
  bookable: Type.Optional(Type.Boolean()),
  walkInShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  bufferBeforeMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  bufferAfterMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  minNoticeMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 20_160 })),
  horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  stepMin: Type.Optional(Type.Integer({ minimum: 5, maximum: 120 })),
}, { additionalProperties: false });
export type BookingSettingsInput = Static<typeof BookingSettingsInput>;

export const ServiceParams = Type.Object({ id: Id, serviceId: Id });

/** Officers of an agency at the office on an ISO weekday (1 = Monday); only days the agency is present. */
export const StaffingRow = Type.Object({ agencyId: Id, weekday: Type.Integer({ minimum: 1, maximum: 7 }), officers: Type.Integer({ minimum: 0, maximum: 50 }) }, { additionalProperties: false });
export type StaffingRow = Static<typeof StaffingRow>;
export const StaffingInput = Type.Object({ rows: Type.Array(StaffingRow, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false });
export type StaffingInput = Static<typeof StaffingInput>;

// ---------- staff: the day's bookings ----------
/** One unit a booking holds: an agency's officers, a counter, a video room, an officer, a mobile team. */
export const HeldResource = Type.Object({
  kind: Type.Union([Type.Literal('agency_officers'), Type.Literal('counter'), Type.Literal('video_room'), Type.Literal('officer'), Type.Literal('mobile_team')]),
  /** Swedish label, e.g. "Lucka 2", "Videorum 1", "Demo Handläggare Försäkringskassan". */
  label: Type.String(),
  unit: Type.Integer(),
  officerUserId: Nullable(Id),
});
export type HeldResource = Static<typeof HeldResource>;

export const StaffBooking = Type.Object({
  ...Booking.properties,
  resources: Type.Array(HeldResource),
  /** Video meetings: the link the room's screen and the officer join. */
  joinUrl: Nullable(Type.String()),
  officerUserId: Nullable(Id),
  createdByUserId: Nullable(Id),
});
export type StaffBooking = Static<typeof StaffBooking>;

export const OfficeBookingsQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });
export const OfficeBookingsDay = Type.Object({ officeId: Id, date: IsoDate, bookings: Type.Array(StaffBooking) });
export type OfficeBookingsDay = Static<typeof OfficeBookingsDay>;

export const OfficeCodeParams = Type.Object({ id: Id, code: BookingCode });
/** Staff mark (or unmark) a booking's protected identity, e.g. when the visitor says so on the phone. */
export const ProtectedIdentityInput = Type.Object({ protectedIdentity: Type.Boolean() }, { additionalProperties: false });

// ---------- mobile stops ----------
export const MobileVisit = Type.Object({
  id: Id,
  teamId: Id,
  teamName: Type.String(),
  hubOfficeId: Id,
  stopOfficeId: Id,
  stopName: Type.String(),
  date: IsoDate,
  opens: Type.String(),
  closes: Type.String(),
  capacity: Type.Integer(),
  serviceIds: Type.Array(Id),
});
export type MobileVisit = Static<typeof MobileVisit>;
export const MobileVisitParams = Type.Object({ id: Id, visitId: Id });
export const MobileVisitVisitors = Type.Object({ visit: MobileVisit, bookings: Type.Array(StaffBooking) });
export type MobileVisitVisitors = Static<typeof MobileVisitVisitors>;

// ---------- agency officer: own video meetings ----------
export const VideoMeetingsQuery = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }, { additionalProperties: false });
export const VideoMeeting = Type.Object({
  code: Type.String(),
  status: BookingStatus,
  serviceId: Id,
  serviceNameSv: Type.String(),
  officeId: Id,
  officeName: Type.String(),
  videoRoom: Type.Integer(),
  start: Instant,
  end: Instant,
  date: IsoDate,
  time: Type.String(),
  /** The officer's own meeting: the name is shown even with protected identity. */
  visitorName: Type.String(),
  protectedIdentity: Type.Boolean(),
  interpreterLanguage: Nullable(Type.String()),
  joinUrl: Type.String(),
});
export type VideoMeeting = Static<typeof VideoMeeting>;

/** Marking a booked visitor as arrived: in person at an office they join the queue (the visit flow's check-in). */
export const ArrivedResponse = Type.Object({
  booking: StaffBooking,
  /** The queue ticket; null for video meetings and mobile stops, which have no queue. */
  ticket: Type.Union([Ticket, Type.Null()]),
});
export type ArrivedResponse = Static<typeof ArrivedResponse>;

export const MobileVisitsQuery = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) }, { additionalProperties: false });

// ---------- office manager: planning the mobile team's visits ----------
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Swedish wall-clock time, HH:MM' });
const VisitServiceIds = Type.Array(Id, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'Services the team brings; each one the stop offers on the mobile channel' });

export const MobileStopService = Type.Object({ id: Id, nameSv: Type.String(), nameEn: Type.String() });
export type MobileStopService = Static<typeof MobileStopService>;
export const MobileTeam = Type.Object({ id: Id, name: Type.String() });
export type MobileTeam = Static<typeof MobileTeam>;
export const MobileTeamParams = Type.Object({ id: Id, teamId: Id });
/**
 * A mobile team's name, to create or rename one of the hub office's teams. Trimmed; required (reason
 * `name_required`), unique within the hub office, ignoring case (409 `already_exists`, reason
 * `team_name_taken`); another office's team may have the same name.
 */
export const MobileTeamInput = Type.Object({ name: Type.String({ maxLength: 80 }) }, { additionalProperties: false });
export type MobileTeamInput = Static<typeof MobileTeamInput>;

/** A hub office's mobile teams and the stops they can visit, with the services each stop offers on the mobile channel. */
export const MobilePlanning = Type.Object({
  hubOfficeId: Id,
  teams: Type.Array(MobileTeam),
  stops: Type.Array(Type.Object({ id: Id, name: Type.String(), services: Type.Array(MobileStopService) })),
});
export type MobilePlanning = Static<typeof MobilePlanning>;

/** A new dated visit of one of the hub office's teams (the hub is the path's office). */
export const CreateMobileVisitInput = Type.Object({
  teamId: Id,
  /** A `mobile_stop` whose hub is the path's office (reason `not_a_stop_of_hub`). */
  stopOfficeId: Id,
  /** From today; one visit per stop and date (reason `visit_exists`). */
  date: IsoDate,
  opens: ClockTime,
  /** After `opens` (reason `closes_before_opens`). */
  closes: ClockTime,
  /** How many of the team serve at the same time. */
  capacity: Type.Integer({ minimum: 1, maximum: 20 }),
  serviceIds: VisitServiceIds,
}, { additionalProperties: false });
export type CreateMobileVisitInput = Static<typeof CreateMobileVisitInput>;

/** Changes a visit's hours, capacity or services; active bookings must still fit (reason `visit_has_bookings`). */
export const UpdateMobileVisitInput = Type.Object({
  opens: Type.Optional(ClockTime),
  closes: Type.Optional(ClockTime),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  serviceIds: Type.Optional(VisitServiceIds),
}, { additionalProperties: false });
export type UpdateMobileVisitInput = Static<typeof UpdateMobileVisitInput>;

/** Body of a 409 `visit_has_bookings`: how many active bookings stand in the way. */
export interface VisitHasBookingsDetails { reason: 'visit_has_bookings'; count: number }
