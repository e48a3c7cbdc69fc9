import { eq } from 'drizzle-orm';
import { applicationMailbox } from '../applications/applicant-mailbox.ts';
import type { Db, Tx } from '../platform/db/index.ts';
import type { JobRunner } from '../platform/jobs/runner.ts';
import { enqueueMail } from '../platform/mail/mailer.ts';
import { getUnit } from '../units/list-units.ts';
import { waitlistOfferMail } from './booking-mails.ts';
import { lapseOffer, WAITLIST_LAPSE_JOB, WAITLIST_OFFER_MAIL_JOB } from './release-place.ts';
import { waitlist } from './schema.ts';

/**
 * Writes the offer mail for a place held for someone on a waitlist (queued with the offer, so offers made by
 * the billing-expiry job need no web settings). An offer already taken, left or lapsed mails nobody.
 */
export async function queueOfferMail(tx: Tx, entryId: string, publicUrl: string): Promise<boolean> {
  const [entry] = await tx.select().from(waitlist).where(eq(waitlist.id, entryId));
  if (!entry || entry.state !== 'offered' || !entry.holdUntil) return false;
  const mailbox = await applicationMailbox(tx, entry.applicationId);
  if (!mailbox) return false;
  const unit = await getUnit(tx, entry.unitCode);
  const link = `${publicUrl}/applications/${entry.applicationId}/book`;
  await enqueueMail(
    tx,
    waitlistOfferMail(mailbox.lang, mailbox.to, {
      code: mailbox.trackingCode,
      date: entry.date,
      unit: unit.name,
      until: entry.holdUntil,
      link,
    }),
  );
  return true;
}

export function registerWaitlistJobs(jobs: JobRunner, db: Db, publicUrl: string): void {
  jobs.register(WAITLIST_LAPSE_JOB, async (payload) => {
    await db.transaction((tx) => lapseOffer(tx, String(payload.entryId)));
  });
  jobs.register(WAITLIST_OFFER_MAIL_JOB, async (payload) => {
    await db.transaction((tx) => queueOfferMail(tx, String(payload.entryId), publicUrl));
  });
}
