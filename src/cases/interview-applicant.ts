import { AppError } from '../platform/errors.ts';
import { mailApplicant } from './case-mails.ts';
import type { StepHandler } from './case-step.ts';
import { isActiveDeferralReason } from './list-deferral-reasons.ts';

/**
 * The interview with its trafficking-screening checklist. An applicant going abroad to work passes only with a work
 * recommendation (rekomendasi penempatan PMI) named in the checklist: without it the officer defers the case
 * (ditangguhkan) with a reason code (an active row of `deferral_reasons`, for the office's figures) and a note, which
 * the applicant is told by mail (the note only: a code such as "suspected PMI" is the office's, not a message).
 * A deferred case is interviewed again later.
 */
export const interviewApplicant: StepHandler<'interview'> = async (ctx, input) => {
  const { application } = ctx;
  if (input.outcome === 'pass' && application.purpose === 'work' && !input.checklist.workRecommendation) {
    throw new AppError('validation_failed', { workRecommendation: 'cases.v.workRecommendation' });
  }
  if (input.outcome === 'pass')
    return { status: 'interviewed', payload: { outcome: 'pass', checklist: input.checklist } };
  if (!input.reasonCode || !(await isActiveDeferralReason(ctx.tx, input.reasonCode)))
    throw new AppError('validation_failed', { reasonCode: 'v.choose' });
  await mailApplicant(ctx.tx, application, 'deferred', { reason: input.reason!, publicUrl: ctx.publicUrl });
  return {
    status: 'deferred',
    payload: { outcome: 'defer', reasonCode: input.reasonCode, reason: input.reason, checklist: input.checklist },
  };
};
