import { and, asc, eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { getApplication } from '../applications/get-application.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import { systemCaller, type Caller } from '../platform/auth/caller.ts';
import { witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { bookingSettings } from './booking-settings.ts';
import { returnPlace } from './capacity.ts';
import { dayQuotas, waitlist, type Channel } from './schema.ts';

export const WAITLIST_LAPSE_JOB = 'waitlist.lapse';
export const WAITLIST_OFFER_MAIL_JOB = 'waitlist.offer_mail';

export type Place = { unitCode: string; date: IsoDate; channel: Channel };

/**
 * A booked place is freed (cancellation, reschedule away, billing expiry, a lapsed or declined offer). When people
 * wait for that day, the place is not given back to the counter: it stays counted as booked and is held for the
 * first of them until `hold_until`, so nobody else can take it meanwhile; they are mailed and may accept. The hold
 * ends at the latest when the day starts (a day is bookable until the day before). Otherwise the place goes back.
 */
export async function releasePlace(
  tx: Tx,
  trigger: Caller,
  place: Place,
  now = new Date(),
): Promise<{ offeredTo: string | null }> {
  // The system makes the offer: the history of the person offered a place does not name who freed it.
  const caller: Caller = { ...systemCaller('waitlist'), requestId: trigger.requestId };
  const holdUntil = new Date(
    Math.min(now.getTime() + bookingSettings.offerHoldMinutes * 60_000, witaInstant(place.date).getTime()),
  );
  const [day] = await tx
    .select()
    .from(dayQuotas)
    .where(
      and(eq(dayQuotas.unitCode, place.unitCode), eq(dayQuotas.date, place.date), eq(dayQuotas.channel, place.channel)),
    )
    .for('update');
  // A day over capacity (the head of office lowered it) has no place to offer: the freed one just goes back.
  if (day && day.booked <= day.capacity && holdUntil > now) {
    for (;;) {
      const [entry] = await tx
        .select()
        .from(waitlist)
        .where(
          and(
            eq(waitlist.unitCode, place.unitCode),
            eq(waitlist.date, place.date),
            eq(waitlist.channel, place.channel),
            eq(waitlist.state, 'waiting'),
          ),
        )
        .orderBy(asc(waitlist.createdAt), asc(waitlist.id))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!entry) break;
      if ((await getApplication(tx, entry.applicationId)).status !== 'submitted') {
        // Booked elsewhere or withdrawn meanwhile: no longer waiting.
        await tx.update(waitlist).set({ state: 'withdrawn' }).where(eq(waitlist.id, entry.id));
        await recordAction(tx, caller, {
          applicationId: entry.applicationId,
          type: 'waitlist_withdrawn',
          payload: { entryId: entry.id, date: entry.date },
        });
        await appendAudit(tx, caller, {
          action: 'waitlist.withdraw',
          targetType: 'waitlist',
          targetId: entry.id,
          unitCode: entry.unitCode,
          details: { date: entry.date },
        });
        continue;
      }
      await tx.update(waitlist).set({ state: 'offered', holdUntil }).where(eq(waitlist.id, entry.id));
      await enqueueJob(tx, WAITLIST_OFFER_MAIL_JOB, { entryId: entry.id });
      await enqueueJob(tx, WAITLIST_LAPSE_JOB, { entryId: entry.id }, { runAt: holdUntil });
      await recordAction(tx, caller, {
        applicationId: entry.applicationId,
        type: 'waitlist_offered',
        payload: { entryId: entry.id, date: entry.date, holdUntil: holdUntil.toISOString() },
      });
      await appendAudit(tx, caller, {
        action: 'waitlist.offer',
        targetType: 'waitlist',
        targetId: entry.id,
        unitCode: entry.unitCode,
        details: { date: entry.date, holdUntil: holdUntil.toISOString() },
      });
      return { offeredTo: entry.applicationId };
    }
  }
  await returnPlace(tx, place.unitCode, place.date, place.channel);
  return { offeredTo: null };
}

/** The job due at an offer's hold_until: an offer not taken by then lapses, and the place goes to the next in line. */
export async function lapseOffer(tx: Tx, entryId: string, now = new Date()): Promise<boolean> {
  const [entry] = await tx.select().from(waitlist).where(eq(waitlist.id, entryId)).for('update');
  if (!entry || entry.state !== 'offered' || !entry.holdUntil || entry.holdUntil > now) return false;
  const caller = systemCaller('waitlist hold');
  await tx.update(waitlist).set({ state: 'lapsed' }).where(eq(waitlist.id, entry.id));
  await recordAction(tx, caller, {
    applicationId: entry.applicationId,
    type: 'waitlist_lapsed',
    payload: { entryId: entry.id, date: entry.date },
  });
  await appendAudit(tx, caller, {
    action: 'waitlist.lapse',
    targetType: 'waitlist',
    targetId: entry.id,
    unitCode: entry.unitCode,
    details: { date: entry.date },
  });
  await releasePlace(tx, caller, entry, now);
  return true;
}
