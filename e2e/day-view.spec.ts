// The office manager's day view in a real browser: the manager is sent to log in and back, sees a
// ticket taken at the kiosk (through the API) appear in the waiting count live, and axe-core finds
// nothing on the page, on a desktop and on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Office, Service } from '../contracts/registry.ts';
import { openPage, wcagViolations } from './support/browser.ts';
import type { RunningApp } from './support/server.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { submitLogin } from './support/login.ts';

let vaxjo: Vaxjo;
let app: RunningApp;
let browser: Browser;
let office: Office;
let service: Service;

beforeAll(async () => {
  vaxjo = await openVaxjo();
  ({ app, browser, office } = vaxjo);
  service = vaxjo.serviceOf('FK');
});
afterAll(async () => vaxjo?.stop());

async function managerPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await openPage(browser, 'sv', viewport);
  // Not logged in yet: the day view sends the manager to the login page and back.
  await page.goto(`${app.url}/kontor/${office.id}/dag`);
  await submitLogin(page, 'chef.vaxjo');
  await page.waitForURL(/\/dag$/);
  await page.locator('.day-cards').waitFor({ timeout: 15_000 });
  return page;
}

const waitingNow = (page: Page) => page.locator('.day-cards div', { hasText: 'Väntar nu' }).locator('dd').textContent();

async function takeTicket(): Promise<string> {
  const res = await fetch(`${app.url}/api/v1/offices/${office.id}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceIds: [service.id], language: 'sv' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { number: string }).number;
}

describe('day view', () => {
  it('shows a new ticket in the waiting count live, and has no WCAG violations', async () => {
    const page = await managerPage();
    expect(await page.locator('h1').textContent()).toContain('Växjö');
    const before = Number(await waitingNow(page));

    await takeTicket();
    // Over the event stream (throttled to one fetch per 2 s): well before the 15 s fallback poll.
    await expect.poll(() => waitingNow(page), { timeout: 8_000 }).toBe(String(before + 1));
    const queueRow = page.locator('.day-table tbody tr', { hasText: 'Försäkringskassan' });
    expect(await queueRow.locator('th').textContent()).toMatch(/^A /);

    expect(await wcagViolations(page), 'day view').toEqual([]);
    await page.getByText('Visa siffrorna som tabell').click();
    await expect.poll(() => page.locator('.day-chart-table table').isVisible()).toBe(true);
    expect(await wcagViolations(page), 'day view with the hourly table open').toEqual([]);
    await page.context().close();
  });

  it('works on a phone without sideways scrolling, shows another day, and is linked from the desk', async () => {
    const page = await managerPage({ width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page), 'day view on a phone').toEqual([]);

    // Another day: the whole day's figures, without the "now" ones.
    await page.getByLabel('Visa en annan dag').fill('2026-11-30');
    await page.getByRole('button', { name: 'Visa dagen' }).click();
    await page.waitForURL(/\?dag=2026-11-30$/);
    await expect.poll(() => page.locator('.day-updated').textContent()).toContain('hela dagen');
    expect(await page.locator('.day-cards').textContent()).not.toContain('Väntar nu');

    await page.goto(`${app.url}/kontor/${office.id}/disk`);
    await page.getByRole('link', { name: 'Dagsöversikt för kontoret' }).click();
    await page.waitForURL(/\/dag$/);
    await page.locator('.day-cards').waitFor();
    await page.context().close();
  });
});
