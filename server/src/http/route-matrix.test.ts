// Walks every API route for every role (and anonymous) and checks that the access hooks answer
// exactly as the policy says: 401 for anonymous on non-public actions, 403 when the policy refuses,
// and never 401/403 when it allows.
import { expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describeWithApp } from '../test/harness.ts';
import { can, ROLE_NAMES, type Principal, type RoleName } from '../modules/auth/policy.ts';
import { createUser } from '../modules/auth/users.ts';
import { offices, agencies } from '../db/schema.ts';

describeWithApp('route × role matrix', (ctx) => {
  it('answers every route for every role as the policy says', async () => {
    const [office] = await ctx.db.select().from(offices).where(eq(offices.tier, 'servicekontor')).limit(1);
    const [agency] = await ctx.db.select().from(agencies).limit(1);
    const cookies = new Map<RoleName | 'anonymous', string>();
    const principals = new Map<RoleName, Principal>();
    for (const role of ROLE_NAMES) {
      const grant = {
        role,
        agencyId: role === 'agency_officer' ? agency!.id : null,
        officeId: ['service_officer', 'office_manager', 'coordinator'].includes(role) ? office!.id : null,
        countyCode: null,
      };
      const user = await createUser(ctx.db, { username: `matrix.${role.replace('_', '-')}`, displayName: role, password: 'matrix-password', roles: [grant] });
      principals.set(role, { userId: user.id, username: user.username, displayName: role, roles: [grant] });
      cookies.set(role, await ctx.login(user.username, 'matrix-password'));
    }
    cookies.set('anonymous', '');

    const routes = ctx.app.declaredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    // Every login adapter's routes are walked too (the OIDC ones answer 404 here: not configured).
    for (const url of ['/api/v1/auth/methods', '/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback']) {
      expect(routes.map((r) => r.url)).toContain(url);
    }
    let checked = 0;
    for (const route of routes) {
      // Fill path parameters with the office (the scope an office manager holds) so scoped rules are
      // exercised; deletes get an unknown id so that an allowed one does not remove the fixture.
      const target = route.method === 'DELETE' ? randomUUID() : office!.id;
      // The Mötesplats report takes its office from the query (the scope the policy checks).
      const url = route.url.replace(/:[a-zA-Z]+/g, target) + (route.url.endsWith('/motesplats/report') ? `?officeId=${target}` : '');
      for (const [who, cookie] of cookies) {
        if (route.action === 'auth.logout') continue; // would end the session used by later checks
        const principal = who === 'anonymous' ? null : principals.get(who)!;
        const allowed = can(principal, route.action, { officeId: target });
        // An allowed live stream never ends; its policy answer (public) is covered by the other checks.
        if (allowed && route.url.endsWith('/events')) continue;
        const res = await ctx.app.inject({ method: route.method as 'GET', url, headers: cookie ? { cookie } : {}, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
        if (allowed) {
          expect([401, 403], `${who} ${route.method} ${route.url} should be allowed`).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, `${who} ${route.method} ${route.url} should be refused`).toBe(principal ? 403 : 401);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});
