// The visit flow in real browsers at once: a visitor takes a ticket at the Växjö kiosk, the officer
// calls it at the desk, and the display board and the visitor's phone show the call; axe-core on the
// kiosk, ticket page and board in Swedish, Arabic and Dari/Persian (both right to left).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Office, Service } from '../contracts/registry.ts';
import QRCode from 'qrcode';
import { openPage, wcagViolations } from './support/browser.ts';
import type { RunningApp } from './support/server.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { logIn } from './support/login.ts';

let vaxjo: Vaxjo;
let app: RunningApp;
let browser: Browser;
let office: Office;
let service: Service;
const json = <T,>(path: string) => vaxjo.json<T>(path);

beforeAll(async () => {
  vaxjo = await openVaxjo();
  ({ app, browser, office } = vaxjo);
  service = vaxjo.serviceOf('FK');
});
afterAll(async () => vaxjo?.stop());

type Lang = 'sv' | 'ar' | 'fa';
const LANGUAGE_BUTTON: Record<Lang, string> = { sv: 'Svenska', ar: 'العربية', fa: 'دری/فارسی' };

async function newPage(lang: Lang = 'sv', viewport = { width: 1280, height: 900 }): Promise<Page> {
  return openPage(browser, lang, viewport);
}

/** Takes a ticket for the Försäkringskassan errand at the kiosk, in the given language; returns its number. */
async function takeTicket(kiosk: Page, lang: Lang): Promise<string> {
  await kiosk.goto(`${app.url}/kontor/${office.id}/kiosk`);
  await kiosk.getByRole('button', { name: LANGUAGE_BUTTON[lang] }).click();
  await kiosk.getByLabel(service.nameSv).check();
  await kiosk.locator('button[type="submit"]').click();
  const number = kiosk.locator('.kiosk-ticket .ticket-number');
  await number.waitFor({ timeout: 15_000 });
  return ((await number.textContent()) ?? '').trim();
}

