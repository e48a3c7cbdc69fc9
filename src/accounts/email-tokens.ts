import { and, eq, gt, isNull } from 'drizzle-orm';
import { emailTokens } from '../platform/auth/schema.ts';
import { hashToken, randomToken } from '../platform/auth/tokens.ts';
import type { Executor } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';

const lifetimeHours = { verify: 72, reset: 1 } as const;

export async function issueEmailToken(db: Executor, accountId: string, purpose: 'verify' | 'reset'): Promise<string> {
  const token = randomToken();
  await db.insert(emailTokens).values({
    tokenHash: hashToken(token),
    accountId,
    purpose,
    expiresAt: new Date(Date.now() + lifetimeHours[purpose] * 3_600_000),
  });
  return token;
}

/** Marks a token used and returns its account; an unknown, expired or used token is refused the same way. */
export async function consumeEmailToken(db: Executor, token: string, purpose: 'verify' | 'reset'): Promise<string> {
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, new Date()),
      ),
    )
    .returning({ accountId: emailTokens.accountId });
  if (!row) throw new AppError('invalid_token');
  return row.accountId;
}

/** Makes every outstanding token of that purpose useless, e.g. the other reset links once one has been used. */
export async function discardEmailTokens(db: Executor, accountId: string, purpose: 'verify' | 'reset'): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(emailTokens.accountId, accountId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}
