import { eq } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { lockApplication } from '../applications/get-application.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { liveAppointment } from './live-appointment.ts';
import { releasePlace } from './release-place.ts';
import { appointments } from './schema.ts';

/** The application (row-locked) and its live appointment (row-locked): what reschedule and cancel act on. */
export async function lockLiveAppointment(tx: Tx, applicationId: string) {
  const application = await lockApplication(tx, applicationId);
  const appointment = await liveAppointment(tx, applicationId, { lock: true });
  if (!appointment) throw new AppError('invalid_transition');
  return { application, appointment };
}

/**
 * Cancels an unpaid appointment up to its day; its place is freed (held for the date's waitlist, else returned)
 * and the application can book again. A paid one is not cancelled online: its fee would be lost, and it can be
 * moved instead.
 */
export async function cancelAppointment(tx: Tx, caller: Caller, input: { applicationId: string }, now = new Date()) {
  const { appointment } = await lockLiveAppointment(tx, input.applicationId);
  if (appointment.state !== 'booked' || appointment.date < witaDate(now)) throw new AppError('invalid_transition');
  await tx.update(appointments).set({ state: 'cancelled', endedAt: now }).where(eq(appointments.id, appointment.id));
  await releasePlace(tx, caller, appointment, now);
  await recordAction(tx, caller, {
    applicationId: appointment.applicationId,
    type: 'appointment_cancelled',
    status: 'submitted',
    payload: { appointmentId: appointment.id, date: appointment.date },
  });
  await appendAudit(tx, caller, {
    action: 'appointment.cancel',
    targetType: 'appointment',
    targetId: appointment.id,
    unitCode: appointment.unitCode,
    details: { date: appointment.date },
  });
  return { id: appointment.id, date: appointment.date, state: 'cancelled' as const };
}
