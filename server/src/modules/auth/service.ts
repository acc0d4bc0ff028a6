// Staff login with local accounts: scrypt-hashed passwords and server-side sessions whose cookie
// carries a random token (only its SHA-256 is stored).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { ExternalIdentity } from '../../adapters/login/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { sessions, userRoles, users } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/password.ts';
import type { Principal, RoleGrant } from './policy.ts';

export const SESSION_COOKIE = 'sid';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function loadRoles(db: Db | Tx, userId: string): Promise<RoleGrant[]> {
  const rows = await db.select().from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((r) => ({ role: r.role, agencyId: r.agencyId, officeId: r.officeId, countyCode: r.countyCode }));
}

/** Every authenticated request asks this, so the user and their roles come back in one query. */
export async function principalForToken(db: Db, token: string): Promise<Principal | null> {
  const [row] = await db
    .select({
      userId: users.id, username: users.username, displayName: users.displayName, disabled: users.disabled,
      roles: sql<RoleGrant[]>`coalesce((select json_agg(json_build_object('role', r.role, 'agencyId', r.agency_id, 'officeId', r.office_id, 'countyCode', r.county_code))
        from ${userRoles} r where r.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabled) return null;
  return { userId: row.userId, username: row.username, displayName: row.displayName, roles: row.roles };
}

// A fixed hash to compare against when the user does not exist, so response time does not reveal
// which usernames are real.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(db: Db, username: string, password: string, sessionHours: number) {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    throw new AppError('invalid_credentials', 'Wrong username or password', { field: 'password' });
  }
  return openSession(db, user, sessionHours);
}

/** The account a login names, if there is one (for the audit row of a refused login). */
export async function accountIdFor(db: Db, username: string): Promise<string | null> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username.trim().toLowerCase()));
  return user?.id ?? null;
}

/**
 * A login the organisation's identity provider vouched for (adapters/login): no password, but the account
 * must already exist here and be active. Nobody is created: roles are granted in Samservice by admins.
 *
 * The account is the one bound to the IdP's (issuer, sub), whatever the username claim says now. Without
 * one, the username claim names it, and the first login binds it (in the session's transaction); an account
 * bound to another subject of this issuer is refused (`subject_mismatch`), never re-bound: an admin unbinds.
 */
export async function loginVouched(db: Db, identity: ExternalIdentity, sessionHours: number) {
  const { username, issuer, subject } = identity;
  return db.transaction(async (tx) => {
    const [bound] = await tx.select().from(users).where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
    if (bound) {
      if (bound.disabled) return { refused: 'no_account' as const, userId: bound.id };
      return { refused: false as const, bound: 'existing' as const, replacedIssuer: null, ...(await openSession(tx, bound, sessionHours)) };
    }
    const [user] = await tx.select().from(users).where(eq(users.username, username));
    if (!user || user.disabled) return { refused: 'no_account' as const, userId: user?.id ?? null };
    if (user.oidcIssuer === issuer) return { refused: 'subject_mismatch' as const, userId: user.id };
    // Bound only if still unbound for this issuer (a concurrent first login may have won).
    const won = await tx.update(users).set({ oidcIssuer: issuer, oidcSubject: subject })
      .where(and(eq(users.id, user.id), or(isNull(users.oidcIssuer), ne(users.oidcIssuer, issuer))))
      .returning({ id: users.id });
    if (won.length === 0) return { refused: 'subject_mismatch' as const, userId: user.id };
    return {
      refused: false as const, bound: 'new' as const,
      // A binding to another issuer (the organisation changed IdP) is replaced; the audit row says so.
      replacedIssuer: user.oidcIssuer,
      ...(await openSession(tx, user, sessionHours)),
    };
  });
}

async function openSession(db: Db | Tx, user: typeof users.$inferSelect, sessionHours: number) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  // Housekeeping: drop this user's expired sessions as they log in again.
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  const principal: Principal = { userId: user.id, username: user.username, displayName: user.displayName, roles: await loadRoles(db, user.id) };
  return { token, expiresAt, principal };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}
