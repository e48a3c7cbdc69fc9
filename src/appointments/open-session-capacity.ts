import { and, eq, sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { dayQuotas, quotaOverrides } from './schema.ts';

/**
 * Opens an Eazy Paspor session's places: adds them to the date's `eazy_paspor` override (on top of any other session's
 * that day) and, once bookings for the date have started, to its day counter.
 */
export async function openSessionCapacity(tx: Tx, unitCode: string, date: IsoDate, capacity: number): Promise<void> {
  await tx
    .insert(quotaOverrides)
    .values({ unitCode, date, channel: 'eazy_paspor', capacity })
    .onConflictDoUpdate({
      target: [quotaOverrides.unitCode, quotaOverrides.date, quotaOverrides.channel],
      set: { capacity: sql`${quotaOverrides.capacity} + ${capacity}` },
    });
  await tx
    .update(dayQuotas)
    .set({ capacity: sql`${dayQuotas.capacity} + ${capacity}` })
    .where(and(eq(dayQuotas.unitCode, unitCode), eq(dayQuotas.date, date), eq(dayQuotas.channel, 'eazy_paspor')));
}
