import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { apiTokens } from '../platform/auth/schema.ts';
import { hashToken, randomToken } from '../platform/auth/tokens.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';

/** How long a token works when the caller does not say (API_TOKEN_DAYS). */
export const DEFAULT_TOKEN_DAYS = 90;

/** Creates a bearer token for the account; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  tx: Tx,
  caller: Caller,
  accountId: string,
  name: string,
  days = DEFAULT_TOKEN_DAYS,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomToken('sikoe_');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const [row] = await tx
    .insert(apiTokens)
    .values({ accountId, name, tokenHash: hashToken(token), prefix: token.slice(0, 12), expiresAt })
    .returning({ id: apiTokens.id });
  await appendAudit(tx, caller, {
    action: 'token.create',
    targetType: 'api_token',
    targetId: row!.id,
    details: { accountId, name, days },
  });
  return { id: row!.id, token, expiresAt };
}

/** Revokes one of the account's own tokens; someone else's token is as unknown as a missing one. */
export async function revokeApiToken(tx: Tx, caller: Caller, accountId: string, tokenId: string): Promise<void> {
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (!row) throw new AppError('not_found');
  await appendAudit(tx, caller, { action: 'token.revoke', targetType: 'api_token', targetId: tokenId });
}

/** Revokes every live token of the account (password reset, "sign out everywhere"); returns how many. */
export async function revokeAllApiTokens(tx: Tx, accountId: string): Promise<number> {
  const rows = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date())))
    .returning({ id: apiTokens.id });
  return rows.length;
}

export function listApiTokens(db: Executor, accountId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(desc(apiTokens.createdAt));
}
