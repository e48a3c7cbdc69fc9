import { releasedVisitPayload, releaseVisit } from '../appointments/release-visit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { mailApplicant } from './application-mails.ts';
import { ruleOf } from './get-application.ts';
import { applyDecision, clearPaidChange } from './permit-changes.ts';
import { performApplicationAction } from './perform-application-action.ts';
import type { PermitApplication } from './schema.ts';

export type Decision =
  | { applicationId: string; decision: 'approve'; requestId?: string }
  | { applicationId: string; decision: 'refuse'; reason: string; requestId?: string };

/**
 * The decision on a verified application, by an adjudicator or the head of office who did not verify it (four eyes):
 * approval changes the permit through stay-permits in the same transaction (a refusal from stay-permits undoes the
 * whole decision); refusal keeps the reason. Either way a paid alih status stops shielding the permit, a biometrics
 * visit still ahead (verified before its day) gives its place back, one whose day came ends attended, and the applicant is told by mail.
 */
export function decideApplication(
  tx: Tx,
  caller: Caller,
  input: Decision,
  now = new Date(),
): Promise<PermitApplication> {
  const step = input.decision === 'approve' ? 'approve' : 'refuse';
  return performApplicationAction(tx, caller, { ...input, step }, async (application) => {
    if (application.verifiedBy === caller.actor?.id) throw new AppError('four_eyes_required');
    // The applicant is owed the reason (and may contest it): a refusal without one is not a decision.
    if (input.decision === 'refuse' && !input.reason.trim())
      throw new AppError('validation_failed', { reason: 'v.required' });
    const decidedBy = caller.actor!.id;
    const released = await releaseVisit(
      tx,
      { applicationId: application.id, verified: application.verifiedBy !== null },
      now,
    );
    const visit = releasedVisitPayload(released);
    if (input.decision === 'refuse') {
      await clearPaidChange(tx, caller, application);
      await mailApplicant(tx, application, 'refused', { reason: input.reason });
      return { set: { decidedBy, refusalReason: input.reason }, payload: { reason: input.reason, ...visit } };
    }
    const grantUntil = await applyDecision(tx, caller, application, await ruleOf(tx, application), witaDate(now));
    await mailApplicant(tx, application, 'approved', { until: grantUntil ?? '-' });
    return { set: { decidedBy, grantUntil }, payload: { grantUntil, ...visit } };
  });
}
