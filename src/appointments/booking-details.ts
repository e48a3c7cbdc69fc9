import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Application } from '../applications/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { billings } from '../payments/schema.ts';
import { getUnit } from '../units/list-units.ts';
import type { Unit } from '../units/schema.ts';
import { signAppointmentQr } from './qr.ts';
import { appointments, type Appointment } from './schema.ts';
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

/** Everything the confirmation page, the PDF receipt and the calendar file show; null without a live appointment. */
export async function bookingDetails(db: Executor, application: Application, qrSecret: string): Promise<BookingDetails | null> {
  const [row] = await db
    .select({ appointment: appointments, billing: billings })
    .from(appointments)
    .innerJoin(billings, eq(billings.appointmentId, appointments.id))
    .where(and(eq(appointments.applicationId, application.id), inArray(appointments.state, ['booked', 'paid'])))
    .orderBy(desc(billings.createdAt))
    .limit(1);
  if (!row) return null;
  const { appointment, billing } = row;
  return {
    application,
    appointment,
    billing: { code: billing.code, amount: billing.amount, expiresAt: billing.expiresAt, paidAt: billing.paidAt },
    unit: await getUnit(db, appointment.unitCode),
    qr: signAppointmentQr(qrSecret, appointment),
    bring: whatToBring(application, appointment.date),
  };
}
