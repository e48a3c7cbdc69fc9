import { isBooked } from '../applications/application-statuses.ts';
import { findAppointment } from '../appointments/find-appointment.ts';
import { qrMatchesNik, verifyAppointmentQr } from '../appointments/qr.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { applicantOf, arrivalById, arrivalByTrackingCode, refuseSecondTicket, type Arrival } from './arrival.ts';
import { admitToQueue } from './issue-ticket.ts';

export type CheckInInput = { unitCode: string } & ({ qr: string } | { trackingCode: string; birthDate: IsoDate });
export type Admitted = {
  ticket: string;
  ticketId: string;
  applicationId: string;
  status: 'checked_in';
  applicant: { fullName: string | null; nik: string | null; trackingCode: string };
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses an appointment for another day or office, saying which day and which office it is for, so reception can
 * tell the applicant where and when to come. The message sits on the field the officer used (`qr` or
 * `trackingCode`); `date` is the ISO date, which pages write as people read it.
 */
async function elsewhere(
  tx: Tx,
  code: 'wrong_unit' | 'wrong_day',
  field: 'qr' | 'trackingCode',
  booked: { date: IsoDate; unitCode: string },
): Promise<AppError> {
  const unit = await getUnit(tx, booked.unitCode).catch(() => null);
  const key = code === 'wrong_day' ? 'queue.errors.wrongDay' : 'queue.errors.wrongUnit';
  return new AppError(code, { [field]: key }, { date: booked.date, unit: unit?.name ?? booked.unitCode });
}

/** A QR the server signed, for this unit and today, and still the applicant's appointment. */
async function arrivalByQr(
  tx: Tx,
  input: { unitCode: string; qr: string },
  qrSecret: string,
  today: IsoDate,
): Promise<{ arrival: Arrival; appointmentId: string }> {
  const claims = verifyAppointmentQr(qrSecret, input.qr.trim());
  if (!claims || !uuid.test(claims.appointmentId)) throw new AppError('invalid_qr');
  if (claims.unitCode !== input.unitCode) throw await elsewhere(tx, 'wrong_unit', 'qr', claims);
  if (claims.date !== today) throw await elsewhere(tx, 'wrong_day', 'qr', claims);
  const appointment = await findAppointment(tx, claims.appointmentId);
  const arrival = appointment && (await arrivalById(tx, appointment.applicationId));
  if (!arrival || !qrMatchesNik(claims.nikHash, arrival.application.nik ?? '')) throw new AppError('invalid_qr');
  return { arrival, appointmentId: claims.appointmentId };
}

/**
 * Checks a booked applicant in at reception, by the appointment QR or by tracking code and birth date, and issues
 * an `A` ticket. The appointment must be live (booked or paid), at this unit and today, and is used up (attended);
 * the officer then compares the NIK shown with the e-KTP.
 */
export async function checkInArrival(
  tx: Tx,
  caller: Caller,
  input: CheckInInput,
  qrSecret: string,
  now = new Date(),
): Promise<Admitted> {
  const today = witaDate(now);
  const byQr = 'qr' in input;
  const { arrival, appointmentId } = byQr
    ? await arrivalByQr(tx, input, qrSecret, today)
    : { arrival: await arrivalByTrackingCode(tx, input.trackingCode, input.birthDate), appointmentId: undefined };
  const { application, appointment } = arrival;
  await refuseSecondTicket(tx, application.id, today);
  if (!isBooked(application.status) || !appointment) throw new AppError('invalid_transition');
  // A QR of an appointment cancelled since, while another one is live, is no longer this applicant's pass.
  if (appointmentId && appointment.id !== appointmentId) throw new AppError('invalid_qr');
  const field = byQr ? 'qr' : 'trackingCode';
  if (appointment.unitCode !== input.unitCode) throw await elsewhere(tx, 'wrong_unit', field, appointment);
  if (appointment.date !== today) throw await elsewhere(tx, 'wrong_day', field, appointment);

  const { ticket, label } = await admitToQueue(
    tx,
    caller,
    {
      unitCode: input.unitCode,
      day: today,
      series: 'A',
      applicationId: application.id,
      appointmentId: appointment.id,
    },
    now,
  );
  await appendAudit(tx, caller, {
    action: 'queue.check_in',
    targetType: 'application',
    targetId: application.id,
    unitCode: input.unitCode,
    details: { ticket: label, via: byQr ? 'qr' : 'tracking_code' },
  });
  return {
    ticket: label,
    ticketId: ticket.id,
    applicationId: application.id,
    status: 'checked_in',
    applicant: applicantOf(arrival),
  };
}
