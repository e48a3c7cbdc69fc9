import { eq } from 'drizzle-orm';
import { findOverstayForCase } from '../overstays/find-overstay.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import type { CaseStepInput } from './case-steps.ts';
import { assertDateBetween } from './step-dates.ts';
import { decideCase } from './decide-case.ts';
import { executeMeasure } from './execute-measure.ts';
import { authorize, authorizeRole } from './policy.ts';
import { enforcementCaseActions, enforcementCases, type CaseStatus, type EnforcementCase } from './schema.ts';
import { caseWorkflow } from './workflow.ts';

type Change = { set?: Partial<EnforcementCase>; payload?: Record<string, unknown>; status?: CaseStatus };

export async function lockCase(tx: Tx, id: string): Promise<EnforcementCase> {
  const [found] = await tx.select().from(enforcementCases).where(eq(enforcementCases.id, id)).for('update');
  if (!found) throw new AppError('not_found');
  return found;
}

/** Whether the overstay a case comes from is paid in full, asked of overstays whenever the case is shown or acted on. */
export async function overstayPaidOf(tx: Tx, found: EnforcementCase): Promise<boolean> {
  if (found.sourceKind !== 'overstay') return false;
  return (await findOverstayForCase(tx, found.sourceRef))?.paid ?? false;
}

/** Each step's own rules on the locked case: what it records and changes. */
async function stepRules(
  tx: Tx,
  caller: Caller & { actor: Actor },
  found: EnforcementCase,
  input: CaseStepInput,
): Promise<Change> {
  switch (input.step) {
    case 'examine':
      assertDateBetween('examinedOn', input.examinedOn, witaDate(found.openedAt));
      return {
        set: {
          examinedOn: input.examinedOn,
          examiner: input.examiner,
          examinationPlace: input.place,
          statement: input.statement,
        },
        payload: { examinedOn: input.examinedOn },
      };
    case 'attachBap':
      return { set: { bapKey: input.bapKey } };
    case 'opine':
      return { set: { opinion: input.opinion, proposed: input.proposed, opinionBy: caller.actor.id } };
    case 'decide': {
      const decided = await decideCase(tx, caller, found, input);
      return { ...decided, status: decided.allExecuted ? 'executed' : 'decided' };
    }
    case 'execute': {
      const done = await executeMeasure(tx, caller, found, input);
      return { payload: done.payload, status: done.allExecuted ? 'executed' : 'decided' };
    }
    case 'close':
      return { set: { closingNote: input.note || null } };
    case 'closePaid':
      if (!(await overstayPaidOf(tx, found)))
        throw new AppError('validation_failed', { closePaid: 'enforcement.v.notPaid' });
      return {};
    case 'withdraw':
      return { set: { closingNote: input.reason }, payload: { reason: input.reason } };
  }
}

/**
 * Every change to a case goes through here, in the caller's transaction: the case locked, the caller's right in its
 * unit checked, a resent request id answered with the case as it is, the step allowed from the current status (else
 * invalid_transition and nothing changes), the step's rules, then the action, the status and the audit together.
 */
export async function performCaseAction(
  tx: Tx,
  caller: Caller,
  input: { caseId: string; requestId?: string | null } & CaseStepInput,
): Promise<EnforcementCase> {
  const step = caseWorkflow[input.step];
  authorizeRole(caller.actor, step.by);
  const found = await lockCase(tx, input.caseId);
  authorize(caller.actor, step.by, { unitCode: found.unitCode, scope: await actorScope(tx, caller.actor) });
  const actor = caller.actor!;
  const resent = await findActionByRequest(
    tx,
    enforcementCaseActions,
    enforcementCaseActions.caseId,
    found.id,
    input.requestId,
  );
  if (resent) return found;
  assertStepAllowed(caseWorkflow, input.step, found.status);
  const change = await stepRules(tx, { ...caller, actor }, found, input);
  const type = step.records ?? input.step;
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: enforcementCaseActions,
      entry: { caseId: found.id },
      record: enforcementCases,
      recordId: found.id,
      type,
      status: change.status ?? step.to,
      set: change.set,
      payload: change.payload,
      requestId: input.requestId,
    },
    {
      action: `enforcement_case.${type}`,
      targetType: 'enforcement_case',
      targetId: found.id,
      unitCode: found.unitCode,
    },
  );
  return lockCase(tx, found.id);
}
