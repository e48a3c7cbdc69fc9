import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/index.ts';
import { saturdayPickups, saturdayPickupSlots } from './schema.ts';

/** Gives a live pickup's place back to its Saturday and ends the choice. */
export async function cancelPickup(tx: Tx, pickup: typeof saturdayPickups.$inferSelect, now: Date): Promise<void> {
  await tx.update(saturdayPickups).set({ cancelledAt: now }).where(eq(saturdayPickups.id, pickup.id));
  await tx
    .update(saturdayPickupSlots)
    .set({ booked: sql`${saturdayPickupSlots.booked} - 1` })
    .where(
      and(
        eq(saturdayPickupSlots.unitCode, pickup.unitCode),
        eq(saturdayPickupSlots.date, pickup.date),
        gt(saturdayPickupSlots.booked, 0),
      ),
    );
}

/**
 * When a passport leaves the desk otherwise (handed over on a weekday, or voided), a Saturday chosen for a later
 * date is cancelled and its place returned for someone else. A pickup dated today or before stays as it is: it is
 * the record that the passport was collected on that Saturday.
 */
export async function releaseSaturdayPickup(tx: Tx, applicationId: string, today: string, now: Date): Promise<void> {
  const [pickup] = await tx
    .select()
    .from(saturdayPickups)
    .where(
      and(
        eq(saturdayPickups.applicationId, applicationId),
        isNull(saturdayPickups.cancelledAt),
        gt(saturdayPickups.date, today),
      ),
    )
    .for('update');
  if (pickup) await cancelPickup(tx, pickup, now);
}
