// Staff accounts: create, list and change users and their scoped roles (used by the API and the CLI).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { userRoles, users } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/password.ts';
import type { RoleGrant } from './policy.ts';

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
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ username, displayName: input.displayName, passwordHash }).returning({ id: users.id });
    await tx.insert(userRoles).values(input.roles.map((g) => ({ ...g, userId: row!.id })));
    return row!.id;
  });
  return getUser(db, id);
}

export async function updateUser(
  db: Db,
  id: string,
  patch: { displayName?: string; password?: string; disabled?: boolean; roles?: RoleGrant[]; oidcBinding?: null },
) {
  if (patch.roles) checkGrants(patch.roles);
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
  });
  return getUser(db, id);
}
