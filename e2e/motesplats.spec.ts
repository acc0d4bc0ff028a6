// Mötesplats in real browsers (issue 5, point 8): the coordinator registers two households on the demo
// day (the error summary first, for a client check and for a server check), plans the day, corrects a
// household (the plan then reads as out of date), an agency officer starts and finishes their next step,
// a household arrives late (an event that re-plans), the coordinator re-plans with one action, and the
// household's own page on a phone shows the new time live. axe-core finds nothing on the board, the
// officer's view, the lead-time report and the household's page in Dari/Persian and Arabic (both right to
// left).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wcagViolations } from './support/browser.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { logIn as logInAs } from './support/login.ts';

let vaxjo: Vaxjo;
// The seeded demo day (server/src/db/seed/demo-motesplats.ts), with its stations and interpreters; the
// test server's clock stands at 11:00 that day, so the six seeded households' arrivals have passed.
const DATE = '2026-12-01';
const ELEVEN_IN_STOCKHOLM = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  vaxjo = await openVaxjo();
});
afterAll(async () => {
  await vaxjo?.stop();
});

async function logIn(username: string): Promise<Page> {
  const page = await vaxjo.newPage('sv');
  // The board flags late arrivals by the browser's clock: the same day and hour as the server's.
  await page.clock.setFixedTime(ELEVEN_IN_STOCKHOLM);
  return logInAs(page, vaxjo.app.url, username);
}

const status = (page: Page, text: string) => page.locator('[role="status"]', { hasText: text }).first().waitFor({ timeout: 20_000 });

async function register(board: Page, household: { language: string; arrival: string; members: Array<{ name: string; year: string; interpreter: boolean }> }) {
  const form = board.locator('form[data-form="register"]');
  await form.getByLabel('Hushållets språk').selectOption(household.language);
  await form.getByLabel('Ankomsttid').fill(household.arrival);
  for (const [i, m] of household.members.entries()) {
    if (i > 0) await form.getByRole('button', { name: 'Lägg till person' }).click();
    const person = form.getByRole('group', { name: `Person ${i + 1}` });
    await person.getByLabel('Förnamn').fill(m.name);
    await person.getByLabel('Födelseår').fill(m.year);
    await person.getByLabel('Behöver tolk').setChecked(m.interpreter);
  }
  await form.getByRole('button', { name: 'Registrera hushållet' }).click();
}

