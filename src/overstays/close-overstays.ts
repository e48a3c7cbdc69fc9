import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/append-audit.ts';
import type { Caller } from '../platform/auth/caller.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Tx } from '../platform/db/index.ts';

/**
 * A departure was recorded: the person's running overstay periods stop counting at the departure day, with their final
 * days and charge (the next scan bills a changed charge). A departure before a period's first day (and not before the
 * permit's entry) shows the person left in time, or within days already paid, and an open period is cancelled; one
 * from before the entry belongs to an earlier stay and changes nothing. A paid period only learns the day.
 */
export async function closeOverstays(
  tx: Tx,
  caller: Caller,
  departure: { foreignerId: string; departedOn: IsoDate },
): Promise<void> {
  const closed = await queryRows<{ id: string; unit_code: string; days: number; status: string }>(
    tx,
    sql`
    update overstays o set departed_on = ${departure.departedOn}::date, updated_at = now(),
      last_day = case when o.status = 'paid' then o.last_day else greatest(${departure.departedOn}::date, o.first_day) end,
      days = case when o.status = 'paid' then o.days else greatest(${departure.departedOn}::date - o.first_day + 1, 0) end,
      amount = case when o.status = 'paid' then o.amount
        else greatest(${departure.departedOn}::date - o.first_day + 1, 0)::bigint * o.daily_rate end,
      status = case when o.status = 'open' and ${departure.departedOn}::date < o.first_day then 'cancelled' else o.status end
    where o.foreigner_id = ${departure.foreignerId} and o.departed_on is null and o.status <> 'cancelled'
      and o.entry_date <= ${departure.departedOn}::date
    returning o.id, o.unit_code, o.days, o.status`,
  );
  for (const overstay of closed)
    await appendAudit(tx, caller, {
      action: overstay.status === 'cancelled' ? 'overstay.cancel' : 'overstay.close',
      targetType: 'overstay',
      targetId: overstay.id,
      unitCode: overstay.unit_code,
      details: { days: overstay.days },
    });
}
