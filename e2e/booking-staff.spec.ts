// The staff booking pages in a real browser, with axe-core on each: Växjö's office manager plans a mobile
// team visit at Lenhovda (the error summary first, then the visit in the list and in the API), changes and
// cancels it, and opens the booking settings and the visit's visitor list; marks a visitor's booking as
// protected identity (the name then leaves the day's list); an agency officer opens their video meetings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BookableService, Booking, MobileVisit, OfficeBookingsDay, SlotsResponse } from '../contracts/booking.ts';
import type { OfficeSummary } from '../contracts/registry.ts';
import { wcagViolations } from './support/browser.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { logIn as logInAs } from './support/login.ts';

let vaxjo: Vaxjo;
let lenhovda: string;
// Wednesday 9 December 2026: the demo team is at Lenhovda on Tuesdays, so the day is free.
const DATE = '2026-12-09';

beforeAll(async () => {
  vaxjo = await openVaxjo();
  const stops = await vaxjo.json<OfficeSummary[]>('/offices?tier=mobile_stop&limit=200');
  lenhovda = stops.find((o) => o.name === 'Mobil service Lenhovda')!.id;
});
afterAll(async () => {
  await vaxjo?.stop();
});

const logIn = async (username: string): Promise<Page> => logInAs(await vaxjo.newPage('sv'), vaxjo.app.url, username);

async function heading(page: Page, text: string) {
  await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 }).toContain(text);
}

