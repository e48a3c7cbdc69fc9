import { sql } from 'drizzle-orm';
import { nationalityOf } from '../foreigners/nationality-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { PermitType } from './schema.ts';

export type PermitCount = { unitCode: string; month: string; type: PermitType; nationality: string; count: number };

/**
 * Stay permits by the month their validity began (between two WITA dates, inclusive), unit, type and the holder's
 * nationality: counts only, for open figures. Cancelled permits are left out; `unitCodes` narrows to those units.
 */
export async function countPermits(
  db: Executor,
  range: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<PermitCount[]> {
  const rows = await queryRows<{ unit_code: string; month: string; type: PermitType; nationality: string; n: number }>(
    db,
    sql`
    select p.unit_code, to_char(p.valid_from, 'YYYY-MM') as month, p.type,
      ${nationalityOf(sql`p.foreigner_id`)} as nationality, count(*)::int as n
    from stay_permits p
    where p.valid_from between ${range.from}::date and ${range.to}::date and p.status <> 'cancelled'
      ${range.unitCodes ? sql`and p.unit_code in ${range.unitCodes}` : sql``}
    group by 1, 2, 3, 4 order by 2, 1, 3, 4`,
  );
  return rows.map((r) => ({
    unitCode: r.unit_code,
    month: r.month,
    type: r.type,
    nationality: r.nationality,
    count: r.n,
  }));
}
