import { findLatestAction } from '../applications/find-application-action.ts';
import { AppError } from '../platform/errors.ts';
import { mailApplicant } from './case-mails.ts';
import type { StepHandler } from './case-step.ts';

/**
 * The decision, by someone other than the officer who did the (newest) interview: four eyes on every passport.
 * A rejection gives its reason, which the applicant is sent and which the rejection receipt shows.
 */
export const adjudicateCase: StepHandler<'adjudicate'> = async (ctx, input) => {
  const { tx, application } = ctx;
  const interview = await findLatestAction(tx, application.id, 'interview');
  if (interview?.actorId === ctx.caller.actor.id) throw new AppError('four_eyes_required');
  if (input.decision === 'approve')
    return { status: 'approved', payload: { decision: 'approve', interviewedBy: interview?.actorId ?? null } };
  await mailApplicant(tx, application, 'rejected', { reason: input.reason!, publicUrl: ctx.publicUrl });
  return {
    status: 'rejected',
    payload: {
      decision: 'reject',
      reason: input.reason,
      interviewedBy: interview?.actorId ?? null,
      reasonCategory: 'adjudication',
    },
  };
};
