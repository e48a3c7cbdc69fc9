import { and, eq, inArray } from 'drizzle-orm';
import { appointments } from '../appointments/schema.ts';
import type { Executor } from '../platform/db/index.ts';
import { applications } from './schema.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

/**
 * Public status by tracking code and birth date. Unknown code and wrong birth date give the same null, so the
 * lookup cannot tell anyone whether a code exists; it reveals status, office and date, nothing personal.
 */
export async function trackApplication(db: Executor, code: string, birthDate: string) {
  const [row] = await db
    .select({ trackingCode: applications.trackingCode, status: applications.status, unitCode: applications.unitCode, birthDate: applications.birthDate, id: applications.id })
    .from(applications)
    .where(eq(applications.trackingCode, normaliseTrackingCode(code)));
  if (!row || row.birthDate !== birthDate || row.status === 'draft') return null;
  const [appointment] = await db
    .select({ date: appointments.date })
    .from(appointments)
    .where(and(eq(appointments.applicationId, row.id), inArray(appointments.state, ['booked', 'paid'])));
  return { trackingCode: row.trackingCode, status: row.status, unitCode: row.unitCode, appointmentDate: appointment?.date ?? null };
}
