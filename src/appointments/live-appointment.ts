import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { appointments, type Appointment } from './schema.ts';

/** The application's live (booked or paid) appointment, if any: a unique index allows one. `lock` locks it. */
export async function liveAppointment(
  db: Executor,
  applicationId: string,
  options: { lock?: boolean } = {},
): Promise<Appointment | null> {
  const query = db
    .select()
    .from(appointments)
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, ['booked', 'paid'])));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}
