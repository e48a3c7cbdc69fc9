import type { Application } from '../applications/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { placeAppointment } from './place-appointment.ts';
import type { PassportChannel } from './schema.ts';

/**
 * An appointment where the office goes out (a si Koe Peduli visit, someone registered on site at an Eazy Paspor
 * session): on the given day at the unit, outside the booking window and the counter's quotas, with the normal fee's
 * billing code payable until that day ends. The application is then booked like any other, so the usual check-in and
 * counter steps run on site unchanged. `link` says what it is tied to, e.g. `{ homeVisitId }`.
 */
export async function placeOutreachAppointment(
  tx: Tx,
  caller: Caller,
  input: {
    application: Application;
    unitCode: string;
    date: IsoDate;
    channel: PassportChannel;
    link: Record<string, string>;
  },
): Promise<{ appointmentId: string; billingCode: string }> {
  const { application, unitCode, date, channel } = input;
  if (application.status !== 'submitted' || application.feeTotal === null || !application.nik) {
    throw new AppError('invalid_transition', undefined, { step: 'book', status: application.status });
  }
  const { appointmentId, billing } = await placeAppointment(tx, caller, {
    applicationId: application.id,
    unitCode,
    nik: application.nik,
    date,
    channel,
    billing: { amount: application.feeTotal, expiresAt: witaInstant(addDays(date, 1)) },
    quota: null,
    payload: { channel, ...input.link },
  });
  return { appointmentId, billingCode: billing.code };
}
