import { placeAppointment } from '../appointments/place-appointment.ts';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, ageOn, witaDate, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { applicantOf, arrivalByTrackingCode, refuseSecondTicket } from './arrival.ts';
import type { Admitted } from './check-in-arrival.ts';
import { admitToQueue } from './issue-ticket.ts';
import { openAt } from './opening-now.ts';
import type { PriorityReason } from './schema.ts';

/** `outsideHours`: the officer registers outside the unit's opening hours on purpose, and says why. */
export type WalkInInput = {
  unitCode: string;
  trackingCode: string;
  birthDate: IsoDate;
  reason: PriorityReason;
  outsideHours?: { reason: string };
};
export type WalkedIn = Admitted & { billing: { code: string; amount: number; expiresAt: Date } };

/** Age is on the record; disability and pregnancy are for the officer who sees the applicant. */
function checkReason(reason: PriorityReason, birthDate: IsoDate, today: IsoDate): void {
  const age = ageOn(birthDate, today);
  if (reason === 'elderly' && age < 60) throw new AppError('validation_failed', { reason: 'queue.errors.notElderly' });
  if (reason === 'toddler' && age >= 5) throw new AppError('validation_failed', { reason: 'queue.errors.notToddler' });
}

/**
 * Walk-ins are registered while the unit is open (its opening hours, WITA). Outside them only with an explicit
 * override and its reason, which is returned to be recorded; an override sent while the office is open is not needed
 * and not recorded.
 */
async function outsideHoursOverride(tx: Tx, input: WalkInInput, now: Date): Promise<{ reason: string } | undefined> {
  const { open, hours } = openAt(await getUnit(tx, input.unitCode), now);
  if (open) return undefined;
  if (!input.outsideHours)
    throw new AppError(
      'validation_failed',
      { outsideHours: hours ? 'queue.errors.outsideHours' : 'queue.errors.closedToday' },
      { hours },
    );
  return { reason: input.outsideHours.reason };
}

/**
 * Registers a priority applicant (lansia 60+, disabled, pregnant, balita under 5) who came without a booking but
 * with a submitted application: a place in today's priority quota is taken by the same conditional update as online
 * booking (never beyond capacity), an appointment for today is created with its billing code, and a `P` ticket issued.
 *
 * The billing is valid until the end of the day and no expiry job is queued: the applicant pays at the office today,
 * and an expiry would send a case already at the counter back to `submitted`.
 */
export async function registerPriorityWalkIn(
  tx: Tx,
  caller: Caller,
  input: WalkInInput,
  now = new Date(),
): Promise<WalkedIn> {
  const today = witaDate(now);
  const outsideHours = await outsideHoursOverride(tx, input, now);
  const arrival = await arrivalByTrackingCode(tx, input.trackingCode, input.birthDate);
  const { application } = arrival;
  await refuseSecondTicket(tx, application.id, today);
  if (application.status !== 'submitted' || !application.nik || application.feeTotal === null)
    throw new AppError('invalid_transition');
  if (application.unitCode !== input.unitCode) throw new AppError('wrong_unit');
  checkReason(input.reason, application.birthDate!, today);

  const { appointmentId, billing } = await placeAppointment(tx, caller, {
    applicationId: application.id,
    unitCode: input.unitCode,
    nik: application.nik,
    date: today,
    channel: 'priority',
    billing: { amount: application.feeTotal, expiresAt: witaInstant(addDays(today, 1)) },
    quota: { counted: false },
    payload: { channel: 'priority', ...(outsideHours && { outsideHours }) },
  });

  const { ticket, label } = await admitToQueue(
    tx,
    caller,
    {
      unitCode: input.unitCode,
      day: today,
      series: 'P',
      applicationId: application.id,
      appointmentId,
      priorityReason: input.reason,
    },
    now,
  );
  await appendAudit(tx, caller, {
    action: 'queue.walk_in',
    targetType: 'application',
    targetId: application.id,
    unitCode: input.unitCode,
    details: { ticket: label, reason: input.reason, appointmentId, ...(outsideHours && { outsideHours }) },
  });
  return {
    ticket: label,
    ticketId: ticket.id,
    applicationId: application.id,
    status: 'checked_in',
    applicant: applicantOf(arrival),
    billing,
  };
}
