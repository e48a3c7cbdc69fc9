import { eq } from 'drizzle-orm';
import { applicantMailbox } from '../applications/applicant-mailbox.ts';
import type { Application } from '../applications/schema.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';
import { lockPassport } from './lock-passport.ts';
import { passportReadyMail } from './passport-mails.ts';
import type { PassportStepContext, PassportStepResult } from './passport-step.ts';
import { bookMovements, passports } from './schema.ts';
import { UNCOLLECTED_DAYS, VOID_JOB } from './void-uncollected.ts';

async function mailReady(tx: Tx, application: Application, passportNumber: string, publicUrl: string): Promise<void> {
  const mailbox = await applicantMailbox(tx, application);
  if (!mailbox) return;
  const unit = await getUnit(tx, application.unitCode!);
  await enqueueMail(
    tx,
    passportReadyMail(mailbox.lang, mailbox.to, {
      code: application.trackingCode,
      passportNumber,
      unit,
      trackLink: `${publicUrl}/track`,
      saturdayLink: `${publicUrl}/applications/${application.id}/saturday-pickup`,
    }),
  );
}

/**
 * Quality check ('printed' → 'ready' or back to 'approved'). Passed: the applicant is told to collect it, and the
 * job that voids it if uncollected is queued for 30 days on. Failed: the passport is cancelled and its book recorded
 * as spoiled with the reason (the book already left the stock when printed, so the stock does not move again);
 * the case returns to 'approved' so it is printed again with a new book and number.
 */
export async function checkQuality(
  { tx, caller, application, now, publicUrl }: PassportStepContext,
  input: { passed: boolean; reason?: string },
): Promise<PassportStepResult> {
  const passport = await lockPassport(tx, application.id, 'printed');
  if (!input.passed) {
    await tx.update(passports).set({ status: 'cancelled' }).where(eq(passports.number, passport.number));
    await tx.insert(bookMovements).values({
      unitCode: passport.unitCode,
      type: passport.type,
      kind: 'spoiled',
      quantity: 0,
      passportNumber: passport.number,
      applicationId: application.id,
      note: input.reason,
      actorId: caller.actor.id,
      at: now,
    });
    return { status: 'approved', payload: { passportNumber: passport.number, passed: false, reason: input.reason } };
  }
  await tx.update(passports).set({ status: 'ready', readyAt: now }).where(eq(passports.number, passport.number));
  await mailReady(tx, application, passport.number, publicUrl);
  await enqueueJob(
    tx,
    VOID_JOB,
    { passportNumber: passport.number },
    { runAt: new Date(now.getTime() + UNCOLLECTED_DAYS * 86_400_000) },
  );
  return { status: 'ready', payload: { passportNumber: passport.number, passed: true } };
}
