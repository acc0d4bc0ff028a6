// Staff login with the organisation's account in a real browser: the button on the login page, the
// round trip through an OIDC provider on 127.0.0.1 (server/src/test/fake-idp.ts), the admin area after it,
// and a refusal shown in the error summary; the login page checked with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, wcagViolations } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';
import { startFakeIdp, type FakeIdp } from '../server/src/test/fake-idp.ts';

let app: RunningApp;
let idp: FakeIdp;
let browser: Browser;
let page: Page;

/** The callback URL registered at the IdP names the app's port, so the port is chosen before the app starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  idp = await startFakeIdp();
  const port = await freePort();
  app = await startApp({
    port,
    env: { OIDC_ISSUER: idp.url, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('lang', 'sv'));
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await idp?.close();
});

describe('login with the organisation\'s account', () => {
  it('shows a refusal from the callback in the error summary, with no WCAG 2.1 AA violations', async () => {
    idp.user = 'finns.inte';
    await page.goto(`${app.url}/logga-in`);
    await page.getByRole('link', { name: 'Logga in med organisationens konto' }).click();
    await page.waitForURL(/\/logga-in\?error=oidc_no_account/);
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('inte kopplat till ett aktivt konto');
    await page.waitForLoadState('networkidle');
    expect(await wcagViolations(page)).toEqual([]);
  });

  it('logs in through the identity provider and lands in the admin area', async () => {
    idp.user = 'admin';
    await page.goto(`${app.url}/logga-in`);
    await page.getByRole('link', { name: 'Logga in med organisationens konto' }).click();
    await page.waitForURL(/\/admin/);
    await expect.poll(() => page.locator('body').textContent()).toContain('Inloggad som');
  });
});
