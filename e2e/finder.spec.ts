// The public office finder in a real browser: search forgivingly for Växjö, open its office page,
// read it in Swedish and Arabic (right to left), and check every public page with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function newPage(lang: 'sv' | 'en' | 'ar', viewport = { width: 1280, height: 900 }): Promise<Page> {
  return openPage(browser, lang, viewport);
}

async function vaxjoOfficeUrl(): Promise<string> {
  const res = await fetch(`${app.url}/api/v1/search?q=vaxjo&kinds=office`);
  const hits = (await res.json()) as Array<{ id: string; label: string }>;
  const office = hits.find((h) => h.label.includes('Växjö'));
  if (!office) throw new Error('no Växjö office in the demo network');
  return `/kontor/${office.id}`;
}

describe('office finder', () => {
  it('finds Växjö from "vaxjo" and opens its office page in Swedish', async () => {
    const page = await newPage('sv');
    await page.goto(app.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByLabel('Sök ort, kommun, tjänst eller myndighet').fill('vaxjo');
    const place = page.locator('.hit-group').filter({ hasText: 'Orter' }).getByRole('button', { name: /^Växjö/ }).first();
    await place.click();
    // Offices are now listed by distance from Växjö: the nearest is the Växjö office.
    const firstOffice = page.locator('.office-list a').first();
    await expect.poll(() => firstOffice.textContent(), { timeout: 15_000 }).toContain('Växjö');
    await firstOffice.click();
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toContain('Växjö');
    const body = await page.locator('main').textContent();
    expect(body).toContain('Mötesplats');
    expect(body).toContain('Försäkringskassan');
    expect(body).toContain('Öppettider');
    await page.context().close();
  });

  it('shows the Växjö office page in Arabic, right to left', async () => {
    const page = await newPage('ar');
    await page.goto(app.url + (await vaxjoOfficeUrl()));
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 15_000 }).toContain('Växjö');
    expect(await page.locator('main').textContent()).toContain('مواعيد العمل');
    // Switching back to Swedish from the language menu turns the page left to right again.
    await page.locator('#language').selectOption('sv');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.context().close();
  });

  it('works on a phone: no sideways scrolling on the finder and the office page', async () => {
    const page = await newPage('sv', { width: 375, height: 740 });
    for (const path of ['/', await vaxjoOfficeUrl()]) {
      await page.goto(app.url + path);
      await page.waitForSelector('h1');
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const pages = ['/', 'office', '/?place=56.8777,14.8091&placeName=V%C3%A4xj%C3%B6', '/logga-in', '/finns-inte'];
  for (const lang of ['sv', 'en', 'ar'] as const) {
    for (const path of pages) {
      it(`${path} in ${lang} has no violations`, async () => {
        const page = await newPage(lang);
        const url = path === 'office' ? await vaxjoOfficeUrl() : path;
        await page.goto(app.url + url);
        await page.waitForSelector('h1');
        await page.waitForLoadState('networkidle');
        expect(await wcagViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
