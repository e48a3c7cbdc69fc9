import { asc, eq } from 'drizzle-orm';
import type { Caller } from '../platform/auth/caller.ts';
import type { Executor, Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { unitScope } from '../units/scope.ts';
import { authorize } from './policy.ts';
import { assertSameAction } from './resent-action.ts';
import { villageWarningActions, villageWarnings, type VillageWarning } from './schema.ts';
import { warningWorkflow, type WarningStep } from './workflow.ts';

export async function getWarning(db: Executor, id: string, lock = false): Promise<VillageWarning> {
  const query = db.select().from(villageWarnings).where(eq(villageWarnings.id, id));
  const [warning] = lock ? await query.for('update') : await query;
  if (!warning) throw new AppError('not_found');
  return warning;
}

export function warningHistory(db: Executor, warningId: string) {
  return db
    .select({ type: villageWarningActions.type, at: villageWarningActions.at, payload: villageWarningActions.payload })
    .from(villageWarningActions)
    .where(eq(villageWarningActions.warningId, warningId))
    .orderBy(asc(villageWarningActions.id));
}

/**
 * A note on an open warning, or closing it (the counter stops seeing it at once), through the workflow: locked,
 * authorised (out of reach: not_found), a resent request id answered as it is (conflict when it asked for another
 * step or text), the step allowed from its status, history and audit together; the audit entry without the text.
 */
export async function performWarningAction(
  tx: Tx,
  caller: Caller,
  input: { warningId: string; step: WarningStep; text?: string | null; requestId?: string | null },
  now = new Date(),
): Promise<VillageWarning> {
  const warning = await getWarning(tx, input.warningId, true);
  const scope = caller.actor?.unitCode ? await unitScope(tx, caller.actor.unitCode) : [];
  authorize(caller.actor, 'warning.manage', 'warning.read', { unitCode: warning.unitCode, scope });
  const text = input.text?.trim() || null;
  const payload = text ? { text } : {};
  const resent = await findActionByRequest(
    tx,
    villageWarningActions,
    villageWarningActions.warningId,
    warning.id,
    input.requestId,
  );
  if (resent) {
    assertSameAction(resent, input.step, payload);
    return warning;
  }
  assertStepAllowed(warningWorkflow, input.step, warning.status);
  if (input.step === 'note' && !text) throw new AppError('validation_failed', { text: 'v.required' });
  const step = warningWorkflow[input.step];
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: villageWarningActions,
      entry: { warningId: warning.id },
      record: villageWarnings,
      recordId: warning.id,
      type: input.step,
      status: step.to,
      set: input.step === 'close' ? { closedAt: now } : undefined,
      payload,
      requestId: input.requestId,
    },
    {
      action: `village_warning.${input.step}`,
      targetType: 'village_warning',
      targetId: warning.id,
      unitCode: warning.unitCode,
      details: { from: warning.status, ...(step.to ? { to: step.to } : {}) },
    },
  );
  return getWarning(tx, warning.id);
}
