import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';

export type OverstayCount = { unitCode: string; month: string; overstays: number; paid: number; proposed: number };

/**
 * Overstays by unit and the month of their first day over, with how many were paid (every period of it) and how many
 * were proposed for administrative action: counts only. An overstay paid in parts is one overstay, however many
 * periods it has; cancelled periods (the person had left in time) are not overstays. `unitCodes` narrows to those units.
 */
export async function countOverstays(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<OverstayCount[]> {
  const rows = await queryRows<{ unit_code: string; month: string; n: number; paid: number; proposed: number }>(
    db,
    sql`
    select unit_code, to_char(started_on, 'YYYY-MM') as month, count(*)::int as n,
      count(*) filter (where paid)::int as paid, count(*) filter (where proposed)::int as proposed
    from (
      select o.unit_code, o.started_on, bool_and(o.paid_at is not null) as paid, bool_or(p.id is not null) as proposed
      from overstays o left join overstay_proposals p on p.overstay_id = o.id
      where o.started_on between ${range.from}::date and ${range.to}::date and o.status <> 'cancelled'
        ${range.unitCodes ? sql`and o.unit_code in ${range.unitCodes}` : sql``}
      group by o.permit_id, o.started_on, o.unit_code) overstay
    group by 1, 2 order by 2, 1`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    month: r.month,
    overstays: r.n,
    paid: r.paid,
    proposed: r.proposed,
  }));
}
