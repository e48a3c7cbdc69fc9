import { and, eq, isNull } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { accounts } from '../platform/auth/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { consumeEmailToken } from './email-tokens.ts';

export async function verifyEmail(tx: Tx, caller: Caller, token: string): Promise<void> {
  const accountId = await consumeEmailToken(tx, token, 'verify');
  await tx
    .update(accounts)
    .set({ emailVerifiedAt: new Date() })
    .where(and(eq(accounts.id, accountId), isNull(accounts.emailVerifiedAt)));
  await appendAudit(tx, caller, { action: 'account.verify_email', targetType: 'account', targetId: accountId });
}
