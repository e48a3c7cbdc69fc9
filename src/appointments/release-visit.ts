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

export type ReleasedVisit = {
  appointmentId: string;
  date: string;
  /** `cancelled`, or `attended` for a visit whose day came and whose applicant was verified. */
  state: 'cancelled' | 'attended';
  /** True when the day was still ahead and its place went back to the day's counter. */
  placeReturned: boolean;
};

/**
 * A stay-permit application no longer needs its visit (withdrawn, or decided), so the visit stops being live. A visit
 * still ahead is cancelled and its place given back (this channel has no waiting list). A visit on today or a past
 * day keeps its place (that day's count is what happened) and ends `attended` when the applicant was verified (the
 * verifier took the biometrics at the visit), else `cancelled`: left live it would stay `paid` for ever. Returns the
 * visit ended, or null. Like placeAppointment, it leaves the audit entry to the caller, whose action on the
 * application names the visit.
 */
export async function releaseVisit(
  tx: Tx,
  input: { applicationId: string; verified: boolean },
  now = new Date(),
): Promise<ReleasedVisit | null> {
  const visit = await lockLiveVisit(tx, input.applicationId);
  if (!visit) return null;
  const ended = { appointmentId: visit.id, date: visit.date };
  if (visit.date > witaDate(now)) {
    await endVisit(tx, visit, now);
    return { ...ended, state: 'cancelled', placeReturned: true };
  }
  const state = input.verified ? 'attended' : 'cancelled';
  await tx.update(appointments).set({ state, endedAt: now }).where(eq(appointments.id, visit.id));
  return { ...ended, state, placeReturned: false };
}

/** What the application's action records of its visit: the day given back, or how a visit whose day came ended. */
export function releasedVisitPayload(visit: ReleasedVisit | null): Record<string, string> {
  if (!visit) return {};
  return visit.placeReturned ? { visitReleased: visit.date } : { visitEnded: visit.state, visitDate: visit.date };
}
