import { eq, sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import { witaDate } from '../platform/calendar/wita.ts';
import { queryRows, type Tx } from '../platform/db/index.ts';
import { getUnit } from '../units/list-units.ts';
import { channels, quotaTemplates, type Channel } from './schema.ts';

/** A unit's weekly capacity per channel: index 0 is Monday … 6 is Sunday (ISO weekday − 1). */
export type WeeklyQuota = Record<Channel, number[]>;

export const emptyWeeklyQuota = (): WeeklyQuota =>
  Object.fromEntries(channels.map((c) => [c, [0, 0, 0, 0, 0, 0, 0]])) as WeeklyQuota;

/**
 * Replaces a unit's weekly template. Future dates whose counter already exists follow the new capacity unless an
 * override fixes them; their bookings stay, so a lower capacity closes a day to new bookings and cancels nobody.
 */
export async function setQuotaTemplate(
  tx: Tx,
  caller: Caller,
  input: { unitCode: string; weekly: WeeklyQuota },
  now = new Date(),
) {
  const { unitCode, weekly } = input;
  await getUnit(tx, unitCode);
  const before = await tx.select().from(quotaTemplates).where(eq(quotaTemplates.unitCode, unitCode)).for('update');
  const old = new Map(before.map((r) => [`${r.channel}/${r.weekday}`, r.capacity]));
  const rows = channels.flatMap((channel) =>
    weekly[channel].map((capacity, i) => ({ unitCode, weekday: i + 1, channel, capacity })),
  );
  const changed = rows
    .filter((r) => (old.get(`${r.channel}/${r.weekday}`) ?? 0) !== r.capacity)
    .map((r) => ({
      channel: r.channel,
      weekday: r.weekday,
      from: old.get(`${r.channel}/${r.weekday}`) ?? 0,
      to: r.capacity,
    }));
  await tx
    .insert(quotaTemplates)
    .values(rows)
    .onConflictDoUpdate({
      target: [quotaTemplates.unitCode, quotaTemplates.weekday, quotaTemplates.channel],
      set: { capacity: sql`excluded.capacity` },
    });
  const followed = await queryRows<{ date: string }>(
    tx,
    sql`
    update day_quotas d set capacity = t.capacity
    from quota_templates t
    where d.unit_code = ${unitCode} and d.date > ${witaDate(now)}::date
      and t.unit_code = d.unit_code and t.channel = d.channel and t.weekday = extract(isodow from d.date)::int
      and d.capacity <> t.capacity
      and not exists (select 1 from quota_overrides o where o.unit_code = d.unit_code and o.date = d.date and o.channel = d.channel)
    returning d.date`,
  );
  await appendAudit(tx, caller, {
    action: 'quota.template.set',
    targetType: 'quota_template',
    targetId: unitCode,
    unitCode,
    details: { changed, datesFollowing: followed.length },
  });
  return { changed: changed.length, datesFollowing: followed.length };
}
