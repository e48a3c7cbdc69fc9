import { sql } from 'drizzle-orm';
import type { PassportType } from '../applications/schema.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { passports } from './schema.ts';

export type IssuedByUnit = { unitCode: string; type: PassportType; count: number };

/**
 * Passports issued (every status but cancelled) on WITA days `from`..`to` at the units given, per unit and type:
 * counts only, one range scan of `passports_issued_idx`. Sikoe's own rows only (the monthly history of before Sikoe
 * is `countIssuedPassports`' concern).
 */
export async function countIssuedByUnit(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<IssuedByUnit[]> {
  if (q.unitCodes.length === 0) return [];
  const rows = await queryRows<{ unit_code: string; type: PassportType; n: number }>(
    db,
    sql`select unit_code, type, count(*)::int as n from ${passports}
      where issue_date between ${q.from}::date and ${q.to}::date and unit_code in ${q.unitCodes}
        and status <> 'cancelled'
      group by 1, 2`,
  );
  return rows.map((r) => ({ unitCode: r.unit_code, type: r.type, count: r.n }));
}
