// The shared setting of the visit-flow browser tests: the app running at an hour when the Växjö office is
// open, a browser, and Växjö's office with its in-person services by agency.
import type { Browser, Page } from 'playwright-core';
import type { Agency, Office, OfficeSummary, Service } from '../../contracts/registry.ts';
import { launchBrowser, openPage } from './browser.ts';
import { startApp, type RunningApp } from './server.ts';

// Tuesday 1 December 2026, 11:00 in Stockholm, and running on from there: the office is open for tickets.
const OPEN_AT = Date.parse('2026-12-01T10:00:00Z');

export interface Vaxjo {
  app: RunningApp;
  browser: Browser;
  office: Office;
  /** The office's first in-person service of the agency with this code (FK, SKV, …). */
  serviceOf(agencyCode: string): Service;
  json<T>(path: string): Promise<T>;
  /** A new page in its own context, with the UI language stored as the app stores it. */
  newPage(lang?: string, viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

export async function openVaxjo(): Promise<Vaxjo> {
  const startedAt = Date.now();
  const app = await startApp({ clock: () => new Date(OPEN_AT + (Date.now() - startedAt)) });
  const browser = await launchBrowser();
  const json = async <T>(path: string) => (await (await fetch(`${app.url}/api/v1${path}`)).json()) as T;
  const offices = await json<OfficeSummary[]>('/offices?tier=servicekontor');
  const office = await json<Office>(`/offices/${offices.find((o) => o.name.includes('Växjö'))!.id}`);
  const [agencies, services] = await Promise.all([json<Agency[]>('/agencies'), json<Service[]>('/services')]);
  return {
    app, browser, office, json,
    serviceOf(code) {
      const agency = agencies.find((a) => a.code === code)!;
      return services.find((s) => s.agencyId === agency.id && office.serviceIds.includes(s.id) && s.channels.includes('in_person'))!;
    },
    newPage: (lang, viewport) => openPage(browser, lang, viewport),
    async stop() {
      await browser.close();
      await app.stop();
    },
  };
}
