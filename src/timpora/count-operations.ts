import { sql } from 'drizzle-orm';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import { timporaFindings, timporaOperations } from './schema.ts';

/**
 * One unit's month of joint operations, without personal data: operations held (in the field or reported, not planned nor cancelled, by their first
 * day's month), people checked in them, and violations by type and by nationality (ICAO code).
 */
export type OperationFigures = {
  unitCode: string;
  /** `YYYY-MM`, the month of the operation's first day. */
  month: string;
  operations: number;
  checked: number;
  violationsByType: Record<string, number>;
  violationsByNationality: Record<string, number>;
};

/** The figures of operations starting between `from` and `to` (inclusive), per unit and month, in that order; of the units given, when given. */
export async function countOperations(
  db: Executor,
  period: { from: IsoDate; to: IsoDate; unitCodes?: readonly string[] },
): Promise<OperationFigures[]> {
  const held = sql`o.status in ('operation', 'reported') and o.starts_on between ${period.from} and ${period.to}
    ${period.unitCodes ? sql`and o.unit_code in ${period.unitCodes}` : sql``}`;
  const ops = await queryRows<{ unit_code: string; month: string; operations: number }>(
    db,
    sql`select o.unit_code, to_char(o.starts_on, 'YYYY-MM') as month, count(*)::int as operations
      from ${timporaOperations} o where ${held} group by 1, 2`,
  );
  const found = await queryRows<{
    unit_code: string;
    month: string;
    nationality: string;
    violation: string | null;
    n: number;
  }>(
    db,
    sql`select o.unit_code, to_char(o.starts_on, 'YYYY-MM') as month, f.nationality, f.violation, count(*)::int as n
      from ${timporaFindings} f join ${timporaOperations} o on o.id = f.operation_id
      where ${held} group by 1, 2, 3, 4`,
  );
  const figures = new Map<string, OperationFigures>();
  for (const o of ops)
    figures.set(`${o.unit_code}|${o.month}`, {
      unitCode: o.unit_code,
      month: o.month,
      operations: o.operations,
      checked: 0,
      violationsByType: {},
      violationsByNationality: {},
    });
  for (const f of found) {
    const row = figures.get(`${f.unit_code}|${f.month}`);
    if (!row) continue;
    row.checked += f.n;
    if (!f.violation) continue;
    row.violationsByType[f.violation] = (row.violationsByType[f.violation] ?? 0) + f.n;
    row.violationsByNationality[f.nationality] = (row.violationsByNationality[f.nationality] ?? 0) + f.n;
  }
  return [...figures.values()].sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.month.localeCompare(b.month));
}
