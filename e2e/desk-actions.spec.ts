// The desk's other buttons in a real browser: an officer calls a visitor, recalls them (the board's API
// shows the recall), parks and resumes the visit, transfers it with a note to Skatteverket's queue, and
// finishes a second visitor; Skatteverket's officer then calls the transferred visitor and reads the
// note. axe-core checks the desk page in each of these states.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Office, Service } from '../contracts/registry.ts';
import type { Call, Ticket } from '../contracts/visits.ts';
import { openPage, wcagViolations } from './support/browser.ts';
import type { RunningApp } from './support/server.ts';
import { openVaxjo, type Vaxjo } from './support/vaxjo.ts';
import { submitLogin } from './support/login.ts';

const NOTE = 'Har flyttat till Växjö och behöver ändra sin folkbokföring.';

let vaxjo: Vaxjo;
let app: RunningApp;
let browser: Browser;
let office: Office;
let fkService: Service;
let skvService: Service;
const json = <T,>(path: string) => vaxjo.json<T>(path);

async function takeTicket(service: Service, phone?: string): Promise<Ticket> {
  const res = await fetch(`${app.url}/api/v1/offices/${office.id}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceIds: [service.id], language: 'sv', ...(phone ? { phone } : {}) }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Ticket;
}

/** Opens the desk, logging in on the way (the login page sends the officer back to the desk). */
async function openDesk(username: string, counter: string): Promise<Page> {
  const page = await openPage(browser);
  await page.goto(`${app.url}/kontor/${office.id}/disk`);
  await submitLogin(page, username);
  await page.waitForURL(/\/disk$/);
  await page.getByLabel('Luckans namn').fill(counter);
  return page;
}

const statusText = (page: Page) => page.getByRole('status').allTextContents();
const currentTitle = (page: Page) => page.locator('#desk-current-title').textContent();

beforeAll(async () => {
  vaxjo = await openVaxjo();
  ({ app, browser, office } = vaxjo);
  fkService = vaxjo.serviceOf('FK');
  skvService = vaxjo.serviceOf('SKV');
});
afterAll(async () => vaxjo?.stop());

describe('desk actions', () => {
  it('recalls, parks, resumes, transfers with a note, and finishes; the receiving agency reads the note', async () => {
    const first = await takeTicket(fkService, '070-123 45 67');
    const second = await takeTicket(fkService);
    await takeTicket(skvService); // opens Skatteverket's queue, the transfer's target

    const desk = await openDesk('handlaggare.vaxjo', 'Lucka 3');
    // Serve Försäkringskassan only, so the transferred visitor is not called back to this counter.
    const skvQueue = desk.getByRole('checkbox', { name: /Skatteverket/ });
    await skvQueue.waitFor({ timeout: 15_000 });
    await skvQueue.uncheck();
    expect(await wcagViolations(desk), 'desk before a call').toEqual([]);

    await desk.getByRole('button', { name: 'Kalla nästa' }).click();
    await expect.poll(() => currentTitle(desk), { timeout: 15_000 }).toContain(first.number);
    expect(await desk.locator('.desk-facts').textContent()).toContain('+46 70 *** ** 67');
    expect(await wcagViolations(desk), 'desk with a called visitor').toEqual([]);

    // Recall: the display board's API lists it as a recall at this counter.
    await desk.getByRole('button', { name: 'Ropa upp igen' }).click();
    await expect.poll(() => statusText(desk), { timeout: 15_000 }).toContain(`${first.number} har ropats upp igen.`);
    const [latest] = await json<Call[]>(`/offices/${office.id}/calls`);
    expect(latest).toMatchObject({ ticketId: first.id, counterName: 'Lucka 3', recall: true });
    expect(await desk.locator('.desk-facts').textContent()).toMatch(/Antal omrop\s*1/);

    // Park for ten minutes, then resume from the list of parked visits.
    await desk.getByRole('button', { name: 'Parkera' }).click();
    await desk.getByLabel('Parkera i antal minuter').waitFor();
    expect(await wcagViolations(desk), 'desk with the park form').toEqual([]);
    await desk.getByRole('button', { name: 'Spara och parkera' }).click();
    await expect.poll(() => statusText(desk), { timeout: 15_000 }).toContain(`${first.number} är parkerad.`);
    const resume = desk.getByRole('button', { name: `Återuppta ${first.number}` });
    await resume.waitFor();
    expect(await wcagViolations(desk), 'desk with a parked visit').toEqual([]);
    await resume.click();
    await expect.poll(() => statusText(desk), { timeout: 15_000 }).toContain(`${first.number} är återupptagen.`);
    expect(await desk.locator('.desk-facts').textContent()).toContain('Betjänas');

    // Transfer to Skatteverket with a note.
    await desk.getByRole('button', { name: 'Flytta till annan kö' }).click();
    const target = await desk.locator('#desk-transfer-queue option', { hasText: 'Skatteverket' }).getAttribute('value');
    await desk.getByLabel('Till kö').selectOption(target ?? '');
    await desk.getByLabel(/Anteckning till den mottagande myndigheten/).fill(NOTE);
    expect(await wcagViolations(desk), 'desk with the transfer form').toEqual([]);
    await desk.getByRole('button', { name: 'Spara och flytta' }).click();
    await expect.poll(() => statusText(desk), { timeout: 15_000 }).toContain(`${first.number} är flyttad till den andra kön och behåller sin plats.`);
    expect(await desk.locator('.desk-idle').textContent()).toContain('Ingen besökare vid luckan.');

    // The second visitor, from start to finish.
    await desk.getByRole('button', { name: 'Kalla nästa' }).click();
    await expect.poll(() => currentTitle(desk), { timeout: 15_000 }).toContain(second.number);
    await desk.getByRole('button', { name: 'Påbörja besöket' }).click();
    await desk.getByRole('button', { name: 'Avsluta besöket' }).click();
    await desk.getByRole('button', { name: 'Spara och avsluta' }).click();
    await expect.poll(() => statusText(desk), { timeout: 15_000 }).toContain(`Besöket ${second.number} är avslutat.`);
    expect(await wcagViolations(desk), 'desk after finishing').toEqual([]);
    // Office-wide staff never see the agency's note.
    expect(await desk.locator('.desk-notes').count()).toBe(0);

    // Skatteverket's officer calls the transferred visitor (first in line: they keep their arrival) and reads the note.
    const skv = await openDesk('skv.vaxjo', 'Lucka 5');
    await skv.getByRole('checkbox', { name: /Skatteverket/ }).waitFor({ timeout: 15_000 });
    await skv.getByRole('button', { name: 'Kalla nästa' }).click();
    await expect.poll(() => currentTitle(skv), { timeout: 15_000 }).toContain(first.number);
    const notes = skv.getByRole('region', { name: 'Anteckning vid flytten' });
    await expect.poll(() => notes.textContent(), { timeout: 15_000 }).toContain(NOTE);
    expect(await notes.textContent()).toContain('Demo Servicehandläggare Växjö');
    expect(await wcagViolations(skv), 'desk with a transfer note').toEqual([]);

    for (const page of [desk, skv]) await page.context().close();
  });
});
