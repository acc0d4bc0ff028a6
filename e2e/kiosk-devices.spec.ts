// The office's kiosk device in a real browser (issue 11, point 4; decision 0013): the office manager
// registers the entrance tablet, the setup link hands its token to the kiosk page, and that kiosk keeps
// handing out tickets where a phone at the same address is told, in its language, to wait. Pages pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Office, OfficeSummary, Service, Agency } from '../contracts/registry.ts';
import { launchBrowser, openPage, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { logIn } from './support/login.ts';

// Tuesday 1 December 2026, 11:00 in Stockholm, running on: Växjö is open for tickets.
const OPEN_AT = Date.parse('2026-12-01T10:00:00Z');

let app: RunningApp;
let browser: Browser;
let office: Office;
let service: Service;

beforeAll(async () => {
  const startedAt = Date.now();
  // One ticket an hour per address: the second from a phone is refused, the kiosk's are not.
  app = await startApp({ clock: () => new Date(OPEN_AT + (Date.now() - startedAt)), env: { RATE_LIMIT_TICKETS: '1' } });
  browser = await launchBrowser();
  const json = async <T,>(path: string) => (await (await fetch(`${app.url}/api/v1${path}`)).json()) as T;
  const offices = await json<OfficeSummary[]>('/offices?tier=servicekontor&limit=200');
  office = await json<Office>(`/offices/${offices.find((o) => o.name === 'Servicekontor Växjö')!.id}`);
  const [agencies, services] = await Promise.all([json<Agency[]>('/agencies'), json<Service[]>('/services')]);
  const fk = agencies.find((a) => a.code === 'FK')!;
  service = services.find((s) => s.agencyId === fk.id && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Takes a ticket for the Försäkringskassan errand at the kiosk page as it stands, in Swedish. */
async function tryTicket(kiosk: Page): Promise<void> {
  await kiosk.goto(`${app.url}/kontor/${office.id}/kiosk`);
  await kiosk.getByRole('button', { name: 'Svenska' }).click();
  await kiosk.getByLabel(service.nameSv).check();
  await kiosk.locator('button[type="submit"]').click();
}

describe('kiosk devices', () => {
  it('registers the entrance tablet, whose tickets skip the limit a phone at the same address meets', async () => {
    const chef = await openPage(browser);
    await logIn(chef, app.url, 'chef.vaxjo');
    await chef.goto(`${app.url}/kontor/${office.id}/kioskenheter`);
    await chef.getByRole('heading', { level: 1, name: /Kioskenheter/ }).waitFor({ timeout: 15_000 });
    expect(await wcagViolations(chef), 'kiosk devices, empty').toEqual([]);
    await chef.getByLabel('Namn').fill('Surfplattan vid entrén');
    await chef.getByRole('button', { name: 'Registrera' }).click();
    const link = chef.locator('.kiosk-setup-link');
    await link.waitFor({ timeout: 15_000 });
    const setup = ((await link.textContent()) ?? '').trim();
    expect(setup).toMatch(new RegExp(`/kontor/${office.id}/kiosk#enhet=[A-Za-z0-9_-]{43}$`));
    await expect.poll(() => chef.locator('tbody tr').count()).toBe(1);
    expect(await chef.locator('tbody tr').textContent()).toContain('Aktiv');
    expect(await wcagViolations(chef), 'kiosk devices, registered').toEqual([]);

    // The tablet opens the setup link: the kiosk keeps the token and drops it from the address bar.
    const kiosk = await openPage(browser, 'sv', { width: 1024, height: 768 });
    await kiosk.goto(setup);
    await kiosk.getByRole('button', { name: 'Svenska' }).waitFor({ timeout: 15_000 });
    expect(new URL(kiosk.url()).hash).toBe('');
    expect(await kiosk.evaluate((id) => localStorage.getItem(`kioskDevice:${id}`), office.id)).toBe(setup.split('#enhet=')[1]);
    for (let i = 0; i < 3; i++) {
      await tryTicket(kiosk);
      await kiosk.locator('.kiosk-ticket .ticket-number').waitFor({ timeout: 15_000 });
    }

    // A phone at the same address: one ticket, then a message in its language with the wait.
    const phone = await openPage(browser, 'sv', { width: 375, height: 740 });
    await tryTicket(phone);
    await phone.locator('.kiosk-ticket .ticket-number').waitFor({ timeout: 15_000 });
    await tryTicket(phone);
    await expect.poll(() => phone.locator('.kiosk-errors').textContent(), { timeout: 15_000 }).toMatch(/Många kölappar har tagits från det här nätverket\. Försök igen om \d+ minuter/);
    expect(await wcagViolations(phone), 'kiosk, refused').toEqual([]);

    // Revoked, the tablet counts like any phone at its address (which has used its ticket).
    chef.once('dialog', (d) => void d.accept());
    await chef.getByRole('button', { name: /Återkalla/ }).click();
    await expect.poll(() => chef.locator('tbody tr').textContent(), { timeout: 15_000 }).toContain('Återkallad');
    await tryTicket(kiosk);
    await expect.poll(() => kiosk.locator('.kiosk-errors').textContent(), { timeout: 15_000 }).toContain('Många kölappar');
  });
});
