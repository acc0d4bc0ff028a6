// Mötesplats pathway templates in a real browser (issue 5, point 1): the Växjö coordinator opens the
// templates from the board, makes a copy of the standard template, makes two steps wait for each other,
// meets the error summary naming the circle (the API's validation, in Swedish), fixes it, saves and finds
// the change after a reload; with an unsaved change, a link away asks first and "stay" keeps the edit;
// "save as a new template" opens the copy with the change. axe-core finds nothing on the list and the
// editor (with the error shown, with the warning open), and the editor needs no sideways scrolling at 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Template } from '../contracts/motesplats.ts';
import { wcagViolations } from './support/browser.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { logIn as logInAs } from './support/login.ts';

let vaxjo: Vaxjo;

beforeAll(async () => {
  vaxjo = await openVaxjo();
});
afterAll(async () => {
  await vaxjo?.stop();
});

const logIn = async (username: string): Promise<Page> => logInAs(await vaxjo.newPage('sv'), vaxjo.app.url, username);

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

    // An unsaved change: a link away asks first (a modal dialog, "stay" focused), and staying keeps it;
    // a reload or closing the tab gets the browser's own question.
    const minutes = () => page.getByRole('group', { name: /^Steg 1 \(/ }).getByLabel('Minuter', { exact: true });
    await minutes().fill('25');
    await page.getByRole('link', { name: 'Till kontorets mallar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Du har ändringar som inte är sparade' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.textContent()).toContain('Om du lämnar sidan nu försvinner ändringarna i mallen.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stanna kvar');
    expect(await wcagViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toMatch(/\/mallar\/[^/]+$/);
    expect(await minutes().inputValue()).toBe('25');
    expect(await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    })).toBe(true);

    // Saved as a new template (a name first): the copy opens with the change; this one stays as saved.
    await page.getByRole('button', { name: 'Spara som ny mall' }).click();
    await expect.poll(() => page.locator('.admin-error-summary').textContent(), { timeout: 10_000 }).toContain('Skriv ett namn på mallen.');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('aria-labelledby'))).toBe('mp-tpl-new-title');
    expect(await page.locator('#mp-tpl-new-name').getAttribute('aria-invalid')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByLabel('Namn på den nya mallen').fill('Växjö, längre möte');
    await page.getByRole('button', { name: 'Spara som ny mall' }).click();
    await page.getByRole('heading', { level: 1, name: /Växjö, längre möte/ }).waitFor({ timeout: 20_000 });
    await page.getByText(/steg, version 1,/).waitFor({ timeout: 10_000 });
    expect(await minutes().inputValue()).toBe('25');
    expect(await pathway.locator('li').first().textContent()).toContain('25 min + 5 min per person');
    expect(await wcagViolations(page)).toEqual([]);
    const templates = (await (await page.request.get(`${vaxjo.app.url}/api/v1/motesplats/offices/${vaxjo.office.id}/templates`)).json()) as Template[];
    expect(templates.find((x) => x.name === 'Växjö, prov')!.steps[0]!.durationMin).toBe(20);
    expect(templates.find((x) => x.name === 'Växjö, längre möte')!.steps[0]!.durationMin).toBe(25);

    // On a phone: no sideways scrolling; the new template is clean, so the link away does not ask.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: 'Till kontorets mallar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kontorets mallar (3)' }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