describe('Mötesplats', () => {
  it('registers, plans, serves a step, re-plans a late arrival and shows the new time on the household page', async () => {
    const officeId = vaxjo.office.id;
    const board = await logIn('samordnare.vaxjo');
    await board.goto(`${vaxjo.app.url}/kontor/${officeId}/motesplats?datum=${DATE}`);
    await board.getByRole('heading', { level: 2, name: 'Registrera hushåll' }).waitFor({ timeout: 20_000 });
    // The seeded households arrived from 08:30 and none has started: all flagged late at 11:00.
    expect(await board.locator('.mp-late-section h2').textContent()).toBe('6 hushåll är sena');

    // A wrong check digit is caught in the browser; a number that does not match the birth year by the API.
    const form = board.locator('form[data-form="register"]');
    const identity = form.getByRole('group', { name: 'Person 1' }).getByLabel(/Personnummer/);
    await form.getByLabel('Ankomsttid').fill('11:30');
    await form.getByLabel('Förnamn').fill('Nadia');
    await form.getByLabel('Födelseår').fill('1990');
    await identity.fill('19811218-9877');
    await form.getByRole('button', { name: 'Registrera hushållet' }).click();
    const summary = form.locator('.admin-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Personnumret för person 1 har fel format');
    await identity.fill('19811218-9876');
    await form.getByRole('button', { name: 'Registrera hushållet' }).click();
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('stämmer inte med födelseåret');
    await summary.getByRole('link').click();
    expect(await identity.evaluate((el) => el === document.activeElement)).toBe(true);
    await identity.fill('');
    await form.getByLabel('Förnamn').fill('');

    await register(board, { language: 'ar', arrival: '11:30', members: [{ name: 'Nadia', year: '1990', interpreter: true }, { name: 'Sami', year: '2016', interpreter: false }] });
    await status(board, 'Hushållet H07 är registrerat');
    await register(board, { language: 'fa', arrival: '12:00', members: [{ name: 'Reza', year: '1995', interpreter: true }] });
    await status(board, 'Hushållet H08 är registrerat');

    await board.getByRole('button', { name: 'Planera dagen' }).click();
    await status(board, 'Plan version 1 klar');
    const table = board.locator('.mp-table').first();
    await expect.poll(() => table.locator('tbody tr', { hasText: 'H08' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await wcagViolations(board)).toEqual([]);

    // A correction after planning does not re-plan by itself: the board says the plan is out of date.
    await board.getByRole('button', { name: 'Rätta uppgifterna för H07' }).click();
    const correct = board.locator('form[data-form="correct"]');
    await correct.getByLabel('Ankomsttid').fill('11:45');
    await correct.getByRole('button', { name: 'Spara ändringarna' }).click();
    await status(board, 'Uppgifterna för H07 är sparade.');
    await expect.poll(() => board.locator('.mp-stale').textContent(), { timeout: 15_000 }).toContain('H07');

    // The household's own page on a phone, before anything changes: in its own language (Dari, RTL).
    const link = board.getByRole('link', { name: 'Hushållets egen resplan (H08)' });
    const href = (await link.getAttribute('href')) ?? '';
    const phone = await vaxjo.newPage('sv', { width: 375, height: 740 });
    await phone.goto(vaxjo.app.url + href);
    await phone.locator('.mp-stop').first().waitFor({ timeout: 20_000 });
    expect(await phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fa', 'rtl']);
    const firstStart = async () => ((await phone.locator('.mp-it-member .mp-stop-time span[dir="ltr"]').first().textContent()) ?? '').slice(0, 5);
    const before = await firstStart();
    expect(before >= '12:00').toBe(true);

    // The Migrationsverket officer opens their next person and serves the step.
    const officer = await logIn('mv.vaxjo');
    await officer.goto(`${vaxjo.app.url}/kontor/${officeId}/motesplats/mottagning?datum=${DATE}`);
    const next = officer.locator('#mp-next-title');
    await next.waitFor({ timeout: 20_000 });
    const served = /H\d\d/.exec((await next.textContent()) ?? '')?.[0] ?? '';
    expect(served).not.toBe('');
    await officer.locator('.mp-shared').waitFor({ timeout: 15_000 });
    await officer.getByRole('button', { name: 'Starta steget' }).click();
    await expect.poll(() => next.textContent(), { timeout: 15_000 }).toContain(`Pågår nu: ${served}`);
    expect(await wcagViolations(officer)).toEqual([]);
    await officer.getByRole('button', { name: 'Klart', exact: true }).click();
    // The board hears it over its event stream: the step is done, in words, in the table.
    const servedRow = table.locator('tbody tr', { hasText: served }).filter({ hasText: 'Information om beslut' });
    await expect.poll(() => servedRow.first().textContent(), { timeout: 15_000 }).toContain('Klart');

    // H08 calls: they will be late. The event re-plans the day at once.
    const events = board.locator('form[aria-labelledby="mp-events-title"]');
    await events.getByLabel('Vad har hänt?').selectOption('late_arrival');
    const h08 = await events.getByLabel('Hushåll').locator('option', { hasText: 'H08' }).getAttribute('value');
    await events.getByLabel('Hushåll').selectOption(h08 ?? '');
    await events.getByLabel('Ny ankomsttid').fill('13:30');
    await events.getByRole('button', { name: 'Registrera och planera om' }).click();
    await status(board, 'Händelsen är registrerad');
    expect(await board.locator('.mp-events').textContent()).toContain('H08 kommer sent, ny tid 13:30.');
    // And once more with the one action.
    await board.getByRole('button', { name: 'Planera om', exact: true }).click();
    await status(board, 'Plan version 3 klar');

    // The phone shows the new arrival and the new times without a reload, and says that they changed.
    await expect.poll(() => phone.locator('.mp-it-facts dd').nth(1).textContent(), { timeout: 15_000 }).toBe('13:30');
    await expect.poll(firstStart, { timeout: 15_000 }).not.toBe(before);
    expect((await firstStart()) >= '13:30').toBe(true);
    expect(await phone.locator('.mp-it-changed').textContent()).not.toBe('');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await wcagViolations(phone)).toEqual([]);

    // In Arabic: right to left, still nothing for axe, still no sideways scrolling.
    await phone.getByLabel('زبان').selectOption('ar');
    await expect.poll(() => phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await phone.locator('h1').textContent()).toBe('يومكم في Mötesplats');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await wcagViolations(phone)).toEqual([]);

    // The lead-time report for the day, beside the 3–4-week baseline.
    await board.getByRole('link', { name: 'Ledtid per dag' }).click();
    await board.getByRole('heading', { level: 1, name: 'Mötesplats: ledtid' }).waitFor();
    await board.getByLabel('Från', { exact: true }).fill(DATE);
    await board.getByLabel('Till', { exact: true }).fill(DATE);
    await board.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => board.locator('.mp-table tbody tr').first().textContent(), { timeout: 15_000 }).toContain(DATE);
    expect(await board.locator('.mp-stale').textContent()).toContain('21–28 dagar');
    expect(await wcagViolations(board)).toEqual([]);

    // Every visitor language names the agencies in its own words and fits a 375 px screen.
    const languages: Array<[string, string, string]> = [['sv', 'ltr', 'Skatteverket'], ['en', 'ltr', 'Swedish Tax Agency'], ['ti', 'ltr', 'ቤት ጽሕፈት ግብሪ'], ['so', 'ltr', "Hay'adda Canshuuraha"], ['uk', 'ltr', 'Податкова служба'], ['fa', 'rtl', 'ادارهٔ مالیات']];
    for (const [code, dir, taxAgency] of languages) {
      await phone.locator('#visit-language').selectOption(code);
      await expect.poll(() => phone.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([code, dir]);
      expect(await phone.locator('.mp-it-member').textContent()).toContain(taxAgency);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
  });

  it('staffs a new day by copying the demo day, then plans it', async () => {
    const board = await logIn('samordnare.vaxjo');
    // Wednesday: no staffing yet, so the editor is open and the day cannot be planned with anyone.
    await board.goto(`${vaxjo.app.url}/kontor/${vaxjo.office.id}/motesplats?datum=2026-12-02`);
    const editor = board.getByRole('form', { name: 'Ändra dagens bemanning' });
    await editor.getByLabel('Kopiera bemanningen från dagen').fill(DATE);
    await editor.getByRole('button', { name: 'Hämta bemanningen' }).click();
    await status(board, 'Bemanningen från 2026-12-01 är inläst');
    // A shift that ends before it starts is caught before saving, and linked from the summary.
    await editor.getByLabel('Slutar').first().fill('07:00');
    await editor.getByRole('button', { name: 'Spara bemanningen' }).click();
    const summary = editor.locator('.admin-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Handläggare 1: passet måste sluta efter att det börjar.');
    expect(await wcagViolations(board)).toEqual([]);
    await editor.getByLabel('Slutar').first().fill('16:30');
    await editor.getByRole('button', { name: 'Spara bemanningen' }).click();
    await status(board, 'Bemanningen är sparad');
    await expect.poll(() => board.locator('.mp-resources').textContent(), { timeout: 15_000 }).toContain('MV: 2 handläggare');
    await register(board, { language: 'ti', arrival: '09:00', members: [{ name: 'Selam', year: '1993', interpreter: true }] });
    await status(board, 'Hushållet H01 är registrerat');
    await board.getByRole('button', { name: 'Planera dagen' }).click();
    await status(board, 'Plan version 1 klar');
    expect(await board.locator('.mp-table tbody tr', { hasText: 'H01' }).count()).toBeGreaterThan(3);
    expect(await board.locator('#mp-unplanned-title').count()).toBe(0);
  });
});
