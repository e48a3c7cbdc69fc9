import { calculateFee, type Fee } from '../fees/calculate-fee.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Executor } from '../platform/db/index.ts';
import type { FieldErrors } from '../platform/errors.ts';
import { checkApplicant, type ApplicantFacts } from './applicant-rules.ts';
import { documentRequirements, missingDocuments, type DocumentSummary } from './required-documents.ts';
import type { Application } from './schema.ts';

/**
 * The check-your-answers page's view of a fully answered draft: the fee it would be charged if submitted today,
 * and whatever submission would refuse (an answer that a later change made wrong, a missing document).
 */
export async function reviewDraft(
  db: Executor,
  draft: Application,
  documents: DocumentSummary[],
  limits: { applicantsPerAccount: number },
  now = new Date(),
): Promise<{ fee: Fee; problems: FieldErrors }> {
  const today = witaDate(now);
  const facts = draft as Application & ApplicantFacts;
  const { errors } = await checkApplicant(db, draft.accountId, facts, today, limits.applicantsPerAccount);
  if (missingDocuments(documentRequirements(draft, today), documents).length > 0)
    errors.documents = 'v.documentsMissing';
  const fee = await calculateFee(db, {
    passportType: facts.passportType,
    validityYears: facts.validityYears,
    speed: facts.speed!,
    kind: facts.kind,
    on: today,
  });
  return { fee, problems: errors };
}
