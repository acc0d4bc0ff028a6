// Shared set-up of the Mötesplats API tests: the Växjö office, demo logins, and requests as a user.
import { stableUuid } from '../../db/seed/catalogue.ts';
import { luhnValid } from '../../lib/personnummer.ts';
import type { TestContext } from '../../test/harness.ts';

export const VAXJO = stableUuid('office:Servicekontor Växjö');
export const agencyId = (code: string) => stableUuid(`agency:${code}`);
export const USERS = ['samordnare.vaxjo', 'mv.vaxjo', 'skv.vaxjo', 'af.vaxjo', 'fk.vaxjo', 'pm.video', 'kommun.vaxjo', 'admin', 'chef.vaxjo', 'handlaggare.vaxjo', 'planerare'] as const;
export type User = (typeof USERS)[number];

export function client(ctx: TestContext) {
  const cookies = new Map<string, string>();
  const as = async (user: User | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: object) => {
    if (user && !cookies.has(user)) cookies.set(user, await ctx.login(user));
    return ctx.app.inject({ method, url: `/api/v1${path}`, headers: user ? { cookie: cookies.get(user)! } : {}, payload });
  };
  return { as };
}

/** A made-up 12-digit samordningsnummer (day + 60) with a valid check digit. */
export function samordningsnummer(born: string, serial: string): string {
  const [y, m, d] = born.split('-');
  const body = `${y!.slice(2)}${m}${String(Number(d) + 60)}${serial}`;
  return `${y!.slice(0, 2)}${body}${[...'0123456789'].find((c) => luhnValid(body + c))!}`;
}

export const stableIds = { user: (username: string) => stableUuid(`user:${username}`) };

/** A day's resources for the tests: one officer per station (08:00–16:30, lunch), one Arabic interpreter. */
export function dayResources(templateId: string) {
  const shift = { start: '08:00', end: '16:30' };
  const lunch = [{ start: '12:00', end: '12:45' }];
  const officer = (station: string, username: string | null) => ({ name: `${station} handläggare`, station, userId: username ? stableIds.user(username) : null, shift, breaks: lunch });
  return {
    templateId,
    officers: [
      officer('MV', 'mv.vaxjo'), officer('SKV', 'skv.vaxjo'), officer('AF', 'af.vaxjo'),
      officer('FK', 'fk.vaxjo'), officer('PM', null), officer('KOMMUN', 'kommun.vaxjo'),
    ],
    interpreters: [{ name: 'Tolk arabiska', language: 'ar', shift, breaks: lunch }],
  };
}
