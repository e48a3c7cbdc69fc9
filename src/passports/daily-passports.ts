import { sql } from 'drizzle-orm';
import { applicationDueDates } from '../applications/due-on-sql.ts';
import type { IsoDate } from '../platform/calendar/wita.ts';
import { queryRows, type Executor } from '../platform/db/index.ts';
import type { DailyRow, DailySource } from '../platform/rollups/daily-source.ts';
import { passports } from './schema.ts';

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
