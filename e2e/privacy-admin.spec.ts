// The data protection page in a real browser: the admin logs in, sees the retention policy, previews a run,
// gets a field-named error for a bad phone number, previews an erasure; axe-core finds nothing and the
// page does not scroll sideways at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { logIn } from './support/login.ts';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  await context.addInitScript(() => localStorage.setItem('lang', 'sv'));
  page = await context.newPage();
  await logIn(page, app.url, 'admin');
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('data protection page', () => {
  it('is linked from the admin navigation and shows the policy in force', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Dataskydd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dataskydd och gallring' }).waitFor();
    await expect.poll(() => page.getByText('tas bort 30 dagar efter besöksdagen').count()).toBe(1);
    expect(await page.getByText('Gallringen har inte körts ännu.').count()).toBe(1);
  });

  it('previews a retention run', async () => {
    await page.getByRole('button', { name: 'Förhandsgranska nu' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringContaining('Förhandsgranskning'));
    expect(await page.getByRole('table', { name: 'Förhandsgranska gallring' }).count()).toBe(1);
  });

  it('shows a bad phone number in the error summary, then previews an erasure', async () => {
    await page.getByLabel('Vad ska raderas?').selectOption('phone');
    await page.getByLabel('Mobilnummer').fill('12345');
    await page.getByRole('button', { name: 'Förhandsgranska radering' }).click();
    const summary = page.locator('.admin-error-summary');
    await expect.poll(() => summary.textContent()).toContain('svenskt mobilnummer');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('erasure-value');

    await page.getByLabel('Mobilnummer').fill('070-123 45 67');
    await page.getByRole('button', { name: 'Förhandsgranska radering' }).click();
    await page.getByRole('heading', { name: 'Det här skulle raderas' }).waitFor();
    expect(await page.getByRole('button', { name: 'Radera uppgifterna' }).count()).toBe(1);
  });

  it('has no WCAG violations and no sideways scroll at 375 px', async () => {
    expect(await wcagViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
