import { and, eq, isNull } from 'drizzle-orm';
import { addDays, witaInstant, type IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { billings } from './schema.ts';

/** An appointment moved with its si Koe Peduli visit: its unpaid billing stays payable until the end of the visit day. */
export async function extendBillingToVisitDay(tx: Tx, appointmentId: string, date: IsoDate): Promise<void> {
  await tx
    .update(billings)
    .set({ expiresAt: witaInstant(addDays(date, 1)) })
    .where(and(eq(billings.appointmentId, appointmentId), isNull(billings.paidAt)));
}
