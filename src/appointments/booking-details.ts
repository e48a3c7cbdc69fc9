import type { Application } from '../applications/schema.ts';
import { findLatestBilling } from '../payments/find-billing.ts';
import type { Executor } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { currentAppointment } from './live-appointment.ts';
import { signAppointmentQr } from './qr.ts';
import type { Appointment } from './schema.ts';
import { whatToBring, type BringItem } from './what-to-bring.ts';

export type BookingDetails = {
  application: Application;
  appointment: Appointment;
  billing: { code: string; amount: number; expiresAt: Date; paidAt: Date | null };
  unit: Unit;
  /** The signed QR text (never the NIK itself). */
  qr: string;
  bring: BringItem[];
};

/**
 * Everything the confirmation page, the PDF receipt and the calendar file show, for the live appointment or the one
 * attended (still the applicant's receipt, paid or not by its billing); null without either.
 */
export async function bookingDetails(
  db: Executor,
  application: Application,
  qrSecret: string,
): Promise<BookingDetails | null> {
  const appointment = await currentAppointment(db, application.id);
  const billing = appointment && (await findLatestBilling(db, appointment.id));
  if (!appointment || !billing) return null;
  return {
    application,
    appointment,
    billing: { code: billing.code, amount: billing.amount, expiresAt: billing.expiresAt, paidAt: billing.paidAt },
    unit: await getUnit(db, appointment.unitCode),
    qr: signAppointmentQr(qrSecret, appointment),
    bring: whatToBring(application, appointment.date),
  };
}
