import { eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/index.ts';
import { appointments, type Appointment } from './schema.ts';

/** An appointment by id, in any state; null when there is none. */
export async function findAppointment(db: Executor, id: string): Promise<Appointment | null> {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
  return row ?? null;
}
