import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { appointments, liveStates } from './schema.ts';

/**
 * The applicant came: reception checked them in on the appointment (queue's check-in or priority walk-in, in the same
 * transaction), so it stops being live and the NIK may book again for a later application (after a refusal, a
 * deferral that ends in a new application, or a renewal years on). Paid or not: an unpaid one is paid at the office,
 * where its billing code stays payable. The check-in's application action names the appointment and its audit entry
 * records the arrival, so this writes neither. Refuses an appointment that is no longer live.
 */
export async function attendAppointment(tx: Tx, appointmentId: string, now = new Date()): Promise<void> {
  const attended = await tx
    .update(appointments)
    .set({ state: 'attended', endedAt: now })
    .where(and(eq(appointments.id, appointmentId), inArray(appointments.state, [...liveStates])))
    .returning({ id: appointments.id });
  if (attended.length === 0) throw new AppError('invalid_transition');
}
