import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { dayOfWeek, witaDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { AppError } from '../platform/errors.ts';
import { getUnit } from '../units/list-units.ts';
import { saturdayPickupSlots } from './schema.ts';

/**
 * si Koe TOS: how many passports the unit hands over on a Saturday. Only Saturdays from today on; a capacity below
 * the places already chosen is refused rather than turning applicants away.
 */
export async function setPickupCapacity(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; date: string; capacity: number },
  now = new Date(),
) {
  await getUnit(tx, input.unitCode);
  if (dayOfWeek(input.date) !== 6) throw new AppError('validation_failed', { date: 'passports.v.saturday' });
  if (input.date < witaDate(now)) throw new AppError('validation_failed', { date: 'passports.v.pastDate' });
  const [slot] = await tx
    .select()
    .from(saturdayPickupSlots)
    .where(and(eq(saturdayPickupSlots.unitCode, input.unitCode), eq(saturdayPickupSlots.date, input.date)))
    .for('update');
  if (slot && input.capacity < slot.booked)
    throw new AppError('validation_failed', { capacity: 'passports.v.belowBooked' });
  await tx
    .insert(saturdayPickupSlots)
    .values({ unitCode: input.unitCode, date: input.date, capacity: input.capacity })
    .onConflictDoUpdate({
      target: [saturdayPickupSlots.unitCode, saturdayPickupSlots.date],
      set: { capacity: input.capacity },
    });
  await appendAudit(tx, caller, {
    action: 'saturday_pickup.capacity',
    targetType: 'unit',
    targetId: input.unitCode,
    unitCode: input.unitCode,
    details: { date: input.date, from: slot?.capacity ?? 0, to: input.capacity },
  });
  return { date: input.date, capacity: input.capacity, booked: slot?.booked ?? 0 };
}
