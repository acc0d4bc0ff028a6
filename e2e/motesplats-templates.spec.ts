// Mötesplats pathway templates in a real browser (issue 5, point 1): the Växjö coordinator opens the
// templates from the board, makes a copy of the standard template, makes two steps wait for each other,
// meets the error summary naming the circle (the API's validation, in Swedish), fixes it, saves and finds
// the change after a reload. axe-core finds nothing on the list and the editor (with the error shown),
// and the editor needs no sideways scrolling at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wcagViolations } from './support/browser.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';

let vaxjo: Vaxjo;

beforeAll(async () => {
  vaxjo = await openVaxjo();
});
afterAll(async () => {
  await vaxjo?.stop();
});

async function logIn(username: string): Promise<Page> {
  const page = await vaxjo.newPage('sv');
  await page.goto(`${vaxjo.app.url}/logga-in`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('demo-password');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/logga-in'));
  return page;
}

describe('Mötesplats templates', () => {
  it('copies a template, refuses a cycle with the error summary, saves the fix and passes axe', async () => {
    const page = await logIn('samordnare.vaxjo');
    await page.goto(`${vaxjo.app.url}/kontor/${vaxjo.office.id}/motesplats?datum=2026-12-01`);
    await page.getByRole('link', { name: 'Mallar för dagens steg' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kontorets mallar (1)' }).waitFor({ timeout: 20_000 });
    expect(await wcagViolations(page)).toEqual([]);

    // A new template as a copy of the standard one opens in the editor.
    await page.getByLabel('Namn på den nya mallen').fill('Växjö, prov');
    await page.getByRole('button', { name: 'Skapa kopian' }).click();
    await page.getByRole('heading', { level: 1, name: /Växjö, prov/ }).waitFor({ timeout: 20_000 });
    const pathway = page.locator('.mp-pathway').first();
    expect(await pathway.locator('li').nth(1).textContent()).toContain('Efter: Migrationsverket: Information om beslut om uppehållstillstånd');

    // Migrationsverket's step after Skatteverket's, which already comes after it: a circle.
    const mv = page.getByRole('group', { name: /^Steg 1 \(Information om beslut/ });
    const afterSkv = mv.getByRole('group', { name: 'Kommer efter' }).getByLabel('Skatteverket: Folkbokföring med id-kontroll', { exact: true });
    await afterSkv.check();
    await page.getByText('De här stegen väntar på varandra i en cirkel').waitFor();
    await page.getByRole('button', { name: 'Spara mallen' }).click();
    const summary = page.locator('.admin-error-summary');
    await summary.waitFor({ timeout: 15_000 });
    const text = await summary.textContent();
    expect(text).toContain('Steg 1 (Information om beslut om uppehållstillstånd): stegen väntar på varandra i en cirkel');
    expect(text).toContain('Information om beslut om uppehållstillstånd → Folkbokföring med id-kontroll → Information om beslut om uppehållstillstånd');
    expect(await wcagViolations(page)).toEqual([]);
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Kommer efter');

    // Fixed, and Migrationsverket's meeting made longer: saved, and still there after a reload.
    await afterSkv.uncheck();
    await mv.getByLabel('Minuter', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Spara mallen' }).click();
    await page.locator('[role="status"]', { hasText: 'Mallen är sparad (version 2)' }).waitFor({ timeout: 15_000 });
    expect(await summary.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Ändra mallen' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('group', { name: /^Steg 1 \(/ }).getByLabel('Minuter', { exact: true }).inputValue()).toBe('20');
    expect(await pathway.locator('li').first().textContent()).toContain('20 min + 5 min per person');
    expect(await wcagViolations(page)).toEqual([]);

    // On a phone: no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: 'Till kontorets mallar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kontorets mallar (2)' }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
