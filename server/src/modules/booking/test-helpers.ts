// Shared set-up for the booking suites: demo ids and small request helpers.
import type { TestContext } from '../../test/harness.ts';
import { stableUuid } from '../../db/seed/catalogue.ts';

export const VAXJO = stableUuid('office:Servicekontor Växjö');
export const LENHOVDA = stableUuid('office:Mobil service Lenhovda');
export const FK = stableUuid('agency:FK');
export const serviceId = (key: string) => stableUuid(`service:${key}`);
export const BOSTADSBIDRAG = serviceId('FK:bostadsbidrag');
export const FORALDRAPENNING = serviceId('FK:foraldrapenning');
export const FK_VIDEO = serviceId('FK:videomote');
export const SJUKPENNING = serviceId('FK:sjukpenning');

export function api(ctx: TestContext) {
  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, cookie?: string) =>
    ctx.app.inject({ method, url: `/api/v1${url}`, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  return {
    inject,
    /** Sets the service's settings and FK's officer numbers at Växjö as the office manager. */
    async configure(service: string, settings: object, officers?: { weekday: number; officers: number }) {
      const chef = await ctx.login('chef.vaxjo');
      const s = await inject('PUT', `/offices/${VAXJO}/booking-settings/${service}`, settings, chef);
      if (s.statusCode !== 200) throw new Error(s.body);
      if (officers) {
        const r = await inject('PUT', `/offices/${VAXJO}/staffing`, { rows: [{ agencyId: FK, ...officers }] }, chef);
        if (r.statusCode !== 200) throw new Error(r.body);
      }
    },
    book: (payload: object) => inject('POST', '/bookings', { visitorName: 'Test Testsson', email: 'test@example.se', ...payload }),
  };
}
