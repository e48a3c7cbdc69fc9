import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { findActionByRequest, type RecordedAction } from '../platform/workflow/find-action-by-request.ts';
import { recordWorkflowAction } from '../platform/workflow/record-workflow-action.ts';
import { assertStepAllowed } from '../platform/workflow/workflow-step.ts';
import { actorScope } from '../units/scope.ts';
import { lockSession } from './load-session.ts';
import { authorize } from './policy.ts';
import { outreachActions, outreachSessions, type OutreachSession } from './schema.ts';
import { sessionWorkflow, type SessionStep } from './workflow.ts';

/** What a step records: the session's columns it sets and what the history says. */
export type SessionChange = { set?: Partial<OutreachSession>; payload?: Record<string, unknown> };

/** The session after the step, the action recorded (or found from an earlier copy of the request), and whether it was. */
export type SessionActionResult = { session: OutreachSession; action: RecordedAction | null; repeated: boolean };

/**
 * Officers by the step's policy action and the session's unit. An applicant joins with their own application, which
 * the caller found for them under the applications' policy.
 */
async function authorizeStep(tx: Tx, caller: Caller, session: OutreachSession, step: SessionStep): Promise<void> {
  const by = sessionWorkflow[step].by;
  if (by === 'applicant') {
    if (!caller.actor) throw new AppError('unauthenticated');
    return;
  }
  authorize(caller.actor, by, { unitCode: session.unitCode, scope: await actorScope(tx, caller.actor) });
}

/**
 * Every change to a session after it is requested goes through here, in the caller's transaction: the session is
 * locked (two decisions on one session run one after the other), the caller's right to the step checked, a resent
 * request id answered with the action it made, the step allowed from the current status (else refused and nothing
 * changes), then the step's own `rules` on the locked session, and the action, the status and the audit entry
 * together. Rules that find nothing to record return null.
 */
export async function performSessionAction(
  tx: Tx,
  caller: Caller,
  input: { sessionId: string; step: SessionStep; requestId?: string | null },
  rules: (session: OutreachSession) => Promise<SessionChange | null>,
): Promise<SessionActionResult> {
  const session = await lockSession(tx, input.sessionId);
  await authorizeStep(tx, caller, session, input.step);
  const earlier = await findActionByRequest(
    tx,
    outreachActions,
    outreachActions.subjectId,
    session.id,
    input.requestId,
  );
  if (earlier) return { session, action: earlier, repeated: true };
  assertStepAllowed(sessionWorkflow, input.step, session.status);
  const change = await rules(session);
  if (!change) return { session, action: null, repeated: false };
  const step = sessionWorkflow[input.step];
  const type = step.records ?? input.step;
  const payload = { ...(step.to ? { status: step.to } : {}), ...(change.payload ?? {}) };
  await recordWorkflowAction(
    tx,
    caller,
    {
      history: outreachActions,
      entry: { subjectId: session.id },
      record: outreachSessions,
      recordId: session.id,
      type,
      status: step.to,
      set: change.set,
      payload: change.payload,
      requestId: input.requestId,
    },
    {
      action: `outreach.session.${type}`,
      targetType: 'outreach_session',
      targetId: session.id,
      unitCode: session.unitCode,
      details: payload,
    },
  );
  return { session: await lockSession(tx, session.id), action: { type, payload }, repeated: false };
}
