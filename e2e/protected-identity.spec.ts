// Protected identity in a real browser (docs/motesplats.md, "Protected identity"): the coordinator
// registers a household with a member marked as having protected identity, sees the name marked on the
// board, plans the day, and the household's own itinerary page names nobody, in Arabic and in Swedish,
// with no axe-core (WCAG 2.1 AA) violations on the board or the phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wcagViolations } from './support/browser.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { logIn as logInAs } from './support/login.ts';

let vaxjo: Vaxjo;
// The seeded demo day with its stations and interpreters (server/src/db/seed/demo-motesplats.ts).
const DATE = '2026-12-01';

beforeAll(async () => {
  vaxjo = await openVaxjo();
});
afterAll(async () => {
  await vaxjo?.stop();
});

const logIn = async (username: string): Promise<Page> => logInAs(await vaxjo.newPage('sv'), vaxjo.app.url, username);

const status = (page: Page, text: string) => page.locator('[role="status"]', { hasText: text }).first().waitFor({ timeout: 20_000 });

describe('Protected identity', () => {
  it('registers a protected member; the itinerary link shows no name', async () => {
    const board = await logIn('samordnare.vaxjo');
    await board.goto(`${vaxjo.app.url}/kontor/${vaxjo.office.id}/motesplats?datum=${DATE}`);
    await board.getByRole('heading', { level: 2, name: 'Registrera hushåll' }).waitFor({ timeout: 20_000 });
    const form = board.locator('form[data-form="register"]');
    await form.getByLabel('Hushållets språk').selectOption('ar');
    await form.getByLabel('Ankomsttid').fill('11:30');
    const first = form.getByRole('group', { name: 'Person 1' });
    await first.getByLabel('Förnamn').fill('Leyla');
    await first.getByLabel('Födelseår').fill('1988');
    await first.getByLabel('Behöver tolk').check();
    await first.getByLabel(/Skyddad identitet/).check();
    await form.getByRole('button', { name: 'Lägg till person' }).click();
    const second = form.getByRole('group', { name: 'Person 2' });
    await second.getByLabel('Förnamn').fill('Omid');
    await second.getByLabel('Födelseår').fill('2015');
    await form.getByRole('button', { name: 'Registrera hushållet' }).click();
    await status(board, 'Hushållet H07 är registrerat');
    // The coordinator sees the name, marked, so it is not said aloud.
    await expect.poll(() => board.locator('.mp-households').textContent(), { timeout: 15_000 }).toContain('Leyla (skyddad identitet)');

    await board.getByRole('button', { name: 'Planera dagen' }).click();
    await status(board, 'Plan version 1 klar');
    expect(await wcagViolations(board)).toEqual([]);

    const href = (await board.getByRole('link', { name: 'Hushållets egen resplan (H07)' }).getAttribute('href')) ?? '';
    const phone = await vaxjo.newPage('sv', { width: 375, height: 740 });
    await phone.goto(vaxjo.app.url + href);
    await phone.locator('.mp-stop').first().waitFor({ timeout: 20_000 });
    expect(await phone.evaluate(() => document.documentElement.lang)).toBe('ar');
    const text = async () => (await phone.locator('body').textContent()) ?? '';
    expect(await text()).not.toMatch(/Leyla|Omid/);
    expect(await text()).toContain('الشخص 1');
    expect(await wcagViolations(phone)).toEqual([]);

    await phone.locator('#visit-language').selectOption('sv');
    await expect.poll(() => phone.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(await text()).toContain('Namn visas inte på den här sidan.');
    expect(await text()).toContain('Person 2');
    expect(await text()).not.toMatch(/Leyla|Omid/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await wcagViolations(phone)).toEqual([]);
  });
});
