import { and, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { appointments, liveStates } from './schema.ts';

/** The application's live (booked or paid) appointment follows its si Koe Peduli visit to the new day; returns the ids moved. */
export async function moveAppointmentWithVisit(tx: Tx, applicationId: string, date: IsoDate): Promise<string[]> {
  const moved = await tx
    .update(appointments)
    .set({ date })
    .where(and(eq(appointments.applicationId, applicationId), inArray(appointments.state, [...liveStates])))
    .returning({ id: appointments.id });
  return moved.map((m) => m.id);
}
