import { sql } from 'drizzle-orm';
import { applicationDueDates } from '../applications/due-on-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';
import { issuanceHistory, passports } from './schema.ts';

const inUnits = (unitCodes?: readonly string[]) => (unitCodes ? sql`and p.unit_code in ${unitCodes}` : sql``);

/**
 * Passports issued (every status but cancelled) per issue day, unit and type, one range scan of
 * `passports_issued_idx`. Sikoe's own rows only (the monthly history of before Sikoe is `countIssuedPassports`').
 */
export const issuedDaily: DailySource = {
  name: 'passports.issued',
  rows: (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) =>
    queryRows<DailyRow>(
      db,
      sql`select to_char(p.issue_date, 'YYYY-MM-DD') as day, p.unit_code as "unitCode", p.type as key,
          count(*)::int as value
        from ${passports} p
        where p.issue_date between ${from}::date and ${to}::date and p.status <> 'cancelled' ${inUnits(unitCodes)}
        group by 1, 2, 3`,
    ),
};

/**
 * Passport cases completed (the passport issued, not cancelled) per issue day and unit (`completed`), and those by
 * the SOP due date the counter set on the unit's working-day calendar (`on_time`). A case without a due date (issued
 * before the service-level clock existed) counts as completed, not as on time.
 */
export const serviceLevelDaily: DailySource = {
  name: 'passports.service_level',
  rows: async (db: Executor, from: IsoDate, to: IsoDate, unitCodes?: readonly string[]) =>
    (
      await queryRows<{ day: IsoDate; unit_code: string; completed: number; on_time: number }>(
        db,
        sql`select to_char(p.issue_date, 'YYYY-MM-DD') as day, p.unit_code, count(*)::int as completed,
            count(*) filter (where p.issue_date <= a.due_on)::int as on_time
          from ${passports} p left join ${applicationDueDates} a on a.id = p.application_id
          where p.issue_date between ${from}::date and ${to}::date and p.status <> 'cancelled' ${inUnits(unitCodes)}
          group by 1, 2`,
      )
    ).flatMap((r) => [
      { day: r.day, unitCode: r.unit_code, key: 'completed', value: r.completed },
      { day: r.day, unitCode: r.unit_code, key: 'on_time', value: r.on_time },
    ]),
};

export type HistoryCount = { unitCode: string; type: string; count: number };

/**
 * Passports issued before Sikoe (`issuance_history`, monthly) at the units given, in the whole months that lie within
 * [from, to] and in which the unit has no passport of Sikoe's: the same rule as `countIssuedPassports`, so that the
 * dashboard and the indicators agree with the statistics page across the months Sikoe went live.
 */
export async function countIssuanceHistory(
  db: Executor,
  q: { unitCodes: readonly string[]; from: IsoDate; to: IsoDate },
): Promise<HistoryCount[]> {
  if (q.unitCodes.length === 0) return [];
  return queryRows<HistoryCount>(
    db,
    sql`select h.unit_code as "unitCode", h.type, sum(h.count)::int as count
      from ${issuanceHistory} h
      where h.unit_code in ${q.unitCodes} and h.month >= ${q.from}::date
        and (h.month + interval '1 month - 1 day')::date <= ${q.to}::date
        and not exists (select 1 from ${passports} p where p.unit_code = h.unit_code
          and p.issue_date >= h.month and p.issue_date < h.month + interval '1 month')
      group by 1, 2`,
  );
}
