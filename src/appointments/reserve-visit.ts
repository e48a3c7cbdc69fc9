import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { ensureDayQuota, lockDaysInOrder, takePlace } from './capacity.ts';
import { endVisit, lockLiveVisit, VISIT_CHANNEL } from './release-visit.ts';
import { appointments } from './schema.ts';

export type ReservedVisit = { appointmentId: string; date: IsoDate; movedFrom: IsoDate | null };

/**
 * A foreigner's biometrics visit for a stay-permit service application (permit-services' id) at the unit on the date,
 * in the unit's `stay_permit` quota that the head of office sets on the quota pages. The place is taken with the
 * conditional update of the day's counter, so the day is never overbooked. Asked again for the same day, the live
 * visit is returned; for another day, it moves: the new place is taken, then the old visit ends and, when its day is
 * still ahead, gives its place back, all in the caller's transaction. A visit has no NIK (foreigners) and no billing
 * (the service was paid before booking), so it is live as `paid` and no expiry or reminder touches it.
 *
 * Returns null when the day is full: the caller refuses, and its rolled-back transaction leaves everything as it
 * was. The caller checks its own days (window, closed days) before and audits after, naming the visit.
 */
export async function reserveVisit(
  tx: Tx,
  input: { applicationId: string; unitCode: string; date: IsoDate },
  now = new Date(),
): Promise<ReservedVisit | null> {
  const { applicationId, unitCode, date } = input;
  const live = await lockLiveVisit(tx, applicationId);
  if (live && live.date === date && live.unitCode === unitCode)
    return { appointmentId: live.id, date, movedFrom: null };
  await ensureDayQuota(tx, unitCode, date, VISIT_CHANNEL);
  if (live) await lockDaysInOrder(tx, unitCode, VISIT_CHANNEL, [date, live.date]);
  if (!(await takePlace(tx, unitCode, date, VISIT_CHANNEL))) return null;
  if (live) await endVisit(tx, live, now);
  const [visit] = await tx
    .insert(appointments)
    .values({ applicationId, unitCode, date, channel: VISIT_CHANNEL, nik: null, state: 'paid' })
    .returning({ id: appointments.id });
  return { appointmentId: visit!.id, date, movedFrom: live?.date ?? null };
}
