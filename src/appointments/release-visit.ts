import { and, eq, inArray } from 'drizzle-orm';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { returnPlace } from './capacity.ts';
import { appointments, liveStates, type Appointment } from './schema.ts';

/** The channel of foreigners' biometrics visits for stay-permit services. */
export const VISIT_CHANNEL = 'stay_permit' as const;

/** The application's live stay-permit visit, row-locked; null when it has none. */
export async function lockLiveVisit(tx: Tx, applicationId: string): Promise<Appointment | null> {
  const [visit] = await tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.applicationId, applicationId),
        eq(appointments.channel, VISIT_CHANNEL),
        inArray(appointments.state, [...liveStates]),
      ),
    )
    .for('update');
  return visit ?? null;
}

/** Ends a visit; its place goes back to the day's counter when the day is still ahead (a past day's count stays). */
export async function endVisit(tx: Tx, visit: Appointment, now: Date): Promise<void> {
  await tx.update(appointments).set({ state: 'cancelled', endedAt: now }).where(eq(appointments.id, visit.id));
  if (visit.date > witaDate(now)) await returnPlace(tx, visit.unitCode, visit.date, visit.channel);
}

/**
 * A stay-permit application no longer needs its visit (withdrawn, or decided): a visit still ahead is cancelled and
 * its place given back (this channel has no waiting list). A visit on today or a past day stays as it is: the person
 * came (or did not), and that day's count is what happened. Returns the visit released, or null. Like
 * placeAppointment, it leaves the audit entry to the caller, whose action on the application names the visit.
 */
export async function releaseVisit(
  tx: Tx,
  input: { applicationId: string },
  now = new Date(),
): Promise<{ appointmentId: string; date: string } | null> {
  const visit = await lockLiveVisit(tx, input.applicationId);
  if (!visit || visit.date <= witaDate(now)) return null;
  await endVisit(tx, visit, now);
  return { appointmentId: visit.id, date: visit.date };
}
