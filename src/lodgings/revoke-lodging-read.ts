import { and, eq, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { notFound } from '../platform/errors.ts';
import { lodgingReadGrants } from './schema.ts';

/** Ends a grant now; a grant already revoked stays as it was. */
export async function revokeLodgingRead(
  tx: Tx,
  caller: Caller & { actor: { id: string } },
  input: { unitCode: string; grantId: string },
) {
  const [grant] = await tx
    .update(lodgingReadGrants)
    .set({ revokedAt: sql`now()`, revokedBy: caller.actor.id })
    .where(
      and(
        eq(lodgingReadGrants.id, input.grantId),
        eq(lodgingReadGrants.unitCode, input.unitCode),
        isNull(lodgingReadGrants.revokedAt),
      ),
    )
    .returning();
  if (!grant) throw notFound();
  await appendAudit(tx, caller, {
    action: 'lodging.revokeRead',
    targetType: 'account',
    targetId: grant.accountId,
    unitCode: input.unitCode,
    details: { grantId: grant.id },
  });
  return grant;
}
