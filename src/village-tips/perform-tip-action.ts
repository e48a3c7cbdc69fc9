import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { unitScope } from '../units/scope.ts';
import { authorize } from './policy.ts';
import { villageTipActions, villageTips, type TipOutcome, type VillageTip } from './schema.ts';
import { assertSameAction } from './resent-action.ts';
import { lockTip } from './tip-records.ts';
import { tipWorkflow, type HandOverTarget, type TipStep } from './workflow.ts';

export type TipActionInput = {
  tipId: string;
  step: TipStep;
  requestId?: string | null;
  /** The triage note, the answer (public), the hand-over's note, the internal note, the closing note. */
  text?: string | null;
  credible?: 'yes' | 'no' | null;
  handedTo?: HandOverTarget | null;
  outcome?: TipOutcome | null;
};

type Change = { set?: Partial<VillageTip>; payload: Record<string, unknown> };

const need = <T>(field: string, value: T | null | undefined): T => {
  if (value === null || value === undefined || value === '')
    throw new AppError('validation_failed', { [field]: 'v.required' });
  return value;
};

/** The step's own rules, once the workflow allows it: what it checks, sets and records. */
function stepChange(input: TipActionInput, actorId: string, now: Date): Change {
  const text = input.text?.trim() || null;
  switch (input.step) {
    case 'take':
      return { set: { assignedTo: actorId }, payload: {} };
    case 'triage':
      return { payload: { credible: need('credible', input.credible) === 'yes', ...(text ? { note: text } : {}) } };
    case 'answer':
    case 'note':
      return { payload: { text: need('text', text) } };
    case 'hand_over':
      return { payload: { handedTo: need('handedTo', input.handedTo), ...(text ? { note: text } : {}) } };
    case 'close': {
      const outcome = need('outcome', input.outcome);
      return { set: { outcome, closedAt: now }, payload: { outcome, ...(text ? { note: text } : {}) } };
    }
  }
}

/**
 * Every change to a tip after it is filed goes through here, in the caller's transaction: the tip locked, the
 * caller's right checked (out of reach: not_found; the head of office reads but does not act: forbidden), a resent
 * request id answered with the tip as it is (conflict when it asked for another step or other fields), the step
 * allowed from its status, then the step's rules, and the action, the status and the audit entry together. The
 * audit entry carries no free text, only the step, the statuses and the outcome.
 */
export async function performTipAction(
  tx: Tx,
  caller: Caller,
  input: TipActionInput,
  now = new Date(),
): Promise<VillageTip> {
  const tip = await lockTip(tx, input.tipId);
  const scope = caller.actor?.unitCode ? await unitScope(tx, caller.actor.unitCode) : [];
  authorize(caller.actor, 'tip.handle', 'tip.read', { unitCode: tip.unitCode, scope });
  const resent = await findActionByRequest(tx, villageTipActions, villageTipActions.tipId, tip.id, input.requestId);
  if (resent) {
    assertSameAction(resent, input.step, stepChange(input, caller.actor!.id, now).payload);
    return tip;
  }
  assertStepAllowed(tipWorkflow, input.step, tip.status);
  const step = tipWorkflow[input.step];
  const change = stepChange(input, caller.actor!.id, now);
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: villageTipActions,
      entry: { tipId: tip.id, public: step.public ?? false },
      record: villageTips,
      recordId: tip.id,
      type: input.step,
      status: step.to,
      ...change,
      requestId: input.requestId,
    },
    {
      action: `village_tip.${input.step}`,
      targetType: 'village_tip',
      targetId: tip.id,
      unitCode: tip.unitCode,
      details: {
        from: tip.status,
        ...(step.to ? { to: step.to } : {}),
        ...(change.set?.outcome ? { outcome: change.set.outcome } : {}),
      },
    },
  );
  return lockTip(tx, tip.id);
}
