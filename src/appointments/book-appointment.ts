import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAction } from '../applications/actions.ts';
import { applications } from '../applications/schema.ts';
import { closedDays } from '../holidays/closed-days.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { sqlState, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { enqueueJob } from '../platform/jobs/enqueue-job.ts';
import { newBillingCode } from '../payments/billing-code.ts';
import { billings } from '../payments/schema.ts';
import { bookingWindow, type WindowRules } from './booking-window.ts';
import { ensureDayQuota, hasStock, takePlace } from './capacity.ts';
import { signAppointmentQr } from './qr.ts';
import { appointments, type Channel } from './schema.ts';

export const EXPIRE_JOB = 'appointment.expire';

export type BookingRules = WindowRules & { billingValidMinutes: number };
export type Booked = {
  appointment: { id: string; date: IsoDate; unitCode: string; qr: string };
  billing: { code: string; amount: number; expiresAt: Date };
  /** False when the same request came again and the existing booking is returned. */
  created: boolean;
};

/**
 * Books the application's date: takes a place with a conditional update on the day's counter (never overbooks),
 * binds the appointment to the NIK (one live appointment per person, enforced by a unique index), issues a billing
 * code valid for two hours and queues the job that releases the place if it is not paid.
 */
export async function bookAppointment(tx: Tx, caller: Caller, input: { applicationId: string; date: IsoDate }, rules: BookingRules, qrSecret: string, now = new Date()): Promise<Booked> {
  // The row lock makes a resent request wait for the first and then find its booking.
  const [application] = await tx.select().from(applications).where(eq(applications.id, input.applicationId)).for('update');
  if (!application) throw new AppError('not_found');
  const existing = await liveBooking(tx, application.id);
  if (existing) {
    const { id, date, unitCode } = existing.appointment;
    if (date === input.date) return { appointment: { id, date, unitCode, qr: signAppointmentQr(qrSecret, existing.appointment) }, billing: existing.billing, created: false };
    throw new AppError('already_booked');
  }
  if (application.status !== 'submitted' || !application.unitCode || !application.nik || !application.passportType || application.feeTotal === null) {
    throw new AppError('invalid_transition');
  }
  const window = bookingWindow(now, rules);
  if (input.date < window.from || input.date > window.to) throw new AppError('date_outside_window', { date: 'v.dateOutsideWindow' }, window);
  const unitCode = application.unitCode;
  const channel: Channel = application.speed === 'percepatan' ? 'percepatan' : 'online';
  if ((await closedDays(tx, unitCode, input.date, input.date)).has(input.date)) throw new AppError('date_closed');
  if (!(await hasStock(tx, unitCode, application.passportType))) throw new AppError('date_closed');
  const [someoneElse] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.nik, application.nik), inArray(appointments.state, ['booked', 'paid'])));
  if (someoneElse) throw new AppError('already_booked');

  await ensureDayQuota(tx, unitCode, input.date, channel);
  if (!(await takePlace(tx, unitCode, input.date, channel))) throw new AppError('quota_full');
  let appointmentId: string;
  try {
    const [row] = await tx.insert(appointments).values({ applicationId: application.id, unitCode, date: input.date, channel, nik: application.nik }).returning({ id: appointments.id });
    appointmentId = row!.id;
  } catch (err) {
    // Two requests for the same person on two units at once: the unique index lets one through.
    if (sqlState(err) === '23505') throw new AppError('already_booked');
    throw err;
  }
  const expiresAt = new Date(now.getTime() + rules.billingValidMinutes * 60_000);
  const code = newBillingCode();
  await tx.insert(billings).values({ code, appointmentId, applicationId: application.id, amount: application.feeTotal, expiresAt });
  await recordAction(tx, caller, { applicationId: application.id, type: 'appointment_booked', status: 'booked', payload: { appointmentId, date: input.date, unitCode, billingCode: code } });
  await enqueueJob(tx, EXPIRE_JOB, { appointmentId }, { runAt: expiresAt });
  await appendAudit(tx, caller, { action: 'appointment.book', targetType: 'appointment', targetId: appointmentId, unitCode, details: { date: input.date } });
  const appointment = { id: appointmentId, date: input.date, unitCode, nik: application.nik };
  return { appointment: { id: appointmentId, date: input.date, unitCode, qr: signAppointmentQr(qrSecret, appointment) }, billing: { code, amount: application.feeTotal, expiresAt }, created: true };
}

/** The application's live appointment with its newest billing, if any. */
export async function liveBooking(tx: Tx, applicationId: string) {
  const [row] = await tx
    .select({ appointment: appointments, billing: billings })
    .from(appointments)
    .innerJoin(billings, eq(billings.appointmentId, appointments.id))
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, ['booked', 'paid'])))
    .orderBy(sql`${billings.createdAt} desc`)
    .limit(1);
  if (!row) return null;
  const { appointment: a, billing: b } = row;
  return { appointment: { id: a.id, date: a.date, unitCode: a.unitCode, nik: a.nik }, billing: { code: b.code, amount: b.amount, expiresAt: b.expiresAt } };
}
