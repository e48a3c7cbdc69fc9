import { eq } from 'drizzle-orm';
import { calculateFee, type Fee } from '../fees/calculate-fee.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError, type FieldErrors } from '../platform/errors.ts';
import { recordAction } from './actions.ts';
import { checkApplicant, openApplicationRace, type ApplicantFacts } from './applicant-rules.ts';
import { lockDraft } from './get-application.ts';
import { documentRequirements, listDocuments, missingDocuments } from './required-documents.ts';
import { applications, type Application } from './schema.ts';
import { stepFields, wizardSteps } from './wizard-steps.ts';

export type SubmittedApplication = { id: string; trackingCode: string; fee: Fee; warnings: string[] };

/** Every answer the wizard asks for, as "required" errors for those still missing. */
function unanswered(draft: Application): FieldErrors {
  const fields = wizardSteps.flatMap((step) => stepFields[step]);
  return Object.fromEntries(fields.filter((field) => draft[field] === null).map((field) => [field, 'v.required']));
}

/**
 * Submits a finished draft: the whole record meets the applicant rules, the required documents are there, and the
 * fee is fixed from the tariff in force today (WITA). The counterpart of createApplication for the wizard.
 */
export async function submitApplication(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string },
  limits: { applicantsPerAccount: number },
  now = new Date(),
): Promise<SubmittedApplication> {
  const draft = await lockDraft(tx, input.applicationId);
  const today = witaDate(now);
  const missing = unanswered(draft);
  if (Object.keys(missing).length > 0) throw new AppError('validation_failed', missing);
  const facts = draft as Application & ApplicantFacts;
  const { errors, warnings } = await checkApplicant(tx, draft.accountId, facts, today, limits.applicantsPerAccount);
  if (missingDocuments(documentRequirements(draft, today), await listDocuments(tx, draft.id)).length > 0)
    errors.documents = 'v.documentsMissing';
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);

  const fee = await calculateFee(tx, {
    passportType: facts.passportType,
    validityYears: facts.validityYears,
    speed: facts.speed!,
    kind: facts.kind,
    on: today,
  });
  await tx
    .update(applications)
    .set({ feeTotal: fee.total, feeItems: fee.items, feeRegulation: fee.regulation, warnings, submittedAt: now })
    .where(eq(applications.id, draft.id));
  await recordAction(tx, caller, {
    applicationId: draft.id,
    type: 'submitted',
    status: 'submitted',
    payload: { fee: fee.total },
  }).catch((err: unknown) => {
    throw openApplicationRace(err) ?? err;
  });
  await appendAudit(tx, caller, {
    action: 'application.submit',
    targetType: 'application',
    targetId: draft.id,
    unitCode: draft.unitCode,
  });
  return { id: draft.id, trackingCode: draft.trackingCode, fee, warnings };
}
