import { eq } from 'drizzle-orm';
import { applicantMailbox } from '../applications/applicant-mailbox.ts';
import { hasDocument } from '../applications/has-document.ts';
import type { Application } from '../applications/schema.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { sendSurveyLink } from '../surveys/send-survey-link.ts';
import { lockPassport } from './lock-passport.ts';
import type { PassportStepContext, PassportStepResult } from './passport-step.ts';
import { releaseSaturdayPickup } from './release-saturday-pickup.ts';
import { cancelledPassports, passports } from './schema.ts';

const replacingKinds = new Set(['replacement', 'lost', 'damaged', 'name_change']);

type HandOverInput = {
  recipient: 'applicant' | 'proxy';
  proxy?: { name: string; nik: string; powerOfAttorneyNumber: string };
};

/**
 * The old passport of a replacement, loss, damage or name change is cancelled with the charge the applicant paid
 * for it: the lost or damaged item of the fee fixed at submission (Rp1.000.000 / Rp500.000 under PP 45/2024), else 0.
 */
async function cancelOldPassport(
  tx: Tx,
  application: Application,
  recordedBy: string,
  now: Date,
): Promise<Record<string, unknown> | undefined> {
  if (!application.kind || !replacingKinds.has(application.kind) || !application.oldPassportNumber) return undefined;
  const charge = application.feeItems?.find((i) => i.item === application.kind)?.amount ?? 0;
  const [row] = await tx
    .insert(cancelledPassports)
    .values({
      number: application.oldPassportNumber,
      applicationId: application.id,
      reason: application.kind,
      charge,
      recordedBy,
      at: now,
    })
    .onConflictDoNothing()
    .returning();
  return row ? { number: row.number, reason: row.reason, charge: row.charge } : undefined;
}

/**
 * Hand-over ('ready' → 'handed_over') after the identity check: to the applicant, or to a proxy whose power of
 * attorney is among the application's documents. A Saturday pickup chosen for a later date is released, and the
 * applicant is mailed a one-time satisfaction survey link.
 */
export async function handOverPassport(ctx: PassportStepContext, input: HandOverInput): Promise<PassportStepResult> {
  const { tx, caller, application, now } = ctx;
  if (input.recipient === 'proxy' && !(await hasDocument(tx, application.id, 'power_of_attorney'))) {
    throw new AppError('validation_failed', { proxy: 'passports.v.powerOfAttorney' });
  }
  const passport = await lockPassport(tx, application.id, 'ready');
  await tx
    .update(passports)
    .set({ status: 'handed_over', handedOverAt: now })
    .where(eq(passports.number, passport.number));
  const oldPassport = await cancelOldPassport(tx, application, caller.actor.id, now);
  await releaseSaturdayPickup(tx, application.id, witaDate(now), now);
  const mailbox = await applicantMailbox(tx, application);
  const survey = {
    unitCode: passport.unitCode,
    service: 'passport' as const,
    refId: application.id,
    to: mailbox?.to ?? null,
    name: application.fullName ?? '',
  };
  await sendSurveyLink(tx, survey, ctx.publicUrl);
  return {
    status: 'handed_over',
    payload: {
      passportNumber: passport.number,
      recipient: input.recipient,
      ...(input.recipient === 'proxy' ? { proxy: input.proxy } : {}),
      ...(oldPassport ? { oldPassport } : {}),
    },
  };
}
