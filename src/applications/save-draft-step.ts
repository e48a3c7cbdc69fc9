import { eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { draftAnswerErrors, withConsequences } from './draft-rules.ts';
import { lockDraft } from './get-application.ts';
import { applications } from './schema.ts';
import type { DraftAnswers, WizardStep } from './wizard-steps.ts';

/** Saves one wizard page's answers into the draft after checking them; a refused page saves nothing. */
export async function saveDraftStep(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; step: WizardStep; answers: DraftAnswers },
  limits: { applicantsPerAccount: number },
  now = new Date(),
): Promise<void> {
  const draft = await lockDraft(tx, input.applicationId);
  const today = witaDate(now);
  const errors = await draftAnswerErrors(tx, draft, input.answers, {
    today,
    maxApplicants: limits.applicantsPerAccount,
  });
  if (Object.keys(errors).length > 0) throw new AppError('validation_failed', errors);
  const patch = withConsequences(draft, input.answers, today);
  await tx.update(applications).set(patch).where(eq(applications.id, draft.id));
  // The step, not the answers: personal data stays in the application, the audit trail says who changed what when.
  await appendAudit(tx, caller, {
    action: 'application.draft_save',
    targetType: 'application',
    targetId: draft.id,
    unitCode: patch.unitCode ?? draft.unitCode,
    details: { step: input.step },
  });
}