describe('visit flow', () => {
  it('takes a ticket at the kiosk, calls it at the desk, and shows the call on the board and the phone', async () => {
    const board = await newPage();
    await board.goto(`${app.url}/kontor/${office.id}/skarm`);
    await board.locator('.board-empty').first().waitFor();

    const desk = await newPage();
    await logIn(desk, app.url, 'handlaggare.vaxjo');
    await desk.goto(`${app.url}/kontor/${office.id}/disk`);
    await desk.getByLabel('Luckans namn').fill('Lucka 3');

    const kiosk = await newPage('sv', { width: 1024, height: 768 });
    const number = await takeTicket(kiosk, 'sv');
    expect(number).toMatch(/^A\d{3}$/);
    expect(await kiosk.locator('.queue-info').textContent()).toMatch(/näst på tur|före dig/);

    // The visitor follows the address shown on the kiosk on their phone.
    const href = await kiosk.locator('.kiosk-url a').getAttribute('href');
    const phone = await newPage('sv', { width: 375, height: 740 });
    await phone.goto(app.url + href);
    await expect.poll(() => phone.locator('.ticket-state').textContent(), { timeout: 15_000 }).toContain('Du står i kön');
    expect(await phone.locator('h1').textContent()).toContain(number);

    // The desk polls the queues: Försäkringskassan's queue A appears, served by default.
    const queueA = desk.getByRole('checkbox', { name: /^A Försäkringskassan/ });
    await queueA.waitFor({ timeout: 15_000 });
    expect(await queueA.isChecked()).toBe(true);
    await desk.getByRole('button', { name: 'Kalla nästa' }).click();
    await expect.poll(() => desk.locator('#desk-current-title').textContent(), { timeout: 15_000 }).toContain(number);

    // Live over the event streams: well within the 10 s the pages would take when falling back to polling.
    await expect.poll(() => board.locator('.board-latest').textContent(), { timeout: 5_000 }).toContain(number);
    expect(await board.locator('.board-latest').textContent()).toContain('Lucka 3');
    await expect.poll(() => phone.getByRole('alert').textContent(), { timeout: 5_000 }).toContain('Din tur! Gå till Lucka 3');

    // Service begins and ends; the phone follows along.
    await desk.getByRole('button', { name: 'Påbörja besöket' }).click();
    await expect.poll(() => phone.locator('.ticket-state').textContent(), { timeout: 5_000 }).toContain('Du får hjälp vid Lucka 3');
    await desk.getByRole('button', { name: 'Avsluta besöket' }).click();
    await desk.getByRole('button', { name: 'Spara och avsluta' }).waitFor();
    expect(await wcagViolations(desk), 'desk with the finish form').toEqual([]);
    await desk.getByRole('button', { name: 'Spara och avsluta' }).click();
    await expect.poll(() => desk.getByRole('status').allTextContents(), { timeout: 15_000 }).toContain(`Besöket ${number} är avslutat.`);
    await expect.poll(() => phone.locator('.ticket-state').textContent(), { timeout: 15_000 }).toContain('Ditt besök är avslutat');

    for (const page of [board, desk, kiosk, phone]) await page.context().close();
  });

  it('asks for an errand and a valid number before giving a ticket, and explains a wrong booking code', async () => {
    const kiosk = await newPage();
    await kiosk.goto(`${app.url}/kontor/${office.id}/kiosk`);
    await kiosk.getByRole('button', { name: 'Svenska' }).click();
    await kiosk.getByRole('button', { name: 'Ta kölapp' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('Välj minst ett ärende.');
    await kiosk.getByLabel(service.nameSv).check();
    await kiosk.getByLabel('Mobilnummer (frivilligt)').fill('12345');
    await kiosk.getByRole('button', { name: 'Ta kölapp' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('svenskt mobilnummer');

    await kiosk.getByRole('button', { name: /checka in med bokningskod/ }).click();
    await kiosk.getByRole('textbox', { name: 'Bokningskod' }).fill('ZZZZ9999');
    await kiosk.getByRole('button', { name: 'Checka in', exact: true }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('Vi hittar ingen bokning med den koden');
    await kiosk.context().close();
  });

  it('the board shows "Återansluter …" while its stream fails, then recovers and shows new calls', async () => {
    const board = await newPage();
    const events = `**/api/v1/offices/${office.id}/events`;
    await board.route(events, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }));
    await board.goto(`${app.url}/kontor/${office.id}/skarm`);
    await expect.poll(() => board.locator('.board-connection').textContent(), { timeout: 10_000 }).toContain('Återansluter');
    await board.unroute(events);
    await expect.poll(() => board.locator('.board-connection').textContent(), { timeout: 15_000 }).toBe('');

    // Spoken calls are switched on with a button (browsers want a gesture first).
    const sound = board.getByRole('button', { name: /Uppläsning/ });
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('true');

    // Another officer calls someone: the recovered stream brings it at once.
    const taken = await fetch(`${app.url}/api/v1/offices/${office.id}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceIds: [service.id], language: 'sv' }),
    });
    expect(taken.status).toBe(201);
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'chef.vaxjo', password: 'demo-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const queues = await json<Array<{ id: string }>>(`/offices/${office.id}/queues`);
    const called = await fetch(`${app.url}/api/v1/offices/${office.id}/desk/call-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ counterName: 'Lucka 5', queueIds: queues.map((q) => q.id) }),
    });
    expect(called.status).toBe(200);
    const { number } = (await called.json()) as { number: string };
    await expect.poll(() => board.locator('.board-latest').textContent(), { timeout: 5_000 }).toContain(number);
    expect(await board.locator('.board-latest').textContent()).toContain('Lucka 5');
    await board.context().close();
  });
});

