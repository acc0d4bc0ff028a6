// Setting passwords: the strength check wherever a password is set, and what a new password or disabling
// does to the account's sessions.
import { expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { describeWithApp } from '../../test/harness.ts';
import { createUser } from './users.ts';

const GRANT = [{ role: 'planner', agencyId: null, officeId: null, countyCode: '07' }] as const;
const STRONG = 'blå-kanot-vinter-92';

describeWithApp('passwords and sessions', (ctx) => {
  const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  const patch = (cookie: string, id: string, payload: object) => ctx.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: { cookie }, payload });
  const newUser = (username: string, password = STRONG) => createUser(ctx.db, { username, displayName: 'Karin Lund', password, roles: [...GRANT] });

  it('refuses weak passwords when creating a user, by the API and by the CLI\'s path, with the reason and the advice', async () => {
    const admin = await ctx.login('admin');
    const create = (username: string, password: string) => ctx.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie: admin },
      payload: { username, displayName: 'Karin Lund', password, roles: GRANT },
    });
    for (const password of ['1234567890', 'password12', 'karin.lund1', 'KarinLund2026']) {
      const res = await create('karin.lund', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json(), password).toMatchObject({ code: 'validation_failed', field: 'password', details: { reason: 'weak_password' } });
    }
    const named = (await create('karin.lund', 'karin.lund1')).json();
    expect(named.details.warning).toBe('userInputs');
    expect(named.message).toContain('personal');
    // The schema's minimum length still comes first.
    expect((await create('karin.lund', 'kort')).json()).toMatchObject({ code: 'validation_failed', field: 'password', details: { keyword: 'minLength' } });
    expect((await queryRows(ctx.db, sql`select 1 from users where username = 'karin.lund'`))).toHaveLength(0);
    expect((await create('karin.lund', STRONG)).statusCode).toBe(201);
    // The CLI's create-user calls createUser, which checks the same way.
    await expect(newUser('karin.lund2', 'password12')).rejects.toSatisfy((err) => err instanceof AppError && (err.details as { reason: string }).reason === 'weak_password');
  });

  it('refuses a weak new password from an admin, checked against the account\'s name', async () => {
    const admin = await ctx.login('admin');
    const user = await newUser('nils.berg');
    for (const password of ['qwerty123456', 'nils.berg2026', 'password12']) {
      const res = await patch(admin, user.id, { password });
      expect(res.json(), password).toMatchObject({ code: 'validation_failed', field: 'password', details: { reason: 'weak_password' } });
    }
    // Checked against the new name when the name changes with it.
    const renamed = await patch(admin, user.id, { displayName: 'Sixten Sparre', password: 'Sixten-Sparre-7' });
    expect(renamed.json()).toMatchObject({ details: { reason: 'weak_password', warning: 'userInputs' } });
    expect((await patch(admin, user.id, { password: 'ny-kanot-sommar-81' })).statusCode).toBe(200);
  });

  it('ends every session of a user whose password an admin sets, and the failed-login run with it', async () => {
    const admin = await ctx.login('admin');
    const user = await newUser('eva.holm');
    const [first, second] = [await ctx.login('eva.holm', STRONG), await ctx.login('eva.holm', STRONG)];
    expect((await me(first)).statusCode).toBe(200);
    // Four wrong guesses from elsewhere: the account's run stands at 4.
    for (let i = 0; i < 4; i++) {
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'eva.holm', password: `gissning-${i}` }, remoteAddress: '192.0.2.44' });
    }
    expect((await patch(admin, user.id, { password: 'ny-kanot-sommar-81' })).statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect(await queryRows(ctx.db, sql`select 1 from login_throttle where scope = 'account' and key = ${user.id}`)).toHaveLength(0);
    expect((await me(await ctx.login('eva.holm', 'ny-kanot-sommar-81'))).statusCode).toBe(200);
    // The admin's own session is untouched.
    expect((await me(admin)).statusCode).toBe(200);
  });

  it('keeps the session that changes its own password and ends the others', async () => {
    const user = await createUser(ctx.db, { username: 'egen.admin', displayName: 'Egen Admin', password: STRONG, roles: [{ role: 'admin', agencyId: null, officeId: null, countyCode: null }] });
    const here = await ctx.login('egen.admin', STRONG);
    const elsewhere = await ctx.login('egen.admin', STRONG);
    expect((await patch(here, user.id, { password: 'ny-kanot-sommar-81' })).statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    // Changing only the name ends nothing.
    expect((await patch(here, user.id, { displayName: 'Egen Administratör' })).statusCode).toBe(200);
    expect((await me(here)).statusCode).toBe(200);
  });

  it('ends a disabled user\'s sessions, and re-enabling does not bring them back', async () => {
    const admin = await ctx.login('admin');
    const user = await newUser('anders.vik');
    const session = await ctx.login('anders.vik', STRONG);
    expect((await me(session)).statusCode).toBe(200);
    expect((await patch(admin, user.id, { disabled: true })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect(await queryRows(ctx.db, sql`select 1 from sessions where user_id = ${user.id}`)).toHaveLength(0);
    expect((await patch(admin, user.id, { disabled: false })).statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    expect((await me(await ctx.login('anders.vik', STRONG))).statusCode).toBe(200);
  });
});
