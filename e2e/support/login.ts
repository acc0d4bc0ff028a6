// Staff login in the browser tests: every demo account has the password `demo-password`.
import type { Page } from 'playwright-core';

/** Fills and submits the login form on the page as it stands (the login page, or a staff page asking). */
export async function submitLogin(page: Page, username: string): Promise<void> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill('demo-password');
  await page.getByRole('button', { name: 'Logga in' }).click();
}

/** Logs the page in through /logga-in and waits until the app has sent it on. */
export async function logIn(page: Page, appUrl: string, username: string): Promise<Page> {
  await page.goto(`${appUrl}/logga-in`);
  await submitLogin(page, username);
  await page.waitForURL((url) => !url.pathname.endsWith('/logga-in'));
  return page;
}