describe('staff booking pages', () => {
  it('an office manager adds a mobile visit; settings, planning and visitor pages pass axe', async () => {
    const page = await logIn('chef.vaxjo');
    const office = vaxjo.office.id;

    await page.goto(`${vaxjo.app.url}/kontor/${office}/bokningsinstallningar`);
    await heading(page, 'Bokningsinställningar');
    await page.locator('.admin-table').first().waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: /Bemanning/ }).waitFor({ timeout: 15_000 });
    expect(await wcagViolations(page), 'settings page').toEqual([]);

    await page.goto(`${vaxjo.app.url}/kontor/${office}/bokningar`);
    await page.getByRole('link', { name: 'Planera mobila besök' }).click();
    await page.waitForURL(/\/mobilplanering$/);
    await heading(page, 'Planera mobila besök');
    await page.getByRole('heading', { name: 'Kommande besök' }).waitFor({ timeout: 15_000 });
    expect(await wcagViolations(page), 'planning page').toEqual([]);

    await page.getByRole('button', { name: 'Lägg till besök' }).click();
    await page.getByLabel('Plats').selectOption({ label: 'Mobil service Lenhovda' });
    await page.getByLabel('Datum').fill(DATE);
    await page.getByLabel('Öppnar').fill('12:00');
    await page.getByLabel('Stänger').fill('10:00');
    await page.getByLabel('Antal i teamet').fill('1');
    // The stop's mobile errands are chosen when the place is.
    expect(await page.locator('#visit-services input:checked').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Lägg till besöket' }).click();
    const summary = page.locator('.admin-error-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.textContent()).toContain('Stängningstiden måste vara senare än öppningstiden.');
    expect(await page.locator('#visit-closes').getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page), 'planning form with errors').toEqual([]);

    // The server's own refusal lands on its field too: the demo team is at Lenhovda on Tuesday 8 December.
    await page.getByLabel('Datum').fill('2026-12-08');
    await page.getByLabel('Öppnar').fill('10:00');
    await page.getByLabel('Stänger').fill('12:00');
    await page.getByRole('button', { name: 'Lägg till besöket' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Platsen har redan ett besök den dagen.');
    expect(await page.locator('#visit-date').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Datum').fill(DATE);
    await page.getByRole('button', { name: 'Lägg till besöket' }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe(`Besöket i Mobil service Lenhovda ${DATE} är tillagt.`);
    const row = page.locator('tr', { hasText: DATE });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('10:00–12:00');
    expect(await wcagViolations(page), 'planning page with the new visit').toEqual([]);
    const listed = await vaxjo.json<MobileVisit[]>(`/offices/${lenhovda}/mobile-visits?from=${DATE}&to=${DATE}`);
    expect(listed).toMatchObject([{ date: DATE, opens: '10:00', closes: '12:00', capacity: 1 }]);

    // Change the hours and the team size.
    await row.getByRole('button', { name: /Ändra/ }).click();
    await page.getByLabel('Stänger').fill('13:00');
    await page.getByLabel('Antal i teamet').fill('3');
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe(`Besöket i Mobil service Lenhovda ${DATE} är ändrat.`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('10:00–13:00');

    await row.getByRole('link', { name: /Bokade besökare/ }).click();
    await page.waitForURL(/\/mobilbesok\//);
    await heading(page, `Bokade besökare i Mobil service Lenhovda ${DATE}`);
    expect(await page.locator('main, .page').first().textContent()).toContain('3 personer');
    expect(await wcagViolations(page), 'mobile visitors page').toEqual([]);

    // Without bookings the visit can be cancelled (after a confirmation).
    await page.goBack();
    await row.getByRole('button', { name: /Ställ in/ }).click();
    await row.getByRole('button', { name: /Ja, ställ in/ }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe(`Besöket i Mobil service Lenhovda ${DATE} är inställt.`);
    expect(await vaxjo.json<MobileVisit[]>(`/offices/${lenhovda}/mobile-visits?from=${DATE}&to=${DATE}`)).toEqual([]);
    await page.context().close();
  });

  it('an office manager creates and renames a mobile team, with the name checked on the form and by the server', async () => {
    const page = await logIn('chef.vaxjo');
    await page.goto(`${vaxjo.app.url}/kontor/${vaxjo.office.id}/mobilplanering`);
    await heading(page, 'Planera mobila besök');
    const teams = page.locator('section', { has: page.getByRole('heading', { name: 'Mobila team' }) });
    await teams.waitFor({ timeout: 15_000 });
    expect(await teams.textContent()).toContain('Mobila teamet Växjö');

    await teams.getByRole('button', { name: 'Nytt team' }).click();
    await teams.getByRole('button', { name: 'Skapa teamet' }).click();
    const summary = teams.locator('.admin-error-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.textContent()).toContain('Ange teamets namn.');
    expect(await page.locator('#team-name').getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page), 'team form with errors').toEqual([]);

    // The server refuses a name the office already has, whatever the case, on the name field.
    await page.getByLabel('Teamets namn').fill('mobila teamet växjö');
    await teams.getByRole('button', { name: 'Skapa teamet' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('Kontoret har redan ett team med det namnet.');
    expect(await page.locator('#team-name').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Teamets namn').fill('Mobila teamet Norr');
    await teams.getByRole('button', { name: 'Skapa teamet' }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe('Teamet Mobila teamet Norr är skapat. Nu kan du planera dess besök.');
    expect(await teams.locator('li').allTextContents()).toEqual([expect.stringContaining('Mobila teamet Norr'), expect.stringContaining('Mobila teamet Växjö')]);
    expect(await wcagViolations(page), 'planning page with the new team').toEqual([]);

    await teams.getByRole('button', { name: 'Byt namn Mobila teamet Norr' }).click();
    await page.getByLabel('Teamets namn').fill('Mobila teamet Uppvidinge');
    await teams.getByRole('button', { name: 'Spara namnet' }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe('Teamet heter nu Mobila teamet Uppvidinge.');
    const planning = await (await page.request.get(`${vaxjo.app.url}/api/v1/offices/${vaxjo.office.id}/mobile-teams`)).json() as { teams: Array<{ name: string }> };
    expect(planning.teams.map((t) => t.name)).toEqual(['Mobila teamet Uppvidinge', 'Mobila teamet Växjö']);
    // The new team can be sent on a visit at once.
    await page.getByRole('button', { name: 'Lägg till besök' }).click();
    expect(await page.getByLabel('Team').locator('option').allTextContents()).toContain('Mobila teamet Uppvidinge');
    await page.context().close();
  });

  it('a booking is marked as protected identity after a confirmation; the name leaves the list', async () => {
    const office = vaxjo.office.id;
    const date = '2026-12-10';
    const service = (await vaxjo.json<BookableService[]>(`/offices/${office}/bookable-services`)).find((s) => s.nameSv === 'Ansökan om id-kort')!;
    const slots = await vaxjo.json<SlotsResponse>(`/offices/${office}/services/${service.id}/slots?from=${date}&to=${date}`);
    const slot = slots.days[0]!.slots.find((s) => s.free > 0)!;
    const res = await fetch(`${vaxjo.app.url}/api/v1/bookings`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: service.id, officeId: office, start: slot.start, visitorName: 'Sara Skyddsdotter', email: 'sara@example.se' }),
    });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as Booking;

    const page = await logIn('chef.vaxjo');
    await page.goto(`${vaxjo.app.url}/kontor/${office}/bokningar?date=${date}`);
    await heading(page, 'Dagens bokningar');
    const row = page.locator('tr', { hasText: code });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Sara Skyddsdotter');

    // The action asks first, with the confirmation focused; "Avbryt" leaves the booking as it was.
    await row.getByRole('button', { name: /^Markera skyddad identitet/ }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Ja, markera');
    expect(await row.getByRole('group').textContent()).toContain('Markera bokningen?');
    expect(await wcagViolations(page), 'bookings page, confirming').toEqual([]);
    await row.getByRole('button', { name: 'Avbryt' }).click();
    expect(await row.textContent()).toContain('Sara Skyddsdotter');

    await row.getByRole('button', { name: /^Markera skyddad identitet/ }).click();
    await row.getByRole('button', { name: /^Ja, markera/ }).click();
    await expect.poll(() => page.locator('.admin-status').textContent(), { timeout: 15_000 }).toBe(`Bokning ${code} har nu skyddad identitet: namn och kontaktuppgifter visas inte i listorna.`);
    // The row is the API's answer: the label instead of the name, and the reverse action, focused.
    expect(await row.locator('th').textContent()).toContain('Skyddad identitet');
    expect(await row.textContent()).not.toContain('Sara Skyddsdotter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Ta bort skyddad identitet');
    expect(await wcagViolations(page), 'bookings page, marked').toEqual([]);
    const day = await (await page.request.get(`${vaxjo.app.url}/api/v1/offices/${office}/bookings?date=${date}`)).json() as OfficeBookingsDay;
    expect(day.bookings.find((b) => b.code === code)).toMatchObject({ protectedIdentity: true, nameHidden: true, visitorName: 'Skyddad identitet' });

    // Still so after a reload, and nothing scrolls sideways on a phone (the confirmation open).
    await page.reload();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).not.toContain('Sara Skyddsdotter');
    await page.setViewportSize({ width: 375, height: 800 });
    await row.getByRole('button', { name: /^Ta bort skyddad identitet/ }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await row.getByRole('button', { name: 'Avbryt' }).click();
    await page.context().close();
  });

  it('an agency officer opens their video meetings', async () => {
    const page = await logIn('fk.video');
    await page.goto(`${vaxjo.app.url}/mina-videomoten`);
    await heading(page, 'Mina videomöten');
    await expect.poll(() => page.locator('[role="status"]').count(), { timeout: 15_000 }).toBe(0);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await wcagViolations(page), 'video meetings page').toEqual([]);
    await page.context().close();
  });
});
