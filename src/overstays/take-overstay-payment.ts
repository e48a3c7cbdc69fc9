import { eq } from 'drizzle-orm';
import type { Billing } from '../payments/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { addDays } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { overstays, type Overstay } from './schema.ts';

/**
 * Payments' taker for overstay codes: the bank took the money for a code while it was valid, so the period is paid
 * for the days the code charged. A code is good for its WITA day and the period grows a day at each scan, so a code
 * paid after the next scan covers fewer days than the period holds: the period is cut at the code's last day and the
 * days after it stay owed as the next period (the scan counts it on while the person stays, and bills it). A proposal
 * already made stays before the head of office.
 */
export async function overstayPaid(
  tx: Tx,
  _caller: Caller,
  billing: Billing,
  paidAt: Date,
): Promise<{ unitCode: string }> {
  const [overstay] = await tx
    .select()
    .from(overstays)
    .where(eq(overstays.id, billing.subjectId ?? '00000000-0000-0000-0000-000000000000'))
    .for('update');
  if (!overstay || overstay.status === 'cancelled') throw new AppError('not_found');
  if (overstay.status !== 'open') {
    await tx.update(overstays).set({ paidAt, updatedAt: new Date() }).where(eq(overstays.id, overstay.id));
    return { unitCode: overstay.unitCode };
  }
  const paid = Math.min(Math.floor(billing.amount / overstay.dailyRate), overstay.days);
  await tx
    .update(overstays)
    .set({
      status: 'paid',
      paidAt,
      lastDay: addDays(overstay.firstDay, paid - 1),
      days: paid,
      amount: paid * overstay.dailyRate,
      updatedAt: new Date(),
    })
    .where(eq(overstays.id, overstay.id));
  if (paid < overstay.days) await owe(tx, overstay, paid);
  return { unitCode: overstay.unitCode };
}

/** The days of a period after the `paid` ones, owed as the permit's next period (closed with it if the person left). */
async function owe(tx: Tx, overstay: Overstay, paid: number): Promise<void> {
  const days = overstay.days - paid;
  await tx.insert(overstays).values({
    permitId: overstay.permitId,
    foreignerId: overstay.foreignerId,
    unitCode: overstay.unitCode,
    entryDate: overstay.entryDate,
    startedOn: overstay.startedOn,
    firstDay: addDays(overstay.firstDay, paid),
    lastDay: overstay.lastDay,
    days,
    dailyRate: overstay.dailyRate,
    amount: days * overstay.dailyRate,
    departedOn: overstay.departedOn,
  });
}
