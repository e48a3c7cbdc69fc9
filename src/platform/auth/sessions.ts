import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import type { Actor } from './actor.ts';
import { accounts, apiTokens, sessions, type Account } from './schema.ts';
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

export async function actorFromApiToken(db: Executor, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ account: accounts, id: apiTokens.id })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(accounts.disabledAt)));
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  return toActor(row.account, 'token', true);
}
