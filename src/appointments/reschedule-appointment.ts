import { eq, sql } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import type { WindowRules } from './booking-window.ts';
import { lockLiveAppointment } from './cancel-appointment.ts';
import { ensureDayQuota, lockDaysInOrder, takePlace } from './capacity.ts';
import { assertServingDate } from './date-rules.ts';
import { signAppointmentQr } from './qr.ts';
import { releasePlace } from './release-place.ts';
import { appointments, type AppointmentState } from './schema.ts';

/**
 * Whether an appointment may still be moved: not yet used (attended), once, and at the latest the day before its date
 * (H-1, WITA).
 */
export const canReschedule = (
  appointment: { reschedules: number; date: IsoDate; state: AppointmentState },
  now = new Date(),
) => appointment.state !== 'attended' && appointment.reschedules < 1 && witaDate(now) < appointment.date;

/**
 * Moves the live appointment to another date in one transaction: a place is taken on the new day and the old
 * day's place is freed (held for its waitlist, else returned). The billing code stays; the QR changes with the date.
 */
export async function rescheduleAppointment(
  tx: Tx,
  caller: Caller,
  input: { applicationId: string; date: IsoDate },
  rules: WindowRules,
  qrSecret: string,
  now = new Date(),
) {
  const { application, appointment } = await lockLiveAppointment(tx, input.applicationId);
  if (!canReschedule(appointment, now)) throw new AppError('reschedule_not_allowed');
  if (input.date === appointment.date) throw new AppError('validation_failed', { date: 'booking.reschedule.sameDate' });
  if (!application.passportType) throw new AppError('invalid_transition');
  const { unitCode, channel } = appointment;
  await assertServingDate(tx, { unitCode, passportType: application.passportType, date: input.date }, rules, now);
  await ensureDayQuota(tx, unitCode, input.date, channel);
  await lockDaysInOrder(tx, unitCode, channel, [input.date, appointment.date]);
  if (!(await takePlace(tx, unitCode, input.date, channel))) throw new AppError('quota_full');
  await tx
    .update(appointments)
    .set({ date: input.date, reschedules: sql`${appointments.reschedules} + 1` })
    .where(eq(appointments.id, appointment.id));
  await releasePlace(tx, caller, appointment, now);
  const moved = { from: appointment.date, to: input.date };
  await recordAction(tx, caller, {
    applicationId: appointment.applicationId,
    type: 'appointment_rescheduled',
    payload: { appointmentId: appointment.id, ...moved },
  });
  await appendAudit(tx, caller, {
    action: 'appointment.reschedule',
    targetType: 'appointment',
    targetId: appointment.id,
    unitCode,
    details: moved,
  });
  const qr = signAppointmentQr(qrSecret, { id: appointment.id, nik: appointment.nik, date: input.date, unitCode });
  return {
    appointment: { id: appointment.id, date: input.date, unitCode, qr, reschedules: appointment.reschedules + 1 },
  };
}
