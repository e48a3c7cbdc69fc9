import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { preparedRows, type Executor } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { accounts, sessions, type Account } from './schema.ts';
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

export async function markSessionMfaPassed(db: Executor, token: string): Promise<void> {
  await db.update(sessions).set({ mfaPassed: true }).where(eq(sessions.idHash, hashToken(token)));
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

export async function actorFromSession(db: Executor, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ account: accounts, mfaPassed: sessions.mfaPassed })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.idHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(accounts.disabledAt)));
  return row ? toActor(row.account, 'session', row.mfaPassed) : null;
}

/** How stale `last_used_at` may get: touching it on every request would make every API call a write. */
export const TOKEN_TOUCH_INTERVAL = '1 minute';

/**
 * The actor behind a bearer token, in one round trip. The same statement records when the token was last used,
 * but only when that is unknown or older than TOKEN_TOUCH_INTERVAL: a busy token costs a read, not a write.
 */
export async function actorFromApiToken(db: Executor, token: string): Promise<Actor | null> {
  const [row] = await preparedRows<Omit<Actor, 'mfaPassed' | 'via'>>(
    db,
    'actor_from_api_token',
    sql`
      with token as (
        select t.id as token_id, t.last_used_at, a.id, a.kind, a.role, a.unit_code, a.name, a.email, a.email_verified_at, a.totp_enabled_at
        from api_tokens t join accounts a on a.id = t.account_id
        where t.token_hash = ${hashToken(token)} and t.revoked_at is null and a.disabled_at is null
      ), touched as (
        update api_tokens set last_used_at = now()
        where id in (select token_id from token where last_used_at is null or last_used_at < now() - ${TOKEN_TOUCH_INTERVAL}::interval)
      )
      select id, kind, role, unit_code as "unitCode", name, email,
        email_verified_at is not null as "emailVerified", totp_enabled_at is not null as "totpEnabled"
      from token`,
  );
  return row ? { ...row, mfaPassed: true, via: 'token' } : null;
}
