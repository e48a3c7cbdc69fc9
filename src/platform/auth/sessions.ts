import { and, desc, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import { preparedRows, type Executor } from '../db/index.ts';
import type { Actor } from './actor.ts';
import type { TokenUses } from './token-uses.ts';
import { sessions, type Account } from './schema.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SESSION_COOKIE = 'sikoe_session';

export async function createSession(
  db: Executor,
  input: { accountId: string; mfaPassed: boolean; days: number; ip?: string; userAgent?: string },
): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    idHash: hashToken(token),
    accountId: input.accountId,
    mfaPassed: input.mfaPassed,
    expiresAt: new Date(Date.now() + input.days * 86_400_000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300),
  });
  return token;
}

export async function destroySession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

/**
 * Replaces a session by a new one with the second factor given: the cookie value changes at the moment the session
 * gains rights, so a value planted or seen before (session fixation) is worth nothing afterwards.
 */
export async function rotateSessionWithMfa(db: Executor, token: string): Promise<string> {
  const fresh = randomToken();
  const [row] = await db
    .update(sessions)
    .set({ idHash: hashToken(fresh), mfaPassed: true, lastSeenAt: new Date() })
    .where(eq(sessions.idHash, hashToken(token)))
    .returning({ idHash: sessions.idHash });
  if (!row) throw new Error('session to rotate not found');
  return fresh;
}

/** The account's live sessions, newest use first; `current` marks the one the token belongs to. */
export async function listSessions(db: Executor, accountId: string, currentToken: string | null) {
  const current = currentToken ? hashToken(currentToken) : null;
  const rows = await db
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
  // The hash is the session's identity on the page (a form names the one to end): a prefix is enough and reveals
  // nothing a cookie could be made from.
  return rows.map(({ idHash, ...row }) => ({ ...row, id: idHash.slice(0, 16), current: idHash === current }));
}

/** Ends one of the account's sessions by the id listSessions gave; false when there is none. */
export async function destroySessionById(db: Executor, accountId: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(id)) return false;
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), sql`left(${sessions.idHash}, 16) = ${id}`))
    .returning({ idHash: sessions.idHash });
  return rows.length > 0;
}

/** Ends every session of the account, or every one but `keepToken`'s; returns how many ended. */
export async function destroyAccountSessions(db: Executor, accountId: string, keepToken?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), keepToken ? ne(sessions.idHash, hashToken(keepToken)) : undefined))
    .returning({ idHash: sessions.idHash });
  return rows.length;
}

export function toActor(account: Account, via: Actor['via'], mfaPassed: boolean): Actor {
  return {
    id: account.id,
    kind: account.kind,
    role: account.role,
    unitCode: account.unitCode,
    name: account.name,
    email: account.email,
    emailVerified: account.emailVerifiedAt !== null,
    mfaPassed,
    totpEnabled: account.totpEnabledAt !== null,
    via,
  };
}

/** How stale `last_used_at` / `last_seen_at` may get: touching them on every request would make every request a write. */
export const TOKEN_TOUCH_INTERVAL = '1 minute';

/**
 * The actor behind a session cookie, in one round trip. An officer's session that has not been used for
 * `officerIdleMinutes` is over (a counter PC left signed in); the same statement records the use, at most once a
 * minute, which is what keeps an officer's session alive while they work.
 */
export async function actorFromSession(db: Executor, token: string, officerIdleMinutes: number): Promise<Actor | null> {
  const [row] = await preparedRows<Omit<Actor, 'via'>>(
    db,
    'actor_from_session',
    sql`
      with session as (
        select s.id_hash, s.last_seen_at, s.mfa_passed, a.id, a.kind, a.role, a.unit_code, a.name, a.email, a.email_verified_at, a.totp_enabled_at
        from sessions s join accounts a on a.id = s.account_id
        where s.id_hash = ${hashToken(token)} and s.expires_at > now() and a.disabled_at is null
          and (a.kind <> 'officer' or s.last_seen_at > now() - make_interval(mins => ${officerIdleMinutes}::int))
      ), touched as (
        update sessions set last_seen_at = now()
        where id_hash in (select id_hash from session where last_seen_at < now() - ${TOKEN_TOUCH_INTERVAL}::interval)
      )
      select id, kind, role, unit_code as "unitCode", name, email, mfa_passed as "mfaPassed",
        email_verified_at is not null as "emailVerified", totp_enabled_at is not null as "totpEnabled"
      from session`,
  );
  return row ? { ...row, via: 'session' } : null;
}

/** The columns of an Actor as `tokenActorWith` gives them in its `token_actor` CTE, and the token's use. */
export type TokenActorRow = Omit<Actor, 'mfaPassed' | 'via'> & { tokenId: string; stale: boolean };

/**
 * The common table expression `token_actor`: the actor behind a bearer token (one row, or none when the token is
 * unknown, revoked, expired or its account disabled), for a statement that reads the actor together with what its
 * route needs (a booking: one round trip for the token, the application's owner and the day). `stale`: the token's
 * last use is unknown or older than TOKEN_TOUCH_INTERVAL, so TokenUses should record this one (a read stays a read).
 */
export function tokenActorWith(token: string): SQL {
  return sql`token_actor as (
      select a.id, a.kind, a.role, a.unit_code as "unitCode", a.name, a.email,
        a.email_verified_at is not null as "emailVerified", a.totp_enabled_at is not null as "totpEnabled",
        t.id as "tokenId", (t.last_used_at is null or t.last_used_at < now() - ${TOKEN_TOUCH_INTERVAL}::interval) as stale
      from api_tokens t join accounts a on a.id = t.account_id
      where t.token_hash = ${hashToken(token)} and t.revoked_at is null and t.expires_at > now() and a.disabled_at is null
    )`;
}

/** The Actor of a `token_actor` row (null: no such token), its use noted. */
export function tokenActor(row: TokenActorRow | null | undefined, uses: TokenUses): Actor | null {
  if (!row) return null;
  const { tokenId, stale, ...actor } = row;
  uses.note({ tokenId, stale });
  return { ...actor, mfaPassed: true, via: 'token' };
}

/** The actor behind a bearer token, in one round trip that writes nothing (see tokenActorWith and TokenUses). */
export async function actorFromApiToken(db: Executor, token: string, uses: TokenUses): Promise<Actor | null> {
  const [row] = await preparedRows<TokenActorRow>(
    db,
    'actor_from_api_token',
    sql`with ${tokenActorWith(token)} select * from token_actor`,
  );
  return tokenActor(row, uses);
}
