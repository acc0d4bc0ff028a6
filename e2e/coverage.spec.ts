// The planner's coverage page in a real browser: Kronoberg's county planner is sent to log in and back,
// starts in their county, closes Växjö's office from the map with the keyboard and sees Kronoberg's
// figures change, asks for new sites, and axe-core finds nothing on the page at any step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { submitLogin } from './support/login.ts';

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

async function plannerPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await openPage(browser, 'sv', viewport);
  await page.goto(`${app.url}/planering`);
  await submitLogin(page, 'planerare.kronoberg');
  await page.waitForURL(/\/planering/);
  // The first analysis builds the travel matrix for the offices.
  await page.locator('.key-figures').waitFor({ timeout: 30_000 });
  return page;
}

const meanFigure = (page: Page) => page.locator('.key-figures [data-figure="mean"] dd').textContent();
const kronobergRow = (page: Page) => page.locator('table[data-table="cov-counties"] tr[data-code="07"]');

describe('coverage planning page', () => {
  it('closes Växjö from the map and shows Kronoberg\'s figures change, without WCAG violations', async () => {
    const page = await plannerPage();
    // A county planner starts in their county.
    expect(await page.locator('.key-figures h2').textContent()).toContain('Kronoberg');
    expect(await page.getByLabel('Visa', { exact: true }).inputValue()).toBe('07');
    const before = await meanFigure(page);
    expect(before).toMatch(/^\d+,\d min$/);
    expect(await kronobergRow(page).locator('[data-figure="mean"]').textContent()).toBe(before!.replace(' min', ''));
    expect(await wcagViolations(page), 'planner page').toEqual([]);

    // Keyboard: the map's offices are one tab stop; Enter closes the focused office.
    const marker = page.getByRole('button', { name: 'Stäng Servicekontor Växjö i scenariot' });
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/stang=/);
    await expect.poll(() => meanFigure(page), { timeout: 15_000 }).toContain('→');
    const after = (await meanFigure(page))!;
    const [was, now] = after.split('→').map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(now).toBeGreaterThan(was!);
    expect(await marker.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'Stäng Servicekontor Växjö' }).isChecked()).toBe(true);
    // The county row shows the new figure with the old one beside it.
    expect(await kronobergRow(page).locator('[data-figure="mean"]').textContent()).toContain('före');
    expect(await page.locator('.scenario-summary[data-summary="closure"]').textContent()).toContain('Stängningen berör');
    await page.getByRole('table', { name: /Vart de som hade ett stängt kontor/ }).waitFor();
    expect(await wcagViolations(page), 'planner page with Växjö closed').toEqual([]);

    // Two new sites in Kronoberg, drawn and listed with their gain.
    await page.getByLabel('Antal nya platser').fill('2');
    await page.getByRole('button', { name: 'Föreslå platser' }).click();
    const sites = page.getByRole('table', { name: /Föreslagna nya platser/ });
    await sites.waitFor({ timeout: 20_000 });
    expect(await sites.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('.scenario-summary[data-summary="sites"]').textContent()).toContain('2 nya platser');
    expect(await wcagViolations(page), 'planner page with new sites').toEqual([]);

    // The CSV export links carry the scenario.
    const href = await page.getByRole('link', { name: /Ladda ner Föreslagna nya platser/ }).getAttribute('href');
    expect(href).toMatch(/table=new-sites/);
    expect(href).toMatch(/close=/);
    await page.context().close();
  });

  it('switches service and the whole country, in English, on a phone without sideways scrolling', async () => {
    const page = await plannerPage({ width: 375, height: 740 });
    await page.getByLabel('Visa', { exact: true }).selectOption('');
    await expect.poll(() => page.locator('.key-figures h2').textContent(), { timeout: 15_000 }).toContain('Sverige');
    const service = page.getByLabel('Tjänst', { exact: true });
    const options = await service.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(2);
    await service.selectOption({ index: 1 });
    await page.waitForURL(/tjanst=/);
    await page.locator('.key-figures').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await wcagViolations(page), 'planner page on a phone').toEqual([]);

    await page.getByLabel('Språk').selectOption('en').catch(async () => page.locator('#language').selectOption('en'));
    await expect.poll(() => page.locator('h1').textContent()).toBe('Coverage planning');
    expect(await wcagViolations(page), 'planner page in English').toEqual([]);
    await page.context().close();
  });
});
