import { documentRequirements } from '../applications/required-documents.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import type { StepHandler } from './case-step.ts';

/**
 * The originals brought to the counter, each accepted or refused with a reason. The case moves on only when every
 * document shown is accepted and every required line of the checklist is covered by an accepted one; otherwise it
 * waits as incomplete and the check can be repeated when the applicant brings what is missing.
 */
export const checkDocuments: StepHandler<'document_check'> = async (ctx, input) => {
  const kinds = input.documents.map((d) => d.kind);
  if (new Set(kinds).size !== kinds.length)
    throw new AppError('validation_failed', { documents: 'cases.v.duplicateDocument' });
  const documents = input.documents.map((d) =>
    d.accepted ? { kind: d.kind, accepted: true } : { kind: d.kind, accepted: false, reason: d.reason },
  );
  const accepted = new Set(documents.filter((d) => d.accepted).map((d) => d.kind));
  const missing = documentRequirements(ctx.application, witaDate(ctx.now))
    .filter((r) => r.required && !r.kinds.some((k) => accepted.has(k)))
    .map((r) => r.id);
  const complete = missing.length === 0 && documents.every((d) => d.accepted);
  return { status: complete ? 'documents_verified' : 'documents_incomplete', payload: { documents, missing } };
};