describe('accessibility of the visit pages (axe-core, WCAG 2.1 AA)', () => {
  for (const lang of ['sv', 'ar', 'fa'] as const) {
    it(`kiosk and ticket page in ${lang} have no violations`, async () => {
      const kiosk = await newPage(lang, { width: 1024, height: 768 });
      await kiosk.goto(`${app.url}/kontor/${office.id}/kiosk`);
      await kiosk.locator('.kiosk-languages').waitFor();
      expect(await wcagViolations(kiosk), 'language screen').toEqual([]);

      await kiosk.getByRole('button', { name: LANGUAGE_BUTTON[lang] }).click();
      await kiosk.locator('.kiosk-form').waitFor();
      expect(await kiosk.locator('html').getAttribute('lang')).toBe(lang);
      expect(await kiosk.locator('html').getAttribute('dir')).toBe(lang === 'sv' ? 'ltr' : 'rtl');
      expect(await wcagViolations(kiosk), 'services screen').toEqual([]);

      // The error summary too.
      await kiosk.locator('button[type="submit"]').click();
      await kiosk.locator('.kiosk-errors').waitFor();
      expect(await wcagViolations(kiosk), 'services screen with error').toEqual([]);

      const number = await takeTicket(kiosk, lang);
      expect(await wcagViolations(kiosk), 'ticket confirmation').toEqual([]);

      // The ticket page opens in the ticket's language, whatever the phone was set to before.
      const href = await kiosk.locator('.kiosk-url a').getAttribute('href');
      const phone = await newPage('sv', { width: 375, height: 740 });
      await phone.goto(app.url + href);
      await expect.poll(() => phone.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe(lang);
      await expect.poll(() => phone.locator('h1').textContent(), { timeout: 15_000 }).toContain(number);
      expect(await wcagViolations(phone), 'ticket page').toEqual([]);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'ticket page on a phone').toBeLessThanOrEqual(0);

      await kiosk.context().close();
      await phone.context().close();
    });

    it(`display board with the browser in ${lang} has no violations`, async () => {
      const board = await newPage(lang, { width: 1920, height: 1080 });
      await board.goto(`${app.url}/kontor/${office.id}/skarm`);
      await board.locator('.board-calls').waitFor();
      await expect.poll(() => board.locator('h1').textContent(), { timeout: 15_000 }).toContain('Växjö');
      expect(await board.locator('html').getAttribute('lang')).toBe('sv');
      expect(await wcagViolations(board)).toEqual([]);
      await board.context().close();
    });
  }

  it('kiosk works on a phone without sideways scrolling', async () => {
    const phone = await newPage('sv', { width: 375, height: 740 });
    await phone.goto(`${app.url}/kontor/${office.id}/kiosk`);
    await phone.getByRole('button', { name: 'Svenska' }).click();
    await phone.locator('.kiosk-form').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.context().close();
  });

  it('the QR poster and the board lead a phone to the kiosk page', async () => {
    const kiosk = `${app.url}/kontor/${office.id}/kiosk`;
    // What the page must draw: the same library, the same options, the kiosk's address.
    const expected = await QRCode.toString(kiosk, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    const poster = await newPage('sv');
    await poster.goto(`${app.url}/kontor/${office.id}/affisch`);
    const image = poster.getByRole('img', { name: `QR-kod till kölappen: ${kiosk}` });
    await image.waitFor();
    const drawn = decodeURIComponent((await image.getAttribute('src'))!.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(drawn).toBe(expected);
    // The invitation in all seven visitor languages, each marked with its language and direction.
    expect(await poster.locator('.poster-languages li').evaluateAll((items) => items.map((li) => `${li.getAttribute("lang")}:${li.getAttribute("dir")}`)))
      .toEqual(['sv:ltr', 'en:ltr', 'ar:rtl', 'fa:rtl', 'ti:ltr', 'so:ltr', 'uk:ltr']);
    expect(await wcagViolations(poster), 'poster').toEqual([]);
    await poster.context().close();

    const board = await newPage('sv');
    await board.goto(`${app.url}/kontor/${office.id}/skarm`);
    await board.getByRole('img', { name: `QR-kod till kölappen: ${kiosk}` }).waitFor();
    await board.context().close();
  });
});
