import { listApplicationActions } from '../applications/list-application-actions.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { AppError } from '../platform/errors.ts';
import { findOpenWarningsFor } from '../village-tips/find-open-warnings.ts';
import { mailApplicant } from './case-mails.ts';
import type { CaseContext, StepHandler } from './case-step.ts';
import { findAttention } from './find-attention.ts';
import type { ActionBodyOf } from './inputs.ts';
import { isActiveDeferralReason } from './list-deferral-reasons.ts';

/**
 * The warnings the officer has seen at this interview, by id (never the tip or its sender): those the case page's
 * note showed, and those on the sponsor named now once acknowledged. A pass naming a sponsor under an open recruiter
 * warning the note did not show is refused on `sponsor` until the officer acknowledges it: otherwise a first
 * interview, where no sponsor is known beforehand, would never meet the warning (the note is gone once interviewed).
 * The acknowledgement names the warnings by id, so it cannot be sent blind before the form showed them.
 */
async function warningsSeen(ctx: CaseContext, input: ActionBodyOf<'interview'>): Promise<string[]> {
  const today = witaDate(ctx.now);
  const history = await listApplicationActions(ctx.tx, ctx.application.id);
  const shown = (await findAttention(ctx.tx, ctx.application, history, today, { warnings: true })).warnings;
  const seen = new Set(shown.map((w) => w.id));
  const sponsor = input.checklist.sponsor;
  const named = sponsor ? await findOpenWarningsFor(ctx.tx, { recruiterNames: [sponsor] }, today) : [];
  const acknowledged = new Set(input.warningsAcknowledged ?? []);
  const unseen = named.filter((w) => !seen.has(w.id));
  if (input.outcome === 'pass' && unseen.some((w) => !acknowledged.has(w.id)))
    throw new AppError('validation_failed', { sponsor: 'cases.v.sponsorWarned' });
  for (const w of unseen) if (acknowledged.has(w.id)) seen.add(w.id);
  return [...seen];
}

/**
 * The interview with its trafficking-screening checklist. An applicant going abroad to work passes only with a work
 * recommendation (rekomendasi penempatan PMI) named in the checklist: without it the officer defers the case
 * (ditangguhkan) with a reason code (an active row of `deferral_reasons`, for the office's figures) and a note, which
 * the applicant is told by mail (the note only: a code such as "suspected PMI" is the office's, not a message).
 * A deferred case is interviewed again later. The payload records the warnings seen (`warningsSeen`).
 */
export const interviewApplicant: StepHandler<'interview'> = async (ctx, input) => {
  const { application } = ctx;
  if (input.outcome === 'pass' && application.purpose === 'work' && !input.checklist.workRecommendation) {
    throw new AppError('validation_failed', { workRecommendation: 'cases.v.workRecommendation' });
  }
  const seen = await warningsSeen(ctx, input);
  if (input.outcome === 'pass')
    return { status: 'interviewed', payload: { outcome: 'pass', checklist: input.checklist, warningsSeen: seen } };
  if (!input.reasonCode || !(await isActiveDeferralReason(ctx.tx, input.reasonCode)))
    throw new AppError('validation_failed', { reasonCode: 'v.choose' });
  await mailApplicant(ctx.tx, application, 'deferred', { reason: input.reason!, publicUrl: ctx.publicUrl });
  return {
    status: 'deferred',
    payload: {
      outcome: 'defer',
      reasonCode: input.reasonCode,
      reason: input.reason,
      checklist: input.checklist,
      warningsSeen: seen,
    },
  };
};
