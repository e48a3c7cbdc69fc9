import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { deferralReasons, type DeferralReason } from './schema.ts';

/** What an office may change of a reason: its names, its place in the list and whether interviews may still use it. */
export type DeferralReasonChange = Partial<Pick<DeferralReason, 'nameId' | 'nameEn' | 'sort' | 'active'>>;

/**
 * Changes a reason in place. Its code never changes and a reason is never deleted (past deferrals and the published
 * figures name it): it is retired with `active = false`. `nonProcedural` stays as added, since it decides which past
 * deferrals count as suspected PMI non-procedural. Audited with before and after.
 */
export async function updateDeferralReason(
  tx: Tx,
  caller: Caller,
  code: string,
  change: DeferralReasonChange,
): Promise<DeferralReason> {
  const [before] = await tx.select().from(deferralReasons).where(eq(deferralReasons.code, code)).for('update');
  if (!before) throw new AppError('not_found');
  const [after] = await tx.update(deferralReasons).set(change).where(eq(deferralReasons.code, code)).returning();
  await appendAudit(tx, caller, {
    action: 'deferral_reason.update',
    targetType: 'deferral_reason',
    targetId: code,
    details: { before, after },
  });
  return after!;
}
