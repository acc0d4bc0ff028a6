// Staff side in a real browser: log in, edit an office, see the server's rule refusal in the error
// summary, save a valid change, a refused weak password and the login lockout message, and check the
// admin pages with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;
/** The app's clock runs with real time, except while a test holds it still. */
let heldAt: Date | null = null;

async function officeId(tier: string, nameLike?: string): Promise<string> {
  const list = (await (await fetch(`${app.url}/api/v1/offices?tier=${tier}`)).json()) as Array<{ id: string; name: string }>;
  const found = list.find((o) => !nameLike || o.name.includes(nameLike));
  if (!found) throw new Error(`no ${tier} office`);
  return found.id;
}

beforeAll(async () => {
  app = await startApp({ clock: () => heldAt ?? new Date() });
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

  it('tells in Swedish why a new user\'s password is refused, with the strength check\'s advice', async () => {
    await page.goto(`${app.url}/admin/anvandare`);
    await page.locator('#user-username').waitFor();
    await page.locator('#user-username').fill('karin.lund');
    await page.locator('#user-display-name').fill('Karin Lund');
    await page.locator('#user-password').fill('password12');
    await page.getByLabel('Roll', { exact: true }).selectOption('planner');
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    const fieldError = page.locator('#user-password-error');
    await expect.poll(() => fieldError.textContent(), { timeout: 15_000 }).toBe('Lösenordet är för lätt att gissa. Det här är ett vanligt lösenord. Lägg till fler ord som är mindre vanliga.');
    expect(await page.locator('#user-password').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#user-password').fill('blå-kanot-vinter-92');
    await page.getByRole('button', { name: 'Skapa användaren' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 }).toContain('Karin Lund har skapats.');
  });

  it('tells how long to wait after too many failed logins, in Swedish and in English', async () => {
    heldAt = new Date();
    try {
      const wrong = () => fetch(`${app.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'planerare', password: 'gissning' }),
      });
      const loginAsPlanner = async (lang: string) => {
        const fresh = await openPage(browser, lang);
        await fresh.goto(`${app.url}/logga-in`);
        await fresh.locator('#login-username').fill('planerare');
        await fresh.locator('#login-password').fill('demo-password');
        await fresh.locator('button[type=submit]').click();
        const alert = fresh.getByRole('alert').first();
        await alert.waitFor({ timeout: 15_000 });
        const text = await alert.textContent();
        expect(fresh.url()).toContain('/logga-in');
        await fresh.context().close();
        return text;
      };
      // Five wrong passwords: the next try, even the right password, waits a second.
      for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
      expect(await loginAsPlanner('sv')).toContain('Vänta 1 sekund och försök igen.');
      // Waiting out each back-off, ten failures lock the account for 15 minutes.
      for (let failures = 5; failures < 10;) {
        const res = await wrong();
        if (res.status === 429) heldAt = new Date(heldAt.getTime() + Number(res.headers.get('retry-after')) * 1000);
        else failures++;
      }
      expect(await loginAsPlanner('sv')).toContain('Försök igen om 15 minuter.');
      expect(await loginAsPlanner('en')).toContain('Try again in 15 minutes.');
    } finally {
      heldAt = null;
    }
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
