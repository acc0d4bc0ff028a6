// Staff login with local accounts: scrypt-hashed passwords and server-side sessions whose cookie
// carries a random token (only its SHA-256 is stored).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { ExternalIdentity } from '../../adapters/login/index.ts';
import type { LoginThrottleConfig } from '../../config.ts';
import type { Db, Tx } from '../../db/client.ts';
import { sessions, userRoles, users } from '../../db/schema.ts';
import { verifyPassword } from '../../lib/password.ts';
import type { Principal, RoleGrant } from './policy.ts';
import { addressKey, beginAttempt, clearAccount, failed, type Refusal } from './throttle.ts';

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

/** A password login's outcome; a refusal names the account tried (if the name is one) for the audit row. */
export type PasswordLogin =
  | { refused: false; token: string; expiresAt: Date; principal: Principal }
  | { refused: 'invalid_credentials'; userId: string | null }
  | ({ refused: 'rate_limited'; userId: string | null } & Refusal);

export interface LoginContext {
  sessionHours: number;
  /** The client's address as the server sees it (req.ip). */
  ip: string;
  /** The app's clock. */
  now: Date;
  throttle: LoginThrottleConfig;
}

/**
 * Checks a password under the login throttle (throttle.ts): while the account or the address must wait,
 * even the right password is refused without being checked.
 */
export async function login(db: Db, username: string, password: string, ctx: LoginContext): Promise<PasswordLogin> {
  const [user] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  const userId = user?.id ?? null;
  const address = addressKey(ctx.ip);
  const refusal = await beginAttempt(db, { userId, address }, ctx.throttle, ctx.now);
  if (refusal) return { refused: 'rate_limited', userId, ...refusal };
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await failed(db, address, ctx.throttle, ctx.now);
    return { refused: 'invalid_credentials', userId };
  }
  await clearAccount(db, user.id);
  return { refused: false, ...(await openSession(db, user, ctx.sessionHours)) };
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

/**
 * Ends a user's sessions: all of them, or all but the one whose cookie token is `keepToken` (the person
 * changing their own password stays logged in where they did it). Returns how many ended.
 */
export async function endSessions(db: Db | Tx, userId: string, keepToken?: string): Promise<number> {
  const others = keepToken ? ne(sessions.tokenHash, hashToken(keepToken)) : undefined;
  const ended = await db.delete(sessions).where(and(eq(sessions.userId, userId), others)).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
