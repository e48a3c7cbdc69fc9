import { eq } from 'drizzle-orm';
import type { Billing } from '../payments/schema.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { overstays } from './schema.ts';

/**
 * Payments' taker for overstay codes: the bank took the money for a code while it was valid, so the charge is paid,
 * even when the code was yesterday's and today's charge is a day more (the scan then stops counting: a paid overstay's
 * holder is left to the officers, who extend the permit or see the person leave). A proposal already made stays
 * before the head of office.
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
  await tx
    .update(overstays)
    .set({
      status: overstay.status === 'open' ? 'paid' : overstay.status,
      paidAt,
      updatedAt: new Date(),
    })
    .where(eq(overstays.id, overstay.id));
  return { unitCode: overstay.unitCode };
}
