import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import type { Tx } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { dayQuotas, quotaOverrides, type Channel } from './schema.ts';

/**
 * Sets one date's capacity for a channel. A day already being booked keeps its bookings: lowering capacity below
 * them closes the day to new bookings but cancels nobody.
 */
export async function setQuota(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; date: IsoDate; channel: Channel; capacity: number },
) {
  await getUnit(tx, input.unitCode);
  await tx
    .insert(quotaOverrides)
    .values(input)
    .onConflictDoUpdate({
      target: [quotaOverrides.unitCode, quotaOverrides.date, quotaOverrides.channel],
      set: { capacity: input.capacity },
    });
  const [day] = await tx
    .insert(dayQuotas)
    .values({ ...input, booked: 0 })
    .onConflictDoUpdate({
      target: [dayQuotas.unitCode, dayQuotas.date, dayQuotas.channel],
      set: { capacity: sql`excluded.capacity` },
    })
    .returning();
  await appendAudit(tx, caller, {
    action: 'quota.set',
    targetType: 'day_quota',
    targetId: `${input.unitCode}/${input.date}/${input.channel}`,
    unitCode: input.unitCode,
    details: { capacity: input.capacity },
  });
  return {
    date: input.date,
    channel: input.channel,
    capacity: day!.capacity,
    booked: day!.booked,
    remaining: Math.max(0, day!.capacity - day!.booked),
  };
}
