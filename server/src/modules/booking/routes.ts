// Booking API (issue 4; docs/booking.md): public discovery and booking, the visitor's own booking by code
// and manage token, and the staff side. Thin: validation by schema, access by `config.action`, the rest
// in service.ts, discovery.ts, settings.ts and staff.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../../../contracts/registry.ts';
import {
  ArrivedResponse, BookableService, Booking, BookingSettings, BookingSettingsInput, CodeParams, CreateBookingInput, CreatedBooking,
  FirstFreeQuery, FirstFreeResponse, ManageQuery, MobileVisit, MobileVisitParams, MobileVisitsQuery, MobileVisitVisitors, OfficeBookingsDay,
  OfficeBookingsQuery, OfficeCodeParams, RescheduleInput, ServiceParams, SlotsQuery, SlotsResponse, StaffBooking, StaffBookingInput,
  StaffingInput, StaffingRow, VideoMeeting, VideoMeetingsQuery, MobilePlanning, CreateMobileVisitInput, UpdateMobileVisitInput,
  MobileTeam, MobileTeamInput, MobileTeamParams, ProtectedIdentityInput,
} from '../../../../contracts/booking.ts';
import { officeFromParams } from '../../http/route-config.ts';
import { AppError } from '../../lib/errors.ts';
import { mayUnmarkProtectedIdentity } from '../auth/policy.ts';
import { bookableServices, firstFreeNear } from './discovery.ts';
import { icsFor, startReminders } from './notify.ts';
import { bookingByToken, cancelBooking, createBooking, listSlots, rescheduleBooking, type BookingDeps } from './service.ts';
import { listSettings, listStaffing, saveSettings, saveStaffing } from './settings.ts';
import { markArrived, markNoShowView, mobileVisitsOf, mobileVisitVisitors, officeBookingsDay, setProtectedIdentity, videoMeetingsOf } from './staff.ts';
import { bookingView } from './view.ts';
import { cancelMobileVisit, createMobileTeam, createMobileVisit, mobilePlanning, renameMobileTeam, updateMobileVisit } from './mobile-admin.ts';
import { managePath } from './codes.ts';
import { BookingChallenge } from '../../../../contracts/abuse.ts';
import { createBookingChallenge } from '../abuse/challenge.ts';
import { createRateLimiter } from '../abuse/rate-limit.ts';

const codeAudit = { resourceType: 'booking', resourceId: (req: FastifyRequest) => (req.params as { code?: string }).code?.toUpperCase() };

