// Staff accounts: create, list and change users and their scoped roles (used by the API and the CLI).
// Every password set here passes the strength check; a new password or disabling ends sessions.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userRoles, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import { assertStrongPassword } from '../../lib/password-strength.ts';
import type { RoleGrant } from './policy.ts';
import { endSessions } from './service.ts';
import { clearAccount } from './throttle.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: RoleGrant[];
}

/** Scope rules that the database also checks, reported here with the field that is wrong. */
function checkGrants(roles: RoleGrant[]): void {
  roles.forEach((g, i) => {
    if (g.role === 'agency_officer' && !g.agencyId) {
      throw new AppError('validation_failed', 'An agency officer must be scoped to an agency', { reason: 'agency_scope_required', field: `roles[${i}].agencyId` });
    }
    if (['service_officer', 'office_manager', 'coordinator'].includes(g.role) && !g.officeId) {
      throw new AppError('validation_failed', `A ${g.role} must be scoped to an office`, { reason: 'office_scope_required', field: `roles[${i}].officeId` });
    }
  });
}

export async function listUsers(db: Db) {
  const [rows, grants] = await Promise.all([
    db.select().from(users).orderBy(asc(users.username)),
    db.select().from(userRoles),
  ]);
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
    oidcBinding: u.oidcIssuer && u.oidcSubject ? { issuer: u.oidcIssuer, subject: u.oidcSubject } : null,
    roles: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role, agencyId: g.agencyId, officeId: g.officeId, countyCode: g.countyCode })),
  }));
}

export async function getUser(db: Db, id: string) {
  const user = (await listUsers(db)).find((u) => u.id === id);
  if (!user) throw notFound('User', 'id');
  return user;
}

export async function createUser(db: Db, input: NewUser) {
  checkGrants(input.roles);
  const username = input.username.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (existing) throw new AppError('already_exists', `The username ${username} is taken`, { field: 'username' });
  assertStrongPassword(input.password, { username, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ username, displayName: input.displayName, passwordHash }).returning({ id: users.id });
    await tx.insert(userRoles).values(input.roles.map((g) => ({ ...g, userId: row!.id })));
    return row!.id;
  });
  return getUser(db, id);
}

export interface UpdateOptions {
  /**
   * The cookie token of the session making the change when it is the user's own: a new password ends
   * every other session of the user, and keeps this one.
   */
  ownSessionToken?: string;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { displayName?: string; password?: string; disabled?: boolean; roles?: RoleGrant[]; oidcBinding?: null },
  opts: UpdateOptions = {},
) {
  if (patch.roles) checkGrants(patch.roles);
  const [current] = await db.select({ username: users.username, displayName: users.displayName }).from(users).where(eq(users.id, id));
  if (!current) throw notFound('User', 'id');
  if (patch.password) assertStrongPassword(patch.password, { username: current.username, displayName: patch.displayName ?? current.displayName });
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!row) throw notFound('User', 'id');
    const set = {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
      ...(passwordHash ? { passwordHash } : {}),
      // Unbinding (a person's IdP account was recreated): the next OIDC login binds by username claim again.
      ...(patch.oidcBinding === null ? { oidcIssuer: null, oidcSubject: null } : {}),
    };
    if (Object.keys(set).length > 0) await tx.update(users).set(set).where(eq(users.id, id));
    if (patch.roles) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      await tx.insert(userRoles).values(patch.roles.map((g) => ({ ...g, userId: id })));
    }
    // A disabled account's sessions end (they would otherwise come back on re-enabling). A new password
    // ends the sessions opened with the old one, perhaps by whoever learnt it, and the account's failed
    // logins are forgotten, so the person is not locked out of the password just given.
    if (patch.disabled === true) await endSessions(tx, id);
    else if (passwordHash) await endSessions(tx, id, opts.ownSessionToken);
    if (passwordHash) await clearAccount(tx, id);
  });
  return getUser(db, id);
}
