// Staff side in a real browser: log in, edit an office, see the server's rule refusal in the error
// summary, save a valid change, and check the admin pages with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;

async function officeId(tier: string, nameLike?: string): Promise<string> {
  const list = (await (await fetch(`${app.url}/api/v1/offices?tier=${tier}`)).json()) as Array<{ id: string; name: string }>;
  const found = list.find((o) => !nameLike || o.name.includes(nameLike));
  if (!found) throw new Error(`no ${tier} office`);
  return found.id;
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('lang', 'sv'));
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('registry administration', () => {
  it('refuses a wrong password and logs in the admin', async () => {
    await page.goto(`${app.url}/logga-in`);
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill('wrong-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('fel');
    await page.getByLabel('Lösenord').fill('demo-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/admin/);
  });

  it('shows the servicecenter rule when a weekday is closed, and saves a valid change', async () => {
    const id = await officeId('servicecenter');
    type Hours = Array<{ weekday: number; opens: string; closes: string }>;
    const hoursOf = async () => ((await (await fetch(`${app.url}/api/v1/offices/${id}`)).json()) as { openingHours: Hours }).openingHours;
    const before = await hoursOf();
    await page.goto(`${app.url}/admin/kontor/${id}`);
    const wednesdayClosed = page.locator('#office-hours-3-closed');
    await wednesdayClosed.waitFor();
    await wednesdayClosed.check();
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    const summary = page.locator('.admin-error-summary');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toMatch(/vardag/i);

    // Reopening Wednesday brings its hours back; the save goes through and nothing was lost.
    await wednesdayClosed.uncheck();
    await page.getByLabel('Antal kunddiskar').fill('2');
    await page.getByRole('button', { name: 'Spara ändringar' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 }).toContain('Ändringarna är sparade.');
    expect(await hoursOf()).toEqual(before);
    const saved = (await (await fetch(`${app.url}/api/v1/offices/${id}`)).json()) as { counters: number };
    expect(saved.counters).toBe(2);
  });

  it('has no WCAG 2.1 AA violations on the admin pages', async () => {
    const vaxjo = await officeId('servicekontor', 'Växjö');
    for (const path of ['/admin/kontor', `/admin/kontor/${vaxjo}`, '/admin/tjanster', '/admin/myndigheter', '/admin/regelkontroll', '/admin/anvandare']) {
      await page.goto(app.url + path);
      await page.waitForSelector('h1');
      await page.waitForLoadState('networkidle');
      expect(await wcagViolations(page), path).toEqual([]);
    }
  });
});