export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps.database;
  const now = () => app.deps.clock?.() ?? new Date();
  const deps: BookingDeps = {
    db, sms: app.deps.sms!, email: app.deps.email!, video: app.deps.video!, publicUrl: app.deps.config.publicUrl, log: app.log, now,
    openBookingsPerContact: app.deps.config.abuse.openBookingsPerContact,
  };
  // Decision 0013: per-address limits on booking and on changes by the manage link, and a proof of work
  // (ALTCHA) on the visitor's booking form.
  const limits = createRateLimiter(db, app.deps.config.abuse, now, app.log);
  const challenge = createBookingChallenge(db, app.deps.config.abuse.challenge);
  const { challenge: challengeConfig } = app.deps.config.abuse;
  if (challengeConfig.required && !challengeConfig.sharedKey && app.deps.config.databaseUrl) {
    // On PostgreSQL several instances are the point; each one's own key would refuse the others' challenges.
    app.log.warn('ALTCHA_HMAC_KEY is not set: this instance signs booking challenges with a key of its own; give every instance the same key');
  }
  if (app.deps.config.remindersEnabled) {
    const reminders = startReminders(deps);
    app.addHook('onClose', () => reminders.stop());
  }
  const principalOf = (req: FastifyRequest) => {
    if (!req.principal) throw new AppError('unauthenticated', 'Log in to do this');
    return req.principal;
  };

  // ---------- public ----------
  app.get('/offices/:id/bookable-services', {
    config: { action: 'booking.read' },
    schema: { tags: ['booking'], summary: 'Services that can be booked at the office, with their channels', params: IdParams, response: { 200: Type.Array(BookableService) } },
  }, async (req) => bookableServices(db, req.params.id, now()));

  app.get('/offices/:id/services/:serviceId/slots', {
    config: { action: 'booking.read' },
    schema: {
      tags: ['booking'], summary: 'Free start times per day (every day listed; empty when nothing is free)',
      description: 'Up to 93 days per request. `channel` defaults to in person where the service is given in person, else video.',
      params: ServiceParams, querystring: SlotsQuery, response: { 200: SlotsResponse },
    },
  }, async (req) => listSlots(db, req.params.id, req.params.serviceId, req.query, now()));

  app.get('/offices/:id/mobile-visits', {
    config: { action: 'booking.read' },
    schema: {
      tags: ['booking'], summary: "A mobile stop's dated team visits (or, for a hub office, its teams' visits)",
      params: IdParams, querystring: MobileVisitsQuery, response: { 200: Type.Array(MobileVisit) },
    },
  }, async (req) => mobileVisitsOf(db, req.params.id, req.query, now()));

  app.get('/services/:id/first-free', {
    config: { action: 'booking.read' },
    schema: {
      tags: ['booking'], summary: 'The first free time for a service near a place, across offices and mobile stops within the radius',
      description: 'Earliest first; at the same time, nearest first.', params: IdParams, querystring: FirstFreeQuery, response: { 200: FirstFreeResponse },
    },
  }, async (req) => firstFreeNear(db, req.params.id, req.query, now()));

  app.get('/bookings/challenge', {
    config: { action: 'booking.read' },
    schema: {
      tags: ['booking'], summary: 'A proof-of-work challenge for the booking form (ALTCHA)',
      description: "The `altcha` widget solves it in the visitor's browser; `POST /bookings` takes the solution in `altcha`. Valid for 20 minutes, accepted once.",
      response: { 200: BookingChallenge },
    },
  }, async (_req, reply) => reply.header('cache-control', 'no-store').send(await challenge.create()));

  app.post('/bookings', {
    config: { action: 'booking.create' },
    preHandler: limits.guard('bookings'),
    schema: {
      tags: ['booking'], summary: 'Book a time',
      description: 'Capacity is taken in the database (docs/booking.md); when the time was just taken the answer is 409 `slot_taken` with `details.nextFree`. Needs a solved challenge (`altcha`), is limited per client address (429 `too_many_bookings`) and to a few open bookings per contact and service (422 `too_many_open_bookings`).',
      body: CreateBookingInput, response: { 201: CreatedBooking },
    },
  }, async (req, reply) => {
    if (app.deps.config.abuse.challenge.required) await challenge.verify(req.body.altcha);
    return reply.status(201).send(await createBooking(deps, req.body));
  });

  app.get('/bookings/:code', {
    config: { action: 'booking.manage', audit: codeAudit },
    schema: { tags: ['booking'], summary: "The visitor's booking (code and the link's token; personal data masked)", params: CodeParams, querystring: ManageQuery, response: { 200: Booking } },
  }, async (req) => bookingView(await bookingByToken(db, req.params.code, req.query.token)));

  app.post('/bookings/:code/reschedule', {
    config: { action: 'booking.manage', audit: codeAudit },
    preHandler: limits.guard('bookingChanges'),
    schema: { tags: ['booking'], summary: 'Move the booking to another free time (same place and service)', params: CodeParams, querystring: ManageQuery, body: RescheduleInput, response: { 200: Booking } },
  }, async (req) => rescheduleBooking(deps, await bookingByToken(db, req.params.code, req.query.token), req.body));

  app.post('/bookings/:code/cancel', {
    config: { action: 'booking.manage', audit: codeAudit },
    preHandler: limits.guard('bookingChanges'),
    schema: { tags: ['booking'], summary: 'Cancel the booking', params: CodeParams, querystring: ManageQuery, response: { 200: Booking } },
  }, async (req) => cancelBooking(deps, await bookingByToken(db, req.params.code, req.query.token)));

  app.get('/bookings/:code/calendar.ics', {
    config: { action: 'booking.manage' },
    schema: { tags: ['booking'], summary: 'The booking as an iCalendar file', params: CodeParams, querystring: ManageQuery },
  }, async (req, reply) => {
    const row = await bookingByToken(db, req.params.code, req.query.token);
    const url = `${app.deps.config.publicUrl}${managePath(row.a.code, req.query.token)}`;
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="bokning-${row.a.code}.ics"`)
      .send(icsFor(row, url, now()));
  });

  // ---------- staff ----------
  app.get('/offices/:id/booking-settings', {
    config: { action: 'booking.settings.read', scope: officeFromParams },
    schema: { tags: ['booking'], summary: "Booking settings of every service the office offers (defaults where none are set)", params: IdParams, response: { 200: Type.Array(BookingSettings) } },
  }, async (req) => listSettings(db, req.params.id));

  app.put('/offices/:id/booking-settings/:serviceId', {
    config: { action: 'booking.settings.write', scope: officeFromParams },
    schema: { tags: ['booking'], summary: 'Set the booking settings of a service at the office', params: ServiceParams, body: BookingSettingsInput, response: { 200: BookingSettings } },
  }, async (req) => saveSettings(db, req.params.id, req.params.serviceId, req.body));

  app.get('/offices/:id/staffing', {
    config: { action: 'booking.settings.read', scope: officeFromParams },
    schema: { tags: ['booking'], summary: 'Officers per agency and weekday at the office (sizes the booking pools)', params: IdParams, response: { 200: Type.Array(StaffingRow) } },
  }, async (req) => listStaffing(db, req.params.id));

  app.put('/offices/:id/staffing', {
    config: { action: 'booking.settings.write', scope: officeFromParams },
    schema: { tags: ['booking'], summary: 'Set officer numbers (only for days the agency is at the office)', params: IdParams, body: StaffingInput, response: { 200: Type.Array(StaffingRow) } },
  }, async (req) => saveStaffing(db, req.params.id, req.body));

  app.post('/offices/:id/bookings', {
    config: { action: 'booking.staff.book', scope: officeFromParams },
    schema: { tags: ['booking'], summary: "Book on a visitor's behalf at this office", params: IdParams, body: StaffBookingInput, response: { 201: CreatedBooking } },
  }, async (req, reply) => reply.status(201).send(await createBooking(deps, { ...req.body, officeId: req.params.id }, principalOf(req).userId)));

  app.get('/offices/:id/bookings', {
    config: { action: 'booking.office.read', scope: officeFromParams, audit: { resourceType: 'office_bookings' } },
    schema: { tags: ['booking'], summary: "The day's bookings with the counter, room or officer each holds", params: IdParams, querystring: OfficeBookingsQuery, response: { 200: OfficeBookingsDay } },
  }, async (req) => officeBookingsDay(db, req.params.id, req.query.date, now(), principalOf(req)));

  app.post('/offices/:id/bookings/:code/arrived', {
    config: { action: 'booking.office.act', scope: officeFromParams },
    schema: { tags: ['booking'], summary: 'The booked visitor has arrived: in person they join the queue (check-in)', params: OfficeCodeParams, response: { 200: ArrivedResponse } },
  }, async (req) => {
    const arrived = await markArrived(db, req.params.id, req.params.code, now(), principalOf(req));
    // The visitor is in the queue now: the board, the desk and open ticket pages should see it.
    if (arrived.ticket) app.deps.visitBus!.publish({ type: 'changed', officeId: arrived.ticket.officeId, ticketId: arrived.ticket.id });
    return arrived;
  });

  app.post('/offices/:id/bookings/:code/no-show', {
    config: { action: 'booking.office.act', scope: officeFromParams },
    schema: { tags: ['booking'], summary: 'The booked visitor did not come', params: OfficeCodeParams, response: { 200: StaffBooking } },
  }, async (req) => markNoShowView(db, req.params.id, req.params.code, principalOf(req)));

  app.put('/offices/:id/bookings/:code/protected-identity', {
    config: { action: 'booking.office.act', scope: officeFromParams, audit: {
      resourceType: 'booking_protected_identity', resourceId: (req) => (req.params as { code?: string }).code,
      // Which way: taking the mark away shows the name to the office's lists again, so the log must say who did.
      details: (req) => ({ protectedIdentity: (req.body as { protectedIdentity: boolean }).protectedIdentity }),
    } },
    schema: { tags: ['booking'], summary: "Mark or unmark the visitor's protected identity (the name then leaves the staff lists); unmarking is for the office's manager", description: 'Any officer of the office may mark; taking the mark away shows the name again, so it needs the office manager or an admin (403 `unmark_needs_manager`). Audited with the direction.', params: OfficeCodeParams, body: ProtectedIdentityInput, response: { 200: StaffBooking } },
  }, async (req) => {
    if (!req.body.protectedIdentity && !mayUnmarkProtectedIdentity(principalOf(req), req.params.id)) {
      throw new AppError('forbidden', "Only the office's manager takes a protected-identity mark away", { field: 'protectedIdentity', reason: 'unmark_needs_manager' });
    }
    return setProtectedIdentity(db, req.params.id, req.params.code, req.body.protectedIdentity, principalOf(req));
  });

  app.get('/offices/:id/mobile-visits/:visitId/visitors', {
    config: { action: 'booking.office.read', scope: officeFromParams, audit: { resourceType: 'mobile_visit_bookings', resourceId: (req) => (req.params as { visitId?: string }).visitId } },
    schema: { tags: ['booking'], summary: "The visitors booked at a mobile team's visit (for the stop's hub office)", params: MobileVisitParams, response: { 200: MobileVisitVisitors } },
  }, async (req) => mobileVisitVisitors(db, req.params.id, req.params.visitId, principalOf(req)));

  // ---------- office manager: the mobile teams' visits (mobile-admin.ts) ----------
  app.get('/offices/:id/mobile-teams', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: { tags: ['booking'], summary: "The hub office's mobile teams and stops, with the services a visit to each stop may bring", params: IdParams, response: { 200: MobilePlanning } },
  }, async (req) => mobilePlanning(db, req.params.id));

  app.post('/offices/:id/mobile-teams', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: {
      tags: ['booking'], summary: 'Create a mobile team based at the office',
      description: 'The name is required (reason `name_required`) and unique within the office, ignoring case (409 `already_exists`, reason `team_name_taken`).',
      params: IdParams, body: MobileTeamInput, response: { 201: MobileTeam },
    },
  }, async (req, reply) => reply.status(201).send(await createMobileTeam(db, req.params.id, req.body)));

  app.patch('/offices/:id/mobile-teams/:teamId', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: {
      tags: ['booking'], summary: "Rename one of the office's mobile teams",
      description: 'Same name rules as creating one; the visits keep the team.', params: MobileTeamParams, body: MobileTeamInput, response: { 200: MobileTeam },
    },
  }, async (req) => renameMobileTeam(db, req.params.id, req.params.teamId, req.body));

  app.post('/offices/:id/mobile-visits', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: {
      tags: ['booking'], summary: "Plan a dated visit of one of the hub office's teams at one of its stops",
      params: IdParams, body: CreateMobileVisitInput, response: { 201: MobileVisit },
    },
  }, async (req, reply) => reply.status(201).send(await createMobileVisit(db, req.params.id, req.body, now())));

  app.patch('/offices/:id/mobile-visits/:visitId', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: {
      tags: ['booking'], summary: "Change a visit's hours, capacity or services",
      description: 'Active bookings must stay inside the hours and keep their service (409 `visit_has_bookings`, `details.count`).',
      params: MobileVisitParams, body: UpdateMobileVisitInput, response: { 200: MobileVisit },
    },
  }, async (req) => updateMobileVisit(db, req.params.id, req.params.visitId, req.body, now()));

  app.delete('/offices/:id/mobile-visits/:visitId', {
    config: { action: 'booking.mobile.manage', scope: officeFromParams },
    schema: {
      tags: ['booking'], summary: 'Cancel a visit that has no active bookings',
      description: 'With active bookings the answer is 409 `visit_has_bookings` with `details.count`.', params: MobileVisitParams, response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    await cancelMobileVisit(db, req.params.id, req.params.visitId, now());
    return reply.status(204).send(null);
  });

  app.get('/me/video-meetings', {
    config: { action: 'booking.video.own', audit: { resourceType: 'video_meetings', resourceId: (req) => req.principal?.userId } },
    schema: { tags: ['booking'], summary: "The agency officer's own video meetings with join links", querystring: VideoMeetingsQuery, response: { 200: Type.Array(VideoMeeting) } },
  }, async (req) => videoMeetingsOf(db, principalOf(req).userId, req.query, now()));
};
