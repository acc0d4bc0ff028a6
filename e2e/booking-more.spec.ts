// More of booking (issue 4) in a real browser, with axe-core on every page visited: two visitors race for
// the same last free time (the second is told and books one of the next free times offered); "first free
// time near me" from a place across offices; a video meeting with Försäkringskassan at Växjö, then seen by
// the agency officer with the join link and by the office under its video room; and a booking at the
// mobile team's Lenhovda stop, then in the staff list of that visit's visitors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking, BookableService, FirstFreeResponse, SlotsResponse, VideoMeeting } from '../contracts/booking.ts';
import type { Office, OfficeSummary } from '../contracts/registry.ts';
import { launchBrowser, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { logIn as logInAs } from './support/login.ts';

// Tuesday 1 December 2026, 11:00 in Stockholm.
const START = Date.parse('2026-12-01T10:00:00Z');
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let app: RunningApp;
let browser: Browser;
let vaxjo: Office;
let lenhovda: string;
let vaxjoServices: BookableService[];

const json = async <T,>(path: string, cookie?: string) =>
  (await (await fetch(`${app.url}/api/v1${path}`, { headers: cookie ? { cookie } : {} })).json()) as T;

beforeAll(async () => {
  const startedAt = Date.now();
  app = await startApp({ clock: () => new Date(START + (Date.now() - startedAt)) });
  browser = await launchBrowser();
  const offices = await json<OfficeSummary[]>('/offices?tier=servicekontor&limit=200');
  vaxjo = await json<Office>(`/offices/${offices.find((o) => o.name === 'Servicekontor Växjö')!.id}`);
  vaxjoServices = await json<BookableService[]>(`/offices/${vaxjo.id}/bookable-services`);
  const stops = await json<OfficeSummary[]>('/offices?tier=mobile_stop&limit=200');
  lenhovda = stops.find((o) => o.name === 'Mobil service Lenhovda')!.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(lang = 'sv', viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.addInitScript((l) => localStorage.setItem('lang', l), lang);
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(START));
  return page;
}

async function axe(page: Page, what: string) {
  expect(await wcagViolations(page), what).toEqual([]);
}

async function heading(page: Page, text: string) {
  await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toContain(text);
}

const logIn = async (username: string): Promise<Page> => logInAs(await newPage('sv', DESKTOP), app.url, username);

/** A session cookie for API reads in the test itself. */
async function apiLogin(username: string): Promise<string> {
  const res = await fetch(`${app.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-password' }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** At a fixed place (/kontor/:id/boka): service → day → time → contact, ending on the confirm step. */
async function toConfirm(page: Page, officeId: string, serviceName: string, date: string, time: string | null, name: string) {
  await page.goto(`${app.url}/kontor/${officeId}/boka`);
  await heading(page, 'Vad vill du boka tid för?');
  await page.getByRole('button', { name: new RegExp(serviceName) }).click();
  await heading(page, 'Välj dag');
  const day = page.locator(`button[data-date="${date}"]`);
  await day.waitFor({ timeout: 15_000 });
  await axe(page, `${name}: day`);
  await day.click();
  await heading(page, 'Välj tid');
  await axe(page, `${name}: time`);
  const chosen = time ?? ((await page.locator('.booking-time-button').first().textContent()) ?? '').trim();
  await page.getByRole('button', { name: chosen, exact: true }).click();
  await fillContact(page, name);
  return chosen;
}

async function fillContact(page: Page, name: string) {
  await heading(page, 'Dina uppgifter');
  await page.locator('#booking-name').fill(name);
  // The address from the first name, without å, ä, ö: the API takes plain ASCII addresses.
  const local = name.split(' ')[0]!.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
  await page.locator('#booking-email').fill(`${local}@example.se`);
  await page.locator('form button[type="submit"]').click();
  await heading(page, 'Kontrollera och boka');
}

/** The receipt's code and the booking as its manage link reads it. */
async function receipt(page: Page, what: string): Promise<Booking> {
  await heading(page, 'Din tid är bokad');
  const code = ((await page.locator('.booking-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await axe(page, `${what}: receipt`);
  const manage = (await page.locator('.booking-manage-link a').getAttribute('href')) ?? '';
  return json<Booking>(`/bookings/${code}?token=${manage.split('t=')[1]}`);
}

describe('booking, more paths', () => {
  it('two visitors pick the same last free time: the second is told and books one of the next free times', async () => {
    const service = vaxjoServices.find((s) => s.nameSv === 'Ansökan om id-kort')!;
    const date = '2026-12-10';
    const tenOClock = async () => (await json<SlotsResponse>(`/offices/${vaxjo.id}/services/${service.id}/slots?from=${date}&to=${date}`)).days[0]!.slots.find((s) => s.time === '10:00')!;
    // Others book 10:00 until one unit is left: whoever of the two books first takes the last of it.
    for (let ten = await tenOClock(); ten.free > 1; ten = await tenOClock()) {
      const res = await fetch(`${app.url}/api/v1/bookings`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: service.id, officeId: vaxjo.id, start: ten.start, visitorName: 'Annan Besökare', email: 'annan@example.se' }),
      });
      expect(res.status).toBe(201);
    }
    expect((await tenOClock()).free).toBe(1);

    const first = await newPage();
    const second = await newPage();
    await toConfirm(first, vaxjo.id, service.nameSv, date, '10:00', 'Först Först');
    await toConfirm(second, vaxjo.id, service.nameSv, date, '10:00', 'Sen Sist');
    await axe(second, 'confirm');

    await first.locator('section > button.button').click();
    const firstBooking = await receipt(first, 'first visitor');
    expect(firstBooking).toMatchObject({ date, time: '10:00', status: 'booked' });

    await second.locator('section > button.button').click();
    const taken = second.locator('[role="alert"]', { hasText: 'Tiden hann bli bokad av någon annan' });
    await taken.waitFor({ timeout: 15_000 });
    expect(await taken.textContent()).toContain('Välj en av de närmaste lediga tiderna');
    const offered = second.locator('.booking-next-free button');
    expect(await offered.count()).toBeGreaterThan(0);
    const label = ((await offered.first().textContent()) ?? '').trim();
    await axe(second, 'slot taken');
    await offered.first().click();
    const secondBooking = await receipt(second, 'second visitor');
    expect(secondBooking.status).toBe('booked');
    expect(secondBooking.start > firstBooking.start).toBe(true);
    expect(label).toContain(secondBooking.time);
    await first.context().close();
    await second.context().close();
  });

  it('books the first free time near a place across offices', async () => {
    const page = await newPage();
    const service = vaxjoServices.find((s) => s.nameSv === 'Ansökan om id-kort')!;
    await page.goto(`${app.url}/boka`);
    await heading(page, 'Vad vill du boka tid för?');
    await page.getByRole('button', { name: new RegExp(service.nameSv) }).click();
    await heading(page, 'Var vill du bli hjälpt?');
    await page.locator('input[type="search"]').fill('Växjö');
    await page.locator('.booking-hits button').first().click();
    await page.getByRole('button', { name: /^Servicekontor Växjö/ }).waitFor({ timeout: 15_000 });
    await page.locator('#booking-radius').selectOption('100');
    await page.getByRole('button', { name: 'Visa första lediga tid' }).click();
    const options = page.getByRole('list', { name: 'Första lediga tid i närheten' }).locator('button');
    await options.first().waitFor({ timeout: 15_000 });
    await axe(page, 'first free options');

    // The page lists what the API answers for the place, earliest first.
    const hit = await json<Array<{ lat: number | null; lon: number | null }>>('/search?q=V%C3%A4xj%C3%B6&limit=8&kinds=locality,municipality');
    const free = await json<FirstFreeResponse>(`/services/${service.id}/first-free?lat=${hit[0]!.lat}&lon=${hit[0]!.lon}&radiusKm=100&limit=8`);
    expect(await options.count()).toBe(free.options.length);
    const best = free.options[0]!;
    expect(await options.first().textContent()).toContain(best.time);
    expect(await options.first().textContent()).toContain(best.officeName);

    await options.first().click();
    await heading(page, 'Välj tid');
    await axe(page, 'first free: time');
    await page.getByRole('button', { name: best.time, exact: true }).click();
    await fillContact(page, 'Nära Närmast');
    await axe(page, 'first free: confirm');
    await page.locator('section > button.button').click();
    const booked = await receipt(page, 'first free');
    expect(booked).toMatchObject({ officeId: best.officeId, start: best.start, status: 'booked' });
    await page.context().close();
  });

  it('books a video meeting with Försäkringskassan; the officer sees it with the join link and the office its room', async () => {
    const service = vaxjoServices.find((s) => s.channels.includes('video') && s.nameSv === 'Videomöte med Försäkringskassan')!;
    const date = '2026-12-09';
    const page = await newPage();
    const time = await toConfirm(page, vaxjo.id, service.nameSv, date, null, 'Video Visare');
    expect(await page.locator('.booking-summary').textContent()).toContain('Videomöte');
    await axe(page, 'video: confirm');
    await page.locator('section > button.button').click();
    const booked = await receipt(page, 'video');
    expect(booked).toMatchObject({ channel: 'video', date, time });
    await page.context().close();

    // The meeting went to one of Försäkringskassan's video officers: whichever it was sees it, with the link.
    let officer = '';
    let meeting: VideoMeeting | undefined;
    for (const username of ['fk.video', 'fk.vaxjo']) {
      meeting = (await json<VideoMeeting[]>(`/me/video-meetings?from=${date}&to=${date}`, await apiLogin(username))).find((m) => m.code === booked.code);
      if (meeting) {
        officer = username;
        break;
      }
    }
    expect(meeting?.joinUrl).toMatch(/^https:\/\//);
    const desk = await logIn(officer);
    await desk.goto(`${app.url}/mina-videomoten`);
    await heading(desk, 'Mina videomöten');
    const row = desk.locator('tr', { hasText: 'Video Visare' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(`${date} ${time}`);
    expect(await row.getByRole('link', { name: /Anslut till mötet/ }).getAttribute('href')).toBe(meeting!.joinUrl);
    await axe(desk, 'video meetings');
    await desk.context().close();

    // The office's bookings that day: the meeting under the video room it holds, to prepare.
    const office = await logIn('handlaggare.vaxjo');
    await office.goto(`${app.url}/kontor/${vaxjo.id}/bokningar?date=${date}`);
    await heading(office, 'Dagens bokningar');
    const room = office.locator('section, table', { hasText: 'Video Visare' }).filter({ hasText: /Videorum \d/ }).first();
    await room.waitFor({ timeout: 15_000 });
    const line = office.locator('tr', { hasText: 'Video Visare' });
    expect(await line.textContent()).toContain('Videomöte');
    expect(await line.getByRole('link', { name: 'Anslut' }).getAttribute('href')).toBe(meeting!.joinUrl);
    await axe(office, 'bookings day with the video room');
    await office.context().close();
  });

  it('books at the mobile team\'s Lenhovda stop, and the office sees the visitor in the stop\'s list', async () => {
    // Tuesday 8 December: the Växjö team is at Lenhovda.
    const date = '2026-12-08';
    const services = await json<BookableService[]>(`/offices/${lenhovda}/bookable-services`);
    expect(services.length).toBeGreaterThan(0);
    const service = services[0]!;
    const page = await newPage();
    const time = await toConfirm(page, lenhovda, service.nameSv, date, null, 'Mobil Möllare');
    await axe(page, 'mobile: confirm');
    await page.locator('section > button.button').click();
    const booked = await receipt(page, 'mobile');
    expect(booked).toMatchObject({ officeId: lenhovda, date, time, status: 'booked' });
    expect(booked.mobileVisitId).not.toBeNull();
    await page.context().close();

    const staff = await logIn('chef.vaxjo');
    await staff.goto(`${app.url}/kontor/${vaxjo.id}/bokningar?date=${date}`);
    await heading(staff, 'Dagens bokningar');
    const link = staff.getByRole('link', { name: /Mobil service Lenhovda .*bokade besökare/ });
    await link.waitFor({ timeout: 15_000 });
    await axe(staff, 'bookings day with the mobile visit');
    await link.click();
    await staff.waitForURL(/\/mobilbesok\//);
    await heading(staff, `Bokade besökare i Mobil service Lenhovda ${date}`);
    const row = staff.locator('tr', { hasText: 'Mobil Möllare' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain(time);
    expect(await row.textContent()).toContain('Bokad');
    await axe(staff, 'mobile visitors');
    await staff.context().close();
  });
});
