import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { UNRECORDED_REASON } from './count-deferrals.ts';
import { deferralReasons, type DeferralReason } from './schema.ts';

export type NewDeferralReason = Pick<DeferralReason, 'code' | 'nameId' | 'nameEn' | 'nonProcedural' | 'sort'>;

/**
 * A new reason an interview may defer with, active at once. A code is taken for good: one in use (active or retired)
 * and `unrecorded` (the count's category of deferrals from before codes) are refused, so figures never mix two
 * meanings under one code. Audited with the row as added.
 */
export async function addDeferralReason(tx: Tx, caller: Caller, input: NewDeferralReason): Promise<DeferralReason> {
  const taken = () => new AppError('validation_failed', { code: 'cases.reasons.codeTaken' });
  if (input.code === UNRECORDED_REASON.code) throw taken();
  const [row] = await tx
    .insert(deferralReasons)
    .values({ ...input, active: true })
    .onConflictDoNothing()
    .returning();
  if (!row) throw taken();
  await appendAudit(tx, caller, {
    action: 'deferral_reason.add',
    targetType: 'deferral_reason',
    targetId: row.code,
    details: { after: input },
  });
  return row;
}
