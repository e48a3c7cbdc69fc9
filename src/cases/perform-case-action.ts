import { recordAction } from '../applications/actions.ts';
import { findActionByRequestId } from '../applications/find-application-action.ts';
import { lockApplication } from '../applications/get-application.ts';
import type { ApplicationStatus } from '../applications/schema.ts';
import { setApplicationHolder } from '../applications/set-application-holder.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { Storage } from '../platform/storage/storage.ts';
import { unitScope } from '../units/scope.ts';
import { checkQuality } from '../passports/check-quality.ts';
import { handOverPassport } from '../passports/hand-over-passport.ts';
import { printPassport } from '../passports/print-passport.ts';
import type { CaseActionBody } from './inputs.ts';
import { adjudicateCase } from './adjudicate-case.ts';
import { captureBiometrics } from './capture-biometrics.ts';
import type { CaseContext, StepHandler, StepResult } from './case-step.ts';
import { checkDocuments } from './check-documents.ts';
import { checkWatchlist } from './check-watchlist.ts';
import { confirmPayment } from './confirm-payment.ts';
import { interviewApplicant } from './interview-applicant.ts';
import { authorize } from './policy.ts';
import { assertStepAllowed, openCaseStatuses, type CaseStep } from './workflow.ts';

const handlers: { [S in CaseStep]: StepHandler<S> } = {
  document_check: checkDocuments,
  watchlist_check: checkWatchlist,
  confirm_payment: confirmPayment,
  capture_biometrics: captureBiometrics,
  interview: interviewApplicant,
  adjudicate: adjudicateCase,
  print: printPassport,
  quality_check: checkQuality,
  hand_over: handOverPassport,
};

export type CaseActionResult = {
  applicationId: string;
  status: ApplicationStatus;
  holderId: string | null;
  action: { type: string; payload: Record<string, unknown> };
};

/**
 * Runs one action on a case, in the caller's transaction: the case is locked, the officer's role and unit checked,
 * the holder checked (only the officer holding a case moves it), the step allowed from the current status, then the
 * step runs and the action and audit entry are written with it. A refused action throws and so changes nothing.
 * A resent request id answers with the action already recorded.
 */
export async function performCaseAction(
  tx: Tx,
  caller: Caller & { actor: Actor },
  input: { applicationId: string; body: CaseActionBody },
  services: { storage: Storage; publicUrl: string; now?: Date },
): Promise<CaseActionResult> {
  const application = await lockApplication(tx, input.applicationId);
  const actor = caller.actor;
  authorize(actor, input.body.type, {
    unitCode: application.unitCode,
    scope: actor.unitCode ? await unitScope(tx, actor.unitCode) : [],
  });

  if (input.body.requestId) {
    const done = await findActionByRequestId(tx, application.id, input.body.requestId);
    if (done)
      return {
        applicationId: application.id,
        status: application.status,
        holderId: application.holderId,
        action: { type: done.type, payload: done.payload },
      };
  }

  const { type } = input.body;
  assertStepAllowed(type, application.status);
  let result: StepResult;
  let holderId = application.holderId;
  if (type === 'take') {
    if (application.holderId && application.holderId !== actor.id) throw new AppError('case_held');
    holderId = actor.id;
    result = { status: application.status };
  } else if (type === 'release') {
    if (application.holderId !== actor.id && actor.role !== 'head_of_office') throw new AppError('case_not_held');
    holderId = null;
    result = {
      status: application.status,
      payload: input.body.reason
        ? { reason: input.body.reason, from: application.holderId }
        : { from: application.holderId },
    };
  } else {
    if (application.holderId !== actor.id) throw new AppError(application.holderId ? 'case_held' : 'case_not_held');
    const ctx: CaseContext = {
      tx,
      caller,
      application,
      now: services.now ?? new Date(),
      storage: services.storage,
      publicUrl: services.publicUrl,
    };
    result = await (handlers[type] as StepHandler<typeof type>)(ctx, input.body);
    // A case that leaves the office's hands (rejected, handed over) is no longer anyone's to hold.
    if (!openCaseStatuses.includes(result.status)) holderId = null;
  }

  if (holderId !== application.holderId) await setApplicationHolder(tx, application.id, holderId);
  const payload = result.payload ?? {};
  await recordAction(tx, caller, {
    applicationId: application.id,
    type,
    status: result.status !== application.status ? result.status : undefined,
    payload,
    requestId: input.body.requestId,
  });
  await appendAudit(tx, caller, {
    action: `case.${type}`,
    targetType: 'application',
    targetId: application.id,
    unitCode: application.unitCode,
    details: { from: application.status, to: result.status },
  });
  return { applicationId: application.id, status: result.status, holderId, action: { type, payload } };
}
