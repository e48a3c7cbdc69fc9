import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { doneBefore, lockStayPermit, recordPermitAction, type PermitChange } from './permit-actions.ts';
import type { StayPermit } from './schema.ts';
import { permitWorkflow, type PermitStep } from './workflow.ts';

/**
 * Every change to a granted permit goes through here, in the caller's transaction: the permit locked, a resent request
 * id answered with the permit as it is, the step allowed from its status (else invalid_transition), then the step's
 * rules on the locked permit, and the history entry, the columns and the audit entry together.
 *
 * The steps are run `by: 'services'`: the caller comes already authorised by the permit-services feature, whose
 * application workflow decided (four eyes, fee paid). Only a caller with an officer or a system name is taken.
 */
export async function performPermitAction(
  tx: Tx,
  caller: Caller,
  input: { permitId: string; step: PermitStep; requestId?: string | null },
  rules: (
    permit: StayPermit,
  ) => Promise<Omit<PermitChange, 'type' | 'requestId'>> | Omit<PermitChange, 'type' | 'requestId'>,
): Promise<StayPermit> {
  if (caller.actor?.kind !== 'officer' && !caller.system)
    throw new AppError(caller.actor ? 'forbidden' : 'unauthenticated');
  const permit = await lockStayPermit(tx, input.permitId);
  if (await doneBefore(tx, permit.id, input.requestId)) return permit;
  const step = permitWorkflow[input.step];
  assertStepAllowed(permitWorkflow, input.step, permit.status);
  const change = await rules(permit);
  await recordPermitAction(tx, caller, permit, {
    ...change,
    type: step.records ?? input.step,
    status: change.status ?? step.to,
    requestId: input.requestId,
  });
  return lockStayPermit(tx, permit.id);
}
