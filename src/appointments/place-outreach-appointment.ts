import crypto from 'node:crypto';
import { recordAction } from '../applications/actions.ts';
import type { Application } from '../applications/schema.ts';
import { newBillingCode } from '../payments/billing-code.ts';
import { billings } from '../payments/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import { constraintOf, sqlState, type Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { appointments, type Channel } from './schema.ts';

/**
 * An appointment where the office goes out (a si Koe Peduli visit, someone registered on site at an Eazy Paspor
 * session): on the given day at the unit, outside the booking window and the counter's quotas, with the normal fee's
 * billing code payable until that day ends. The application is then booked like any other, so the usual check-in and
 * counter steps run on site unchanged. `link` says what it is tied to, e.g. `{ homeVisitId }`.
 */
export async function placeOutreachAppointment(
  tx: Tx,
  caller: Caller,
  input: { application: Application; unitCode: string; date: IsoDate; channel: Channel; link: Record<string, string> },
): Promise<{ appointmentId: string; billingCode: string }> {
  const { application, unitCode, date, channel } = input;
  if (application.status !== 'submitted' || application.feeTotal === null || !application.nik) {
    throw new AppError('invalid_transition', undefined, { step: 'book', status: application.status });
  }
  const appointmentId = crypto.randomUUID();
  try {
    await tx.insert(appointments).values({ id: appointmentId, applicationId: application.id, unitCode, date, channel, nik: application.nik });
  } catch (err) {
    if (sqlState(err) === '23505' && constraintOf(err)?.startsWith('appointments_live_')) throw new AppError('already_booked');
    throw err;
  }
  const billing = { code: newBillingCode(), amount: application.feeTotal, expiresAt: witaInstant(addDays(date, 1)) };
  await tx.insert(billings).values({ ...billing, appointmentId, applicationId: application.id });
  await recordAction(tx, caller, {
    applicationId: application.id,
    type: 'appointment_booked',
    status: 'booked',
    payload: { appointmentId, date, unitCode, channel, billingCode: billing.code, ...input.link },
  });
  return { appointmentId, billingCode: billing.code };
}
