import { eq } from 'drizzle-orm';
import { accounts } from '../platform/auth/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { unitScope } from '../units/scope.ts';
import { authorize } from './policy.ts';
import { tipReporters, villageTipActions, villageTips } from './schema.ts';
import { lockTip } from './tip-records.ts';

export type TipReporter = {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  email: string | null;
  /** Sent while signed in with a citizen account (the account itself is not shown). */
  hasAccount: boolean;
  /** The officer who typed the tip in for a villager. */
  recordedBy: string | null;
};

/**
 * Who sent a tip, for an oversight officer of the tip's own office who gives a reason (to call the sender back, to
 * protect them): the one way to it. Everyone else is refused (the head of office, who reads the tip: forbidden;
 * anyone out of reach: not_found). The reading is recorded in the tip's history with the reason and in the audit
 * log without it, and neither ever carries what was shown.
 */
export async function revealTipReporter(
  tx: Tx,
  caller: Caller,
  input: { tipId: string; reason: string },
): Promise<TipReporter> {
  const tip = await lockTip(tx, input.tipId);
  const scope = caller.actor?.unitCode ? await unitScope(tx, caller.actor.unitCode) : [];
  authorize(caller.actor, 'tip.identity', 'tip.read', { unitCode: tip.unitCode, scope });
  const reason = input.reason.trim();
  if (!reason) throw new AppError('validation_failed', { reason: 'v.required' });
  const [row] = await tx
    .select({ reporter: tipReporters, recordedBy: accounts.name })
    .from(tipReporters)
    .leftJoin(accounts, eq(accounts.id, tipReporters.recordedBy))
    .where(eq(tipReporters.tipId, tip.id));
  await recordWorkflowAction(
    tx,
    // Each reading is recorded, a resent one too: the request id is not kept, so no retry hides a second look.
    caller,
    {
      history: villageTipActions,
      entry: { tipId: tip.id, public: false },
      record: villageTips,
      recordId: tip.id,
      type: 'reporter_shown',
      payload: { reason },
    },
    { action: 'village_tip.reporter_shown', targetType: 'village_tip', targetId: tip.id, unitCode: tip.unitCode },
  );
  const r = row?.reporter;
  return {
    anonymous: r?.anonymous ?? true,
    name: r?.name ?? null,
    phone: r?.phone ?? null,
    email: r?.email ?? null,
    hasAccount: !!r?.accountId,
    recordedBy: row?.recordedBy ?? null,
  };
}
